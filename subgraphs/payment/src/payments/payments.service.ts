import type { Clock, DomainEvent, Logger, NewEvent, WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { NewPayment, PaymentRow } from '../db/schema.js';
import type { AuthorizeResult, PaymentGateway } from '../gateway/payment-gateway.js';
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

/**
 * 3-D Secure is not supported yet (it needs a client-side confirmation step
 * and a webhook, both in the later payments issue), so a payment that needs
 * authentication is reported to booking as failed under this code.
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

function announcementOf(payment: PaymentRow): NewEvent {
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
    if (await this.payments.findByIdempotencyKey(request.idempotencyKey, tx)) return undefined;

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
        providerPaymentId: result.providerPaymentId,
        paymentMethod: storablePaymentMethod(request.paymentMethod),
        idempotencyKey: request.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      },
      tx,
    );
  }
}
