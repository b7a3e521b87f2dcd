import type { Clock, Logger, UnitOfWork, WorkScope } from '@travel/platform';
import Stripe from 'stripe';
import type { PaymentRow, PaymentStatus } from '../db/schema.js';
import { canAdvance } from '../payments/payment-transitions.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import { announcementOf } from '../payments/payments.service.js';
import type { WebhookOutcome, WebhooksRepository } from './webhooks.repository.js';

/** Stripe's documented default, also the requirement: older signatures are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export class WebhookNotConfiguredError extends Error {
  override name = 'WebhookNotConfiguredError';
}

/** A synchronous answer Stripe reads from the response body (Issuing real-time authorizations). */
export interface WebhookReply {
  outcome: WebhookOutcome | 'duplicate';
  /** Sent as the whole response body, which Stripe requires to be exactly its decision format. */
  decision?: { approved: boolean; metadata: Record<string, string> };
}

/** Decides a card authorization request inside the webhook's transaction. */
export type IssuingAuthorizationHandler = (authorization: Stripe.Issuing.Authorization, scope: WorkScope) => Promise<{ approved: boolean; reason: string }>;

/**
 * Stripe webhooks: verified on the raw body, stored by event id in the same
 * transaction as their effect (so each is applied once), and applied only
 * when they move a payment forward, because Stripe neither orders nor
 * deduplicates deliveries.
 */
export class StripeWebhooksService {
  private readonly verifier: Stripe;
  issuingAuthorization: IssuingAuthorizationHandler | undefined;

  constructor(
    private readonly secret: string | undefined,
    private readonly uow: UnitOfWork,
    private readonly webhooks: WebhooksRepository,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    // Verification is local HMAC work; the key is never used for an API call here.
    this.verifier = new Stripe('sk_webhook_verification_only');
  }

  get configured(): boolean {
    return Boolean(this.secret);
  }

  /** Throws Stripe's StripeSignatureVerificationError for a forged, malformed or stale signature. */
  verify(rawBody: Buffer, signature: string | undefined): Stripe.Event {
    if (!this.secret) throw new WebhookNotConfiguredError('STRIPE_WEBHOOK_SECRET is not set');
    return this.verifier.webhooks.constructEvent(rawBody, signature ?? '', this.secret, SIGNATURE_TOLERANCE_SECONDS, undefined, this.clock.now().getTime());
  }

  async handle(event: Stripe.Event): Promise<WebhookReply> {
    return this.uow.run(async (scope) => {
      const fresh = await this.webhooks.claim({ id: event.id, type: event.type, created: event.created, payload: event }, this.clock.now(), scope.tx);
      if (!fresh) {
        // A redelivered card authorization request still needs its answer; the decision is stored per authorization, so this repeats it.
        if (event.type === 'issuing_authorization.request') return { ...(await this.dispatch(event, scope)), outcome: 'duplicate' as const };
        return { outcome: 'duplicate' as const };
      }
      const reply = await this.dispatch(event, scope);
      await this.webhooks.settle(event.id, reply.outcome === 'duplicate' ? 'ignored' : reply.outcome, scope.tx);
      this.logger.info({ eventId: event.id, type: event.type, outcome: reply.outcome }, 'stripe webhook handled');
      return reply;
    });
  }

