/** The GraphQL Money shape of an amount stored as minor units plus currency. */
export interface Money {
  amount: number;
  currency: string;
}

export function money(amountMinor: number, currency: string): Money {
  return { amount: amountMinor, currency };
}
