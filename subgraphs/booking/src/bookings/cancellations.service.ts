import { DomainError, type Clock, type DomainEvent, type Logger, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { BookingRow, CancellationQuoteRow, QuoteLine, SegmentRow } from '../db/schema.js';
import type { BookingStatus } from './booking-state-machine.js';
import { holdIdsOf } from './bookings.service.js';
import type { BookingsRepository } from './bookings.repository.js';
import { applyBasisPoints, refundBasisPoints, secondsBetween } from './cancellation-policy.js';
import { idempotencyKeyInput, OPERATIONS, requestHash, type Idempotency } from './idempotency.js';
import { assertMayAct } from './permissions.js';
import type { StatusMoves } from './status-moves.js';
import { parse } from './validation.js';

/** How long a quote can be accepted: long enough to read it, short enough that the time left before departure barely moves. */
export const QUOTE_TTL_MS = 15 * 60_000;
/** Statuses a booking can be canceled from (the state machine has a `canceled` edge from each). */
const CANCELABLE: readonly BookingStatus[] = ['draft', 'pending_approval', 'payment_pending', 'confirmed', 'ticketed', 'requires_attention'];
/** Statuses in which money was taken (authorized or captured), so a refund is due. */
const PAID: readonly BookingStatus[] = ['confirmed', 'ticketed', 'requires_attention'];

const quoteInput = z.object({ bookingId: z.string().min(1, { error: 'bookingId is required' }) });
const cancelInput = z.object({
  quoteId: z.string().min(1, { error: 'quoteId is required' }),
  idempotencyKey: idempotencyKeyInput,
  reason: z.string().trim().max(500, { error: 'reason takes at most 500 characters' }).nullish(),
});

/** One line per segment, from its stored policy and the time left before it starts. Nothing is refunded when nothing was paid. */
export function quoteLines(segments: readonly SegmentRow[], now: Date, paid: boolean): QuoteLine[] {
  return segments.map((s) => {
    const secondsBeforeStart = secondsBetween(now, s.departAt);
    const basisPoints = paid ? refundBasisPoints(s.cancellationPolicy, secondsBeforeStart) : 0;
    return {
      segmentId: s.id,
      policy: s.cancellationPolicy,
      priceMinor: s.priceMinor,
      refundBasisPoints: basisPoints,
      refundMinor: applyBasisPoints(s.priceMinor, basisPoints),
      secondsBeforeStart,
    };
  });
}

/**
 * Cancellation in two steps: a quote says what would be refunded now and is
 * valid for QUOTE_TTL_MS and for the booking exactly as it was quoted; the
 * cancellation applies a quote, once.
 */
export class CancellationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingsRepository,
    private readonly idempotency: Idempotency,
    private readonly moves: StatusMoves,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async quote(viewer: Viewer, input: unknown): Promise<CancellationQuoteRow> {
    const data = parse(quoteInput, input);
    return this.uow.run(async ({ tx }) => {
      const booking = await this.bookings.lockById(data.bookingId, viewer.orgId, tx);
      if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
      assertMayAct(viewer, booking);
      this.assertCancelable(booking, 'bookingId');
      const now = this.clock.now();
      const lines = quoteLines(await this.bookings.segmentsOf(viewer.orgId, [booking.id], tx), now, PAID.includes(booking.status));
      return this.bookings.insertQuote(
        {
          bookingId: booking.id,
          orgId: booking.orgId,
          bookingVersion: booking.version,
          refundMinor: lines.reduce((sum, l) => sum + l.refundMinor, 0),
          currency: booking.currency,
          lines,
          createdById: viewer.personId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + QUOTE_TTL_MS),
        },
        tx,
      );
    });
  }

  /**
   * Applies a quote: the booking is canceled, inventory is told to release
   * its holds (booking.canceled) and payment to refund the quoted amount
   * (booking.refund_requested, only when it is above zero).
   */
  async cancel(viewer: Viewer, input: unknown): Promise<BookingRow> {
    const data = parse(cancelInput, input);
    const hash = requestHash(OPERATIONS.cancel, [data.quoteId, data.reason ?? null]);
    const replayed = await this.idempotency.replay(viewer.orgId, OPERATIONS.cancel, data.idempotencyKey, hash);
    if (replayed) return replayed;

    return this.uow.run(async ({ tx, emit }) => {
      const again = await this.idempotency.lockAndReplay(tx, viewer.orgId, OPERATIONS.cancel, data.idempotencyKey, hash);
      if (again) return again;
      const quote = await this.bookings.lockQuote(viewer.orgId, data.quoteId, tx);
      if (!quote) throw new DomainError('NOT_FOUND', `Cancellation quote ${data.quoteId} not found`, 'quoteId');
      const booking = await this.bookings.lockById(quote.bookingId, viewer.orgId, tx);
      if (!booking) throw new DomainError('NOT_FOUND', `Booking ${quote.bookingId} not found`, 'quoteId');
      assertMayAct(viewer, booking, 'quoteId');
      if (quote.usedAt) throw new DomainError('CONFLICT', 'This quote was already used to cancel the booking', 'quoteId');
      this.assertCancelable(booking, 'quoteId');
      const now = this.clock.now();
      if (now >= quote.expiresAt) throw new DomainError('QUOTE_EXPIRED', `The quote expired at ${quote.expiresAt.toISOString()}; ask for a new one`, 'quoteId');
      if (booking.version !== quote.bookingVersion) {
        throw new DomainError('CONFLICT', 'The booking changed since this quote was made; ask for a new one', 'quoteId');
      }

      const refund = `${quote.refundMinor} ${quote.currency}`;
      const reason = [`Canceled with quote ${quote.id}, refund ${refund}`, data.reason].filter(Boolean).join(': ');
      const canceled = await this.moves.move(tx, booking, 'canceled', { actorId: viewer.personId, reason, at: now });
      await this.bookings.markQuoteUsed(quote.id, now, tx);
      await this.idempotency.remember(tx, { orgId: viewer.orgId, operation: OPERATIONS.cancel, key: data.idempotencyKey, hash, bookingId: canceled.id, at: now });
      const segments = await this.bookings.segmentsOf(viewer.orgId, [canceled.id], tx);
      await emit({
        type: 'booking.canceled',
        orgId: canceled.orgId,
        aggregateId: canceled.id,
        payload: { bookingId: canceled.id, travelerId: canceled.travelerId, department: canceled.travelerDepartment, holdIds: holdIdsOf(segments), reason },
      });
      if (quote.refundMinor > 0) {
        await emit({
          type: 'booking.refund_requested',
          orgId: canceled.orgId,
          aggregateId: canceled.id,
          payload: { bookingId: canceled.id, amount: quote.refundMinor, currency: quote.currency, quoteId: quote.id },
        });
      }
      return canceled;
    });
  }

  /**
   * payment.refunded: when the quote a cancellation applied has been paid
   * back in full, the booking moves from canceled to refunded (once). Refunds
   * without a quote, of another booking's quote, or short of the quoted
   * amount change nothing and are logged.
   */
  async onPaymentRefunded(event: DomainEvent<'payment.refunded'>, { tx, emit }: WorkScope): Promise<void> {
    const p = event.payload;
    const booking = await this.bookings.lockById(p.bookingId, event.orgId, tx);
    const quote = booking && p.quoteId ? await this.bookings.lockQuote(booking.orgId, p.quoteId, tx) : undefined;
    const context = { eventId: event.id, bookingId: p.bookingId, quoteId: p.quoteId, status: booking?.status };
    if (!booking || booking.status !== 'canceled') {
      this.logger.info(context, 'payment.refunded for a booking that is not canceled ignored');
      return;
    }
    if (!quote || quote.bookingId !== booking.id || !quote.usedAt) {
      this.logger.warn(context, 'payment.refunded without the quote this booking was canceled with ignored');
      return;
    }
    if (p.currency !== quote.currency || p.amount < quote.refundMinor) {
      this.logger.warn({ ...context, amount: p.amount, currency: p.currency, quoted: quote.refundMinor }, 'partial refund: booking stays canceled');
      return;
    }
    const refunded = await this.moves.move(tx, booking, 'refunded', {
      actorId: null,
      reason: `Refund ${p.refundId} of ${p.amount} ${p.currency} by payment ${p.paymentId}`,
      at: this.clock.now(),
    });
    await emit({
      type: 'booking.refunded',
      orgId: refunded.orgId,
      aggregateId: refunded.id,
      payload: { bookingId: refunded.id, travelerId: refunded.travelerId, amount: p.amount, currency: p.currency, quoteId: quote.id },
    });
  }

  private assertCancelable(booking: BookingRow, field: string): void {
    if (!CANCELABLE.includes(booking.status)) {
      throw new DomainError('INVALID_TRANSITION', `Booking is ${booking.status}; it cannot be canceled`, field);
    }
  }
}
