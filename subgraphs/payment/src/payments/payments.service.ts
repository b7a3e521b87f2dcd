import type { Clock, DomainEvent, Logger, NewEvent, WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { NewPayment, PaymentRow, RefundRow } from '../db/schema.js';
import { GatewayError, type AuthorizeResult, type PaymentGateway } from '../gateway/payment-gateway.js';
import type { ReconciliationService } from '../reconciliation/reconciliation.service.js';
import { storablePaymentMethod } from './payment-method.js';
import type { PaymentsRepository } from './payments.repository.js';

/** booking.confirmation_requested as this service relies on it; the catalog types producers, this guards against corrupt messages. */
const confirmationRequest = z.object({
  orgId: z.guid(),
  bookingId: z.guid(),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Za-z]{3}$/, { error: 'currency must be an ISO 4217 code' }),
  paymentMethod: z.string().trim().min(1).max(255),
  idempotencyKey: z.string().min(1).max(255),
});
type ConfirmationRequest = z.infer<typeof confirmationRequest>;

const currencyCode = z.string().regex(/^[A-Za-z]{3}$/, { error: 'currency must be an ISO 4217 code' });

const ticketed = z.object({
  orgId: z.guid(),
  bookingId: z.guid(),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
});

const refundRequest = z.object({
  orgId: z.guid(),
  bookingId: z.guid(),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: currencyCode,
  quoteId: z.string().trim().min(1).max(255),
});
type RefundRequest = z.infer<typeof refundRequest>;

/** Why a refund quote was not paid out, as carried by payment.refund_failed. */
export const REFUND_FAILURES = {
  noPayment: 'no_captured_payment',
  currency: 'currency_mismatch',
  exceedsCaptured: 'amount_exceeds_captured',
} as const;

/**
 * The traveler has no client-side step to complete 3-D Secure in, so a
 * payment that needs authentication is reported to booking as failed under
 * this code. Stripe's webhooks may still move the row forward if the
 * cardholder authenticates elsewhere.
 */
export const AUTHENTICATION_REQUIRED = 'authentication_required';

/** What the gateway's answer means for the payment row. */
function outcomeOf(result: AuthorizeResult): Pick<NewPayment, 'status' | 'failureCode' | 'failureMessage'> {
  switch (result.status) {
    case 'requires_capture':
      return { status: 'authorized', failureCode: null, failureMessage: null };
    case 'requires_action':
      return { status: 'requires_action', failureCode: AUTHENTICATION_REQUIRED, failureMessage: result.message };
    case 'declined':
      return { status: 'failed', failureCode: result.declineCode, failureMessage: result.message };
  }
}

export function announcementOf(payment: PaymentRow): NewEvent {
  const base = { orgId: payment.orgId, aggregateId: payment.id };
  if (payment.status === 'authorized') {
    return {
      ...base,
      type: 'payment.authorized',
      payload: { paymentId: payment.id, bookingId: payment.bookingId, amount: payment.amountMinor, currency: payment.currency, provider: payment.provider },
    };
  }
  return {
    ...base,
    type: 'payment.failed',
    payload: {
      paymentId: payment.id,
      bookingId: payment.bookingId,
      code: payment.failureCode ?? 'payment_failed',
      message: payment.failureMessage ?? 'The payment failed.',
    },
  };
}

