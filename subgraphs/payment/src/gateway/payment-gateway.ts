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

/** Every call after the authorization names the PaymentIntent and carries its own idempotency key and metadata. */
interface IntentRequest {
  providerPaymentId: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface CaptureRequest extends IntentRequest {
  /** At most the authorized amount; less releases the rest of the hold (partial capture). */
  amount: number;
}

export interface CaptureResult {
  /** What the provider says it collected (Stripe's `amount_received`). */
  amountCaptured: number;
}

export type CancelRequest = IntentRequest;

export interface RefundRequest extends IntentRequest {
  amount: number;
}

export interface RefundResult {
  providerRefundId: string;
  /** Stripe refunds to cards are usually `succeeded` at once; `pending` settles later and is reported by the charge.refunded webhook. */
  status: 'succeeded' | 'pending' | 'failed';
  amount: number;
  failureReason: string | null;
}

export const CARD_CATEGORIES = ['airlines', 'hotels', 'car_rental'] as const;
export type CardCategory = (typeof CARD_CATEGORIES)[number];

export interface IssueCardRequest {
  /** The spending limit over the card's whole life, in minor units of `currency`. */
  limit: number;
  currency: string;
  allowedCategories: readonly CardCategory[];
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface IssuedCard {
  providerCardId: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type GatewayFaultKind = 'rate_limited' | 'unavailable' | 'invalid_request' | 'authentication' | 'card_declined' | 'idempotency';

/**
 * A provider call that failed for a reason other than a card decision
 * (authorizations return declines as results). `retryable` faults are left
 * to the event redelivery, which repeats the call under the same
 * idempotency key; the others need a person.
 */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly kind: GatewayFaultKind,
    message: string,
    readonly retryable: boolean,
    /** The provider's own code (Stripe `code` / `decline_code`), for logs and events. */
    readonly providerCode: string | null = null,
    readonly statusCode: number | null = null,
  ) {
    super(message);
  }
}

export interface PaymentGateway {
  /** Stored on each payment as `provider`. */
  readonly provider: string;
  readonly sandbox: boolean;
  /** Resolves with a typed outcome for every card decision; rejects only for faults (network, misuse), which the caller may retry. */
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  /** Collects an authorized amount. Rejects with GatewayError. */
  capture(request: CaptureRequest): Promise<CaptureResult>;
  /** Releases an authorization that was never captured. Rejects with GatewayError. */
  cancel(request: CancelRequest): Promise<void>;
  /** Returns captured money; the gateway refuses more than remains captured. Rejects with GatewayError. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /** A single-use virtual card for one booking (Stripe Issuing), limited in amount and merchant categories. */
  issueCard(request: IssueCardRequest): Promise<IssuedCard>;
}

/**
 * An idempotency key reused with different parameters, which Stripe refuses
 * with an `idempotency_error`. It signals a caller bug, so it is thrown
 * rather than returned as a decline.
 */
export class IdempotencyKeyReusedError extends Error {
  override name = 'IdempotencyKeyReusedError';
}
