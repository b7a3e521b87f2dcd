import { createHash } from 'node:crypto';
import type { Clock } from '@travel/platform';
import {
  GatewayError,
  IdempotencyKeyReusedError,
  type AuthorizeRequest,
  type AuthorizeResult,
  type CancelRequest,
  type CaptureRequest,
  type CaptureResult,
  type IssueCardRequest,
  type IssuedCard,
  type PaymentGateway,
  type RefundRequest,
  type RefundResult,
} from './payment-gateway.js';

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
  result: unknown;
  at: number;
}

/** A PaymentIntent as the sandbox tracks it, with Stripe's statuses. */
interface SandboxIntent {
  status: 'requires_capture' | 'succeeded' | 'canceled';
  amount: number;
  captured: number;
  refunded: number;
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

  private readonly intents = new Map<string, SandboxIntent>();

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    assertMinorUnits(request.amount);
    const fingerprint = ['authorize', request.amount, request.currency.toUpperCase(), normalize(request.paymentMethod)].join('|');
    return this.once(request.idempotencyKey, fingerprint, () => {
      const outcome = SANDBOX_PAYMENT_METHODS.get(normalize(request.paymentMethod)) ?? INVALID_PAYMENT_METHOD;
      const providerPaymentId = sandboxPaymentIntentId(request.idempotencyKey);
      if (outcome.status === 'requires_capture') this.intents.set(providerPaymentId, { status: 'requires_capture', amount: request.amount, captured: 0, refunded: 0 });
      return { ...outcome, providerPaymentId, sandbox: true };
    });
  }

  async capture(request: CaptureRequest): Promise<CaptureResult> {
    assertMinorUnits(request.amount);
    return this.once(request.idempotencyKey, ['capture', request.providerPaymentId, request.amount].join('|'), () => {
      const intent = this.intentOf(request.providerPaymentId, request.amount);
      if (intent.status !== 'requires_capture') throw unexpectedState(request.providerPaymentId, intent.status, 'capture');
      if (request.amount > intent.amount) {
        throw new GatewayError('invalid_request', `The amount to capture (${request.amount}) is greater than the amount capturable (${intent.amount}).`, false, 'amount_too_large', 400);
      }
      intent.status = 'succeeded';
      intent.captured = request.amount;
      return { amountCaptured: request.amount };
    });
  }

  async cancel(request: CancelRequest): Promise<void> {
    return this.once(request.idempotencyKey, ['cancel', request.providerPaymentId].join('|'), () => {
      const intent = this.intentOf(request.providerPaymentId, 0);
      if (intent.status !== 'requires_capture') throw unexpectedState(request.providerPaymentId, intent.status, 'cancel');
      intent.status = 'canceled';
    });
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    assertMinorUnits(request.amount);
    return this.once(request.idempotencyKey, ['refund', request.providerPaymentId, request.amount].join('|'), () => {
      const intent = this.intents.get(request.providerPaymentId);
      if (!intent) throw new GatewayError('invalid_request', `No such payment_intent: '${request.providerPaymentId}'`, false, 'resource_missing', 404);
      if (intent.status !== 'succeeded') throw unexpectedState(request.providerPaymentId, intent.status, 'refund');
      const refundable = intent.captured - intent.refunded;
      if (request.amount > refundable) {
        throw new GatewayError('invalid_request', `Refund amount (${request.amount}) is greater than unrefunded amount on charge (${refundable}).`, false, 'amount_too_large', 400);
      }
      intent.refunded += request.amount;
      return { providerRefundId: `re_sandbox_${digest(request.idempotencyKey).slice(0, 24)}`, status: 'succeeded', amount: request.amount, failureReason: null };
    });
  }

  async issueCard(request: IssueCardRequest): Promise<IssuedCard> {
    assertMinorUnits(request.limit);
    return this.once(request.idempotencyKey, ['card', request.limit, request.currency.toUpperCase(), request.allowedCategories.join(',')].join('|'), () => {
      const hash = digest(request.idempotencyKey);
      // Last four digits derived from the key, so the same card shows the same digits after a restart.
      const last4 = String(Number.parseInt(hash.slice(0, 8), 16) % 10_000).padStart(4, '0');
      const expiry = this.clock.now();
      return { providerCardId: `ic_sandbox_${hash.slice(0, 24)}`, last4, expMonth: expiry.getUTCMonth() + 1, expYear: expiry.getUTCFullYear() + 3 };
    });
  }

  /**
   * Stripe's idempotency: the first answer to a key is replayed, errors included,
   * and the key reused with other parameters is refused.
   */
  private async once<T>(idempotencyKey: string, fingerprint: string, perform: () => T): Promise<T> {
    if (!idempotencyKey) throw new RangeError('idempotencyKey is required');
    const now = this.clock.now().getTime();
    this.forgetOlderThan(now - IDEMPOTENCY_KEY_TTL_MS);
    const previous = this.remembered.get(idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new IdempotencyKeyReusedError('Keys for idempotent requests can only be used with the same parameters they were first used with.');
      }
      if (previous.result instanceof GatewayError) throw previous.result;
      return previous.result as T;
    }
    try {
      const result = perform();
      this.remembered.set(idempotencyKey, { fingerprint, result, at: now });
      return result;
    } catch (error) {
      if (error instanceof GatewayError) this.remembered.set(idempotencyKey, { fingerprint, result: error, at: now });
      throw error;
    }
  }

  /**
   * Intents live in memory, so after a restart the sandbox no longer knows the
   * ones it authorized; it adopts a sandbox-shaped id as authorized for the
   * requested amount rather than failing every capture of the previous run.
   */
  private intentOf(providerPaymentId: string, amount: number): SandboxIntent {
    let intent = this.intents.get(providerPaymentId);
    if (!intent) {
      if (!providerPaymentId.startsWith('pi_sandbox_')) throw new GatewayError('invalid_request', `No such payment_intent: '${providerPaymentId}'`, false, 'resource_missing', 404);
      intent = { status: 'requires_capture', amount, captured: 0, refunded: 0 };
      this.intents.set(providerPaymentId, intent);
    }
    return intent;
  }

  private forgetOlderThan(cutoff: number): void {
    // Insertion order is time order, so the scan stops at the first key still fresh.
    for (const [key, entry] of this.remembered) {
      if (entry.at >= cutoff) return;
      this.remembered.delete(key);
    }
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`amount must be a positive integer of minor units, got ${amount}`);
}

function unexpectedState(id: string, status: SandboxIntent['status'], action: string): GatewayError {
  return new GatewayError(
    'invalid_request',
    `This PaymentIntent (${id}) could not be ${action === 'capture' ? 'captured' : action === 'cancel' ? 'canceled' : 'refunded'} because it has a status of ${status}.`,
    false,
    'payment_intent_unexpected_state',
    400,
  );
}

export function sandboxPaymentIntentId(idempotencyKey: string): string {
  return `pi_sandbox_${digest(idempotencyKey).slice(0, 24)}`;
}