export class PaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly gateway: PaymentGateway,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly reconciliation?: ReconciliationService,
  ) {}

  /**
   * Authorizes a booking's payment once per idempotency key. Runs inside the
   * consumer's unit of work, so the payment row, its event and the inbox row
   * commit together. The gateway is called inside that transaction; if the
   * transaction then fails, the redelivered event calls it again with the
   * same idempotency key, which returns the same authorization instead of
   * holding the funds twice.
   */
  async authorizeBooking(event: DomainEvent<'booking.confirmation_requested'>, { tx, emit }: WorkScope): Promise<PaymentRow | undefined> {
    const parsed = confirmationRequest.safeParse({ ...event.payload, orgId: event.orgId });
    if (!parsed.success) {
      // Retrying cannot repair a malformed message, so it is logged and consumed rather than redelivered forever.
      this.logger.error({ eventId: event.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'malformed booking.confirmation_requested ignored');
      return undefined;
    }
    const request = parsed.data;
    await this.payments.lockBooking(request.bookingId, tx);
    if (await this.payments.findByIdempotencyKey(request.idempotencyKey, tx)) return undefined;
    const live = await this.payments.findLiveByBooking(request.orgId, request.bookingId, tx);
    if (live) {
      // A second confirmation of the same booking (another key, or a race with the first): the money is already held once.
      this.logger.warn({ bookingId: request.bookingId, paymentId: live.id, idempotencyKey: request.idempotencyKey }, 'booking already has a live payment; second authorization skipped');
      return undefined;
    }

    const result = await this.gateway.authorize({
      amount: request.amount,
      currency: request.currency.toUpperCase(),
      paymentMethod: request.paymentMethod,
      idempotencyKey: request.idempotencyKey,
      metadata: { orgId: request.orgId, bookingId: request.bookingId },
    });
    const payment = await this.record(request, result, tx);
    if (!payment) return undefined;
    await emit(announcementOf(payment));
    this.logger.info({ paymentId: payment.id, bookingId: payment.bookingId, status: payment.status, failureCode: payment.failureCode }, 'payment authorization recorded');
    return payment;
  }

  /**
   * Collects the authorized amount once tickets are issued. A ticketed amount
   * above the authorization captures what was authorized (Stripe refuses
   * more); reconciliation reports the difference.
   */
  async captureBooking(event: DomainEvent<'booking.ticketed'>, { tx, emit }: WorkScope): Promise<PaymentRow | undefined> {
    const parsed = ticketed.safeParse({ ...event.payload, orgId: event.orgId });
    if (!parsed.success) {
      this.logger.error({ eventId: event.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'malformed booking.ticketed ignored');
      return undefined;
    }
    const { orgId, bookingId, amount } = parsed.data;
    await this.payments.lockBooking(bookingId, tx);
    const payment = await this.payments.findLiveByBooking(orgId, bookingId, tx);
    if (!payment) {
      this.logger.error({ bookingId }, 'booking ticketed without an authorized payment; nothing to capture');
      return undefined;
    }
    if (payment.status !== 'authorized') return undefined; // captured already (a redelivery, or the webhook got there first)

    const toCapture = Math.min(amount, payment.amountMinor);
    try {
      const { amountCaptured } = await this.gateway.capture({
        providerPaymentId: this.providerIdOf(payment),
        amount: toCapture,
        idempotencyKey: `capture:${payment.id}`,
        metadata: { orgId, bookingId, paymentId: payment.id },
      });
      const now = this.clock.now();
      const captured = await this.payments.update(
        payment.id,
        { status: 'captured', capturedMinor: amountCaptured, capturedAt: now, updatedAt: now, failureCode: null, failureMessage: null },
        tx,
      );
      await this.reconciliation?.checkCapture(payment, amount, now, tx);
      await emit({
        type: 'payment.captured',
        orgId,
        aggregateId: payment.id,
        payload: { paymentId: payment.id, bookingId, amount: amountCaptured, currency: payment.currency },
      });
      this.logger.info({ paymentId: payment.id, bookingId, amount: amountCaptured }, 'payment captured');
      return captured;
    } catch (error) {
      if (error instanceof GatewayError && !error.retryable) {
        // An expired authorization or a refused capture will not heal on redelivery: it stays on the payment for finance.
        this.logger.error({ paymentId: payment.id, bookingId, kind: error.kind, code: error.providerCode, err: error }, 'capture refused by the provider');
        return this.payments.update(payment.id, { failureCode: error.providerCode ?? error.kind, failureMessage: error.message, updatedAt: this.clock.now() }, tx);
      }
      throw error;
    }
  }

  /**
   * Pays out a refund quote once per quote id. Before capture the quoted
   * amount is released from the authorization instead (nothing was
   * collected); after capture the refund may be partial but never exceeds
   * what remains captured, checked under the booking lock and again by a
   * CHECK constraint.
   */
  async refundBooking(event: DomainEvent<'booking.refund_requested'>, { tx, emit }: WorkScope): Promise<RefundRow | undefined> {
    const parsed = refundRequest.safeParse({ ...event.payload, orgId: event.orgId });
    if (!parsed.success) {
      this.logger.error({ eventId: event.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'malformed booking.refund_requested ignored');
      return undefined;
    }
    const request = parsed.data;
    await this.payments.lockBooking(request.bookingId, tx);
    if (await this.payments.findRefundByQuote(request.orgId, request.quoteId, tx)) return undefined;

    const payment = await this.payments.findLiveByBooking(request.orgId, request.bookingId, tx);
    const refuse = (code: string, message: string) => this.refuse(request, payment ?? null, code, message, { tx, emit });
    if (!payment) return refuse(REFUND_FAILURES.noPayment, 'The booking has no payment to refund.');
    if (payment.currency !== request.currency.toUpperCase()) {
      return refuse(REFUND_FAILURES.currency, `The refund is in ${request.currency.toUpperCase()} but the payment was in ${payment.currency}.`);
    }
    if (payment.status === 'authorized') return this.releaseAuthorization(request, payment, { tx, emit });

    const refundable = payment.capturedMinor - payment.refundedMinor;
    if (request.amount > refundable) {
      return refuse(REFUND_FAILURES.exceedsCaptured, `The refund of ${request.amount} exceeds the ${refundable} that remains captured on the payment.`);
    }
    let result;
    try {
      result = await this.gateway.refund({
        providerPaymentId: this.providerIdOf(payment),
        amount: request.amount,
        idempotencyKey: `refund:${request.orgId}:${request.quoteId}`,
        metadata: { orgId: request.orgId, bookingId: request.bookingId, paymentId: payment.id, quoteId: request.quoteId },
      });
    } catch (error) {
      if (error instanceof GatewayError && !error.retryable) return refuse(error.providerCode ?? error.kind, error.message);
      throw error;
    }
    if (result.status === 'failed') return refuse(result.failureReason ?? 'refund_failed', 'The provider could not return the money to the payment method.');

    const refund = await this.payments.insertRefund(
      {
        orgId: request.orgId,
        bookingId: request.bookingId,
        paymentId: payment.id,
        quoteId: request.quoteId,
        status: result.status,
        amountMinor: result.amount,
        currency: payment.currency,
        providerRefundId: result.providerRefundId,
        createdAt: this.clock.now(),
      },
      tx,
    );
    const refundedMinor = payment.refundedMinor + result.amount;
    await this.payments.update(
      payment.id,
      { refundedMinor, status: refundedMinor === payment.capturedMinor ? 'refunded' : payment.status, updatedAt: this.clock.now() },
      tx,
    );
    await emit({
      type: 'payment.refunded',
      orgId: request.orgId,
      aggregateId: payment.id,
      payload: {
        paymentId: payment.id,
        bookingId: request.bookingId,
        refundId: refund.id,
        quoteId: request.quoteId,
        amount: result.amount,
        currency: payment.currency,
        totalRefunded: refundedMinor,
      },
    });
    this.logger.info({ paymentId: payment.id, refundId: refund.id, amount: result.amount, totalRefunded: refundedMinor }, 'payment refunded');
    return refund;
  }

  /**
   * A booking canceled before ticketing never paid: its money is only held.
   * The quote's refund is released from the hold and the rest (the
   * cancellation fee) is captured; Stripe releases whatever a partial capture
   * leaves. With no fee the whole authorization is canceled. Booking hears
   * payment.refunded for the quoted amount either way, because that money is
   * back with the traveler.
   */
  private async releaseAuthorization(request: RefundRequest, payment: PaymentRow, { tx, emit }: WorkScope): Promise<RefundRow> {
    if (request.amount > payment.amountMinor) {
      return this.refuse(request, payment, REFUND_FAILURES.exceedsCaptured, `The refund of ${request.amount} exceeds the ${payment.amountMinor} authorized on the payment.`, { tx, emit });
    }
    const fee = payment.amountMinor - request.amount;
    const metadata = { orgId: request.orgId, bookingId: request.bookingId, paymentId: payment.id, quoteId: request.quoteId };
    const now = this.clock.now();
    try {
      if (fee === 0) {
        await this.gateway.cancel({ providerPaymentId: this.providerIdOf(payment), idempotencyKey: `cancel:${payment.id}`, metadata });
      } else {
        const { amountCaptured } = await this.gateway.capture({ providerPaymentId: this.providerIdOf(payment), amount: fee, idempotencyKey: `capture:${payment.id}`, metadata });
        await this.payments.update(payment.id, { status: 'captured', capturedMinor: amountCaptured, capturedAt: now, updatedAt: now }, tx);
      }
    } catch (error) {
      if (error instanceof GatewayError && !error.retryable) return this.refuse(request, payment, error.providerCode ?? error.kind, error.message, { tx, emit });
      throw error;
    }
    if (fee === 0) await this.payments.update(payment.id, { status: 'canceled', updatedAt: now }, tx);

    // No provider refund id: the money was released from the hold, never collected.
    const refund = await this.payments.insertRefund(
      {
        orgId: request.orgId,
        bookingId: request.bookingId,
        paymentId: payment.id,
        quoteId: request.quoteId,
        status: 'succeeded',
        amountMinor: request.amount,
        currency: payment.currency,
        createdAt: now,
      },
      tx,
    );
    const base = { orgId: request.orgId, aggregateId: payment.id };
    if (fee === 0) {
      await emit({ ...base, type: 'payment.canceled', payload: { paymentId: payment.id, bookingId: request.bookingId, amount: payment.amountMinor, currency: payment.currency } });
    } else {
      await emit({ ...base, type: 'payment.captured', payload: { paymentId: payment.id, bookingId: request.bookingId, amount: fee, currency: payment.currency } });
    }
    await emit({
      ...base,
      type: 'payment.refunded',
      payload: {
        paymentId: payment.id,
        bookingId: request.bookingId,
        refundId: refund.id,
        quoteId: request.quoteId,
        amount: request.amount,
        currency: payment.currency,
        totalRefunded: request.amount,
      },
    });
    this.logger.info({ paymentId: payment.id, bookingId: request.bookingId, released: request.amount, fee }, 'authorization released for a refund quote before capture');
    return refund;
  }

  private async refuse(request: RefundRequest, payment: PaymentRow | null, code: string, message: string, { tx, emit }: WorkScope): Promise<RefundRow> {
    const refund = await this.payments.insertRefund(
      {
        orgId: request.orgId,
        bookingId: request.bookingId,
        paymentId: payment?.id ?? null,
        quoteId: request.quoteId,
        status: 'failed',
        amountMinor: request.amount,
        currency: request.currency.toUpperCase(),
        failureCode: code,
        failureMessage: message,
        createdAt: this.clock.now(),
      },
      tx,
    );
    await emit({
      type: 'payment.refund_failed',
      orgId: request.orgId,
      aggregateId: payment?.id ?? request.bookingId,
      payload: {
        paymentId: payment?.id ?? null,
        bookingId: request.bookingId,
        quoteId: request.quoteId,
        amount: request.amount,
        currency: request.currency.toUpperCase(),
        code,
        message,
      },
    });
    this.logger.warn({ bookingId: request.bookingId, quoteId: request.quoteId, code }, 'refund refused');
    return refund;
  }

  private providerIdOf(payment: PaymentRow): string {
    if (!payment.providerPaymentId) throw new Error(`payment ${payment.id} has no provider PaymentIntent id`);
    return payment.providerPaymentId;
  }

  private async record(request: ConfirmationRequest, result: AuthorizeResult, tx: WorkScope['tx']): Promise<PaymentRow | undefined> {
    const now = this.clock.now();
    return this.payments.insertOnce(
      {
        orgId: request.orgId,
        bookingId: request.bookingId,
        ...outcomeOf(result),
        amountMinor: request.amount,
        currency: request.currency.toUpperCase(),
        provider: this.gateway.provider,
        // Stripe declines some requests before creating an intent; an empty id is stored as none.
        providerPaymentId: result.providerPaymentId || null,
        paymentMethod: storablePaymentMethod(request.paymentMethod),
        idempotencyKey: request.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      },
      tx,
    );
  }
}
