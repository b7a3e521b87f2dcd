/** A run of 12 to 19 digits, possibly grouped with spaces or dashes: the shape of a card number. */
const CARD_NUMBER = /\d(?:[\s-]?\d){11,18}/g;

/**
 * What may be stored about a payment method. Provider ids (`pm_...`) are
 * kept as they are; a raw card number (only the sandbox accepts those) is
 * reduced to its last four digits wherever it appears, because a full card
 * number in our database or events would put the platform in PCI DSS scope.
 */
export function storablePaymentMethod(paymentMethod: string): string {
  return paymentMethod.trim().replace(CARD_NUMBER, (pan) => `****${pan.replace(/\D/g, '').slice(-4)}`);
}