  private async dispatch(event: Stripe.Event, scope: WorkScope): Promise<WebhookReply> {
    switch (event.type) {
      case 'payment_intent.amount_capturable_updated':
        return this.advance(event.data.object.id, 'authorized', scope, {});
      case 'payment_intent.succeeded': {
        const intent = event.data.object;
        return this.advance(intent.id, 'captured', scope, { capturedMinor: intent.amount_received, capturedAt: new Date(event.created * 1000) });
      }
      case 'payment_intent.payment_failed': {
        const error = event.data.object.last_payment_error;
        return this.advance(event.data.object.id, 'failed', scope, {
          failureCode: error?.decline_code ?? error?.code ?? 'payment_failed',
          failureMessage: error?.message ?? 'The payment failed.',
        });
      }
      case 'payment_intent.canceled':
        return this.advance(event.data.object.id, 'canceled', scope, {});
      case 'charge.refunded':
        return this.chargeRefunded(event.data.object, scope);
      case 'issuing_authorization.request': {
        if (!this.issuingAuthorization) return { outcome: 'unsupported' };
        const decision = await this.issuingAuthorization(event.data.object, scope);
        return { outcome: 'applied', decision: { approved: decision.approved, metadata: { decision: decision.reason } } };
      }
      default:
        return { outcome: 'unsupported' };
    }
  }

  private async advance(providerPaymentId: string, to: PaymentStatus, { tx, emit }: WorkScope, patch: Partial<PaymentRow>): Promise<WebhookReply> {
    const payment = await this.payments.findByProviderPaymentId(providerPaymentId, tx);
    if (!payment || !canAdvance(payment.status, to)) return { outcome: 'ignored' };
    const now = this.clock.now();
    const updated = await this.payments.update(payment.id, { ...patch, status: to, updatedAt: now }, tx);
    const base = { orgId: payment.orgId, aggregateId: payment.id };
    const held = { paymentId: payment.id, bookingId: payment.bookingId, amount: payment.amountMinor, currency: payment.currency };

    // requires_action was already announced as payment.failed; reaching a held state means booking must now hear of the authorization.
    if (payment.status === 'requires_action' && (to === 'authorized' || to === 'captured')) {
      await emit(announcementOf({ ...updated, status: 'authorized' }));
    }
    if (to === 'captured') {
      await emit({ ...base, type: 'payment.captured', payload: { ...held, amount: updated.capturedMinor } });
    } else if (to === 'canceled') {
      await emit({ ...base, type: 'payment.canceled', payload: held });
    } else if (to === 'failed' && payment.status !== 'requires_action') {
      await emit(announcementOf(updated));
    }
    return { outcome: 'applied' };
  }

  /**
   * Refunds made outside this service (the Stripe dashboard) or settled
   * later: the charge's amount_refunded is the truth, applied only when it
   * grew. It may arrive before payment_intent.succeeded, so the captured
   * amount is taken from the charge too.
   */
  private async chargeRefunded(charge: Stripe.Charge, { tx, emit }: WorkScope): Promise<WebhookReply> {
    const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    if (!intentId) return { outcome: 'ignored' };
    const payment = await this.payments.findByProviderPaymentId(intentId, tx);
    if (!payment || payment.status === 'failed' || payment.status === 'canceled') return { outcome: 'ignored' };
    const capturedMinor = Math.min(Math.max(payment.capturedMinor, charge.amount_captured), payment.amountMinor);
    const refundedMinor = Math.min(charge.amount_refunded, capturedMinor);
    if (refundedMinor <= payment.refundedMinor) return { outcome: 'ignored' };

    const status: PaymentStatus = refundedMinor === capturedMinor ? 'refunded' : 'captured';
    const now = this.clock.now();
    await this.payments.update(payment.id, { capturedMinor, refundedMinor, status, capturedAt: payment.capturedAt ?? now, updatedAt: now }, tx);
    if (payment.status === 'requires_action') await emit(announcementOf({ ...payment, status: 'authorized' }));
    const latest = charge.refunds?.data[0]?.id ?? charge.id;
    await emit({
      type: 'payment.refunded',
      orgId: payment.orgId,
      aggregateId: payment.id,
      payload: {
        paymentId: payment.id,
        bookingId: payment.bookingId,
        refundId: latest,
        quoteId: null,
        amount: refundedMinor - payment.refundedMinor,
        currency: payment.currency,
        totalRefunded: refundedMinor,
      },
    });
    return { outcome: 'applied' };
  }
}
