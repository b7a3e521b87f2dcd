import Stripe from 'stripe';
import {
  GatewayError,
  IdempotencyKeyReusedError,
  type AuthorizeRequest,
  type AuthorizeResult,
  type CancelRequest,
  type CaptureRequest,
  type CaptureResult,
  type CardCategory,
  type IssueCardRequest,
  type IssuedCard,
  type PaymentGateway,
  type RefundRequest,
  type RefundResult,
} from './payment-gateway.js';

export const STRIPE_PROVIDER = 'stripe';

/** Stripe Issuing merchant categories behind each category the platform allows on a booking's card. */
export const ISSUING_CATEGORIES: Record<CardCategory, Stripe.Issuing.CardCreateParams.SpendingControls.AllowedCategory[]> = {
  airlines: ['airlines_air_carriers'],
  hotels: ['hotels_motels_and_resorts'],
  car_rental: ['car_rental_agencies'],
};

export interface StripeGatewayOptions {
  /** Name of the company cardholder every booking card is issued to. */
  cardholderName?: string;
}

/**
 * Stripe through its SDK. Every call passes an idempotency key, so the SDK's
 * own retries and our redelivered events never move money twice.
 */
export class StripeGateway implements PaymentGateway {
  readonly provider = STRIPE_PROVIDER;
  readonly sandbox = false;
  private cardholder: Promise<string> | undefined;

  constructor(
    private readonly stripe: Stripe,
    private readonly options: StripeGatewayOptions = {},
  ) {}

  async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amount,
          currency: request.currency.toLowerCase(),
          capture_method: 'manual',
          confirm: true,
          payment_method: request.paymentMethod,
          // Server-side confirmation has no page to return to, so redirect-based methods are excluded.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return authorizationOf(intent);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        return {
          status: 'declined',
          declineCode: error.decline_code || error.code || 'card_declined',
          message: error.message,
          providerPaymentId: error.payment_intent?.id ?? '',
          sandbox: false,
        };
      }
      throw faultOf(error);
    }
  }

  async capture(request: CaptureRequest): Promise<CaptureResult> {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.capture(
        request.providerPaymentId,
        { amount_to_capture: request.amount, metadata: request.metadata },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { amountCaptured: intent.amount_received };
  }

  async cancel(request: CancelRequest): Promise<void> {
    await this.call(() =>
      this.stripe.paymentIntents.cancel(request.providerPaymentId, { cancellation_reason: 'requested_by_customer' }, { idempotencyKey: request.idempotencyKey }),
    );
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        { payment_intent: request.providerPaymentId, amount: request.amount, reason: 'requested_by_customer', metadata: request.metadata },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return {
      providerRefundId: refund.id,
      status: refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending',
      amount: refund.amount,
      failureReason: refund.failure_reason ?? null,
    };
  }

  async issueCard(request: IssueCardRequest): Promise<IssuedCard> {
    const cardholder = await this.companyCardholder();
    const card = await this.call(() =>
      this.stripe.issuing.cards.create(
        {
          cardholder,
          currency: request.currency.toLowerCase(),
          type: 'virtual',
          status: 'active',
          spending_controls: {
            spending_limits: [{ amount: request.limit, interval: 'all_time' }],
            allowed_categories: request.allowedCategories.flatMap((c) => ISSUING_CATEGORIES[c]),
          },
          metadata: request.metadata,
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { providerCardId: card.id, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year };
  }

  /**
   * Stripe Issuing needs a cardholder per card; the company holds every
   * booking card, so one is created lazily and reused (across processes by
   * its fixed idempotency key, within Stripe's 24-hour key window).
   */
  private companyCardholder(): Promise<string> {
    this.cardholder ??= this.call(() =>
      this.stripe.issuing.cardholders.create(
        {
          type: 'company',
          name: this.options.cardholderName ?? 'Travel bookings',
          billing: { address: { line1: '1 Travel Way', city: 'San Francisco', state: 'CA', postal_code: '94111', country: 'US' } },
        },
        { idempotencyKey: 'travel-company-cardholder-v1' },
      ),
    )
      .then((holder) => holder.id)
      .catch((error: unknown) => {
        this.cardholder = undefined;
        throw error;
      });
    return this.cardholder;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw faultOf(error);
    }
  }
}

function authorizationOf(intent: Stripe.PaymentIntent): AuthorizeResult {
  switch (intent.status) {
    case 'requires_capture':
      return { status: 'requires_capture', providerPaymentId: intent.id, sandbox: false };
    case 'requires_action':
    case 'requires_confirmation':
      return { status: 'requires_action', message: 'This payment requires the cardholder to authenticate (3-D Secure).', providerPaymentId: intent.id, sandbox: false };
    default: {
      const last = intent.last_payment_error;
      return {
        status: 'declined',
        declineCode: last?.decline_code ?? last?.code ?? `unexpected_status_${intent.status}`,
        message: last?.message ?? `The PaymentIntent ended in status ${intent.status}.`,
        providerPaymentId: intent.id,
        sandbox: false,
      };
    }
  }
}

/** Stripe's error classes onto the gateway's faults; anything unknown is treated as retryable unavailability. */
export function faultOf(error: unknown): Error {
  if (!(error instanceof Stripe.errors.StripeError)) return error instanceof Error ? error : new Error(String(error));
  const code = error.decline_code || error.code || null;
  const status = error.statusCode ?? null;
  if (error instanceof Stripe.errors.StripeIdempotencyError) return new IdempotencyKeyReusedError(error.message);
  if (error instanceof Stripe.errors.StripeRateLimitError) return new GatewayError('rate_limited', error.message, true, code, status);
  if (error instanceof Stripe.errors.StripeCardError) return new GatewayError('card_declined', error.message, false, code, status);
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return new GatewayError('authentication', error.message, false, code, status);
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError) return new GatewayError('invalid_request', error.message, false, code, status);
  return new GatewayError('unavailable', error.message, true, code, status);
}
