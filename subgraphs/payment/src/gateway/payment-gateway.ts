/**
 * The port between the payment domain and a card processor, modelled on
 * Stripe PaymentIntents created and confirmed in one call with
 * `capture_method: 'manual'`: a successful authorization holds the funds
 * (Stripe's `requires_capture`) and capture happens later.
 */
export interface AuthorizeRequest {
  /** Positive integer in the currency's minor units, as Stripe's `amount`. */
  amount: number;
  /** ISO 4217 code; gateways adapt the case their provider wants. */
  currency: string;
  /** A provider PaymentMethod id (`pm_...`); the sandbox also takes Stripe's raw test card numbers. */
  paymentMethod: string;
  /** Sent as the provider's Idempotency-Key: the same key always yields the same PaymentIntent. */
  idempotencyKey: string;
  /** Attached to the provider object for reconciliation; never put card data here. */
  metadata: Record<string, string>;
}

interface AuthorizationBase {
  /** The provider's PaymentIntent id, present for declines too (Stripe creates the intent before the card is declined). */
  providerPaymentId: string;
  /** True when no real money moved (the built-in sandbox). */
  sandbox: boolean;
}

/** Funds are held and await capture. */
export interface AuthorizedResult extends AuthorizationBase {
  status: 'requires_capture';
}

/** The issuer wants the cardholder to authenticate (3-D Secure) before it decides. */
export interface RequiresActionResult extends AuthorizationBase {
  status: 'requires_action';
  message: string;
}

/** The card or payment method was refused; `declineCode` uses Stripe's decline codes. */
export interface DeclinedResult extends AuthorizationBase {
  status: 'declined';
  declineCode: string;
  message: string;
}

export type AuthorizeResult = AuthorizedResult | RequiresActionResult | DeclinedResult;
export type AuthorizationStatus = AuthorizeResult['status'];

export interface PaymentGateway {
  /** Stored on each payment as `provider`. */
  readonly provider: string;
  readonly sandbox: boolean;
  /** Resolves with a typed outcome for every card decision; rejects only for faults (network, misuse), which the caller may retry. */
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
}

/**
 * An idempotency key reused with different parameters, which Stripe refuses
 * with an `idempotency_error`. It signals a caller bug, so it is thrown
 * rather than returned as a decline.
 */
export class IdempotencyKeyReusedError extends Error {
  override name = 'IdempotencyKeyReusedError';
}
