import { createHash } from 'node:crypto';
import type { Clock } from '@travel/platform';
import { IdempotencyKeyReusedError, type AuthorizeRequest, type AuthorizeResult, type PaymentGateway } from './payment-gateway.js';

export const SANDBOX_PROVIDER = 'sandbox';

type Outcome =
  | { status: 'requires_capture' }
  | { status: 'requires_action'; message: string }
  | { status: 'declined'; declineCode: string; message: string };

const APPROVED: Outcome = { status: 'requires_capture' };
const AUTHENTICATION_REQUIRED: Outcome = { status: 'requires_action', message: 'This payment requires the cardholder to authenticate (3-D Secure).' };
const declined = (declineCode: string, message: string): Outcome => ({ status: 'declined', declineCode, message });
const GENERIC_DECLINE = declined('generic_decline', 'Your card was declined.');
const INSUFFICIENT_FUNDS = declined('insufficient_funds', 'Your card has insufficient funds.');
const EXPIRED_CARD = declined('expired_card', 'Your card has expired.');
const INVALID_PAYMENT_METHOD = declined(
  'invalid_payment_method',
  'The sandbox does not know this payment method; use a Stripe test PaymentMethod such as pm_card_visa or a Stripe test card number.',
);

/** Stripe's test-mode PaymentMethods and card numbers, with the outcome Stripe gives each. */
export const SANDBOX_PAYMENT_METHODS: ReadonlyMap<string, Outcome> = new Map([
  ['pm_card_visa', APPROVED],
  ['pm_card_mastercard', APPROVED],
  ['pm_card_amex', APPROVED],
  ['pm_card_chargeDeclined', GENERIC_DECLINE],
  ['pm_card_chargeDeclinedInsufficientFunds', INSUFFICIENT_FUNDS],
  ['pm_card_chargeDeclinedExpiredCard', EXPIRED_CARD],
  ['pm_card_authenticationRequired', AUTHENTICATION_REQUIRED],
  ['4242424242424242', APPROVED],
  ['5555555555554444', APPROVED],
  ['4000000000000002', GENERIC_DECLINE],
  ['4000000000009995', INSUFFICIENT_FUNDS],
  ['4000002500003155', AUTHENTICATION_REQUIRED],
]);

/** Stripe keeps idempotency keys for at least 24 hours; the sandbox forgets them after that too. */
const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

interface Remembered {
  fingerprint: string;
  result: AuthorizeResult;
  at: number;
}

/** Card numbers are often typed with spaces or dashes; the lookup ignores them, as Stripe's forms do. */
function normalize(paymentMethod: string): string {
  const trimmed = paymentMethod.trim();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/[\s-]/g, '') : trimmed;
}

/**
 * A stand-in for Stripe in TEST MODE: no network, no money. It answers like
 * Stripe does for its published test PaymentMethods and card numbers, and
 * anything else is declined as `invalid_payment_method` rather than thrown,
 * so a typo in a demo never takes the consumer down.
 *
 * PaymentIntent ids derive from the idempotency key, so a retry after a
 * restart (when the in-memory replay is gone) still reports the same id.
 */
export class SandboxGateway implements PaymentGateway {
  readonly provider = SANDBOX_PROVIDER;
  readonly sandbox = true;
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly clock: Clock) {}

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      throw new RangeError(`amount must be a positive integer of minor units, got ${request.amount}`);
    }
    if (!request.idempotencyKey) throw new RangeError('idempotencyKey is required');
    const now = this.clock.now().getTime();
    this.forgetOlderThan(now - IDEMPOTENCY_KEY_TTL_MS);

    const fingerprint = [request.amount, request.currency.toUpperCase(), normalize(request.paymentMethod)].join('|');
    const previous = this.remembered.get(request.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new IdempotencyKeyReusedError('Keys for idempotent requests can only be used with the same parameters they were first used with.');
      }
      return previous.result;
    }

    const outcome = SANDBOX_PAYMENT_METHODS.get(normalize(request.paymentMethod)) ?? INVALID_PAYMENT_METHOD;
    const result: AuthorizeResult = { ...outcome, providerPaymentId: sandboxPaymentIntentId(request.idempotencyKey), sandbox: true };
    this.remembered.set(request.idempotencyKey, { fingerprint, result, at: now });
    return result;
  }

  private forgetOlderThan(cutoff: number): void {
    // Insertion order is time order, so the scan stops at the first key still fresh.
    for (const [key, entry] of this.remembered) {
      if (entry.at >= cutoff) return;
      this.remembered.delete(key);
    }
  }
}

export function sandboxPaymentIntentId(idempotencyKey: string): string {
  return `pi_sandbox_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}
