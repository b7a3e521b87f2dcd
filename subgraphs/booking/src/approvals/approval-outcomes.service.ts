import type { Clock, DomainEvent, Logger, WorkScope } from '@travel/platform';
import type { BookingRow } from '../db/schema.js';
import type { BookingsRepository } from '../bookings/bookings.repository.js';
import { holdIdsOf } from '../bookings/bookings.service.js';
import type { StatusMoves } from '../bookings/status-moves.js';
import type { PendingConfirmationsRepository } from './pending-confirmations.repository.js';

export interface ParkRequest {
  paymentMethod: string;
  reason: string;
  requestedBy: string;
}

/**
 * The booking's side of an approval: a confirm with a soft warning parks the
 * booking (remembering how it is to be paid) and asks policy for approval;
 * policy's verdict arrives as an event and moves the booking on exactly as a
 * compliant confirm or a cancellation would.
 */
export class ApprovalOutcomesService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly pending: PendingConfirmationsRepository,
    private readonly moves: StatusMoves,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Called inside confirm's transaction, once the booking is in pending_approval. */
  async park({ tx, emit }: WorkScope, booking: BookingRow, request: ParkRequest): Promise<void> {
    const at = this.clock.now();
    await this.pending.insert(
      { bookingId: booking.id, orgId: booking.orgId, paymentMethod: request.paymentMethod, approvalReason: request.reason, requestedById: request.requestedBy, requestedAt: at },
      tx,
    );
    await emit({
      type: 'booking.approval_requested',
      orgId: booking.orgId,
      aggregateId: booking.id,
      payload: {
        bookingId: booking.id,
        travelerId: booking.travelerId,
        requestedBy: request.requestedBy,
        amount: booking.totalMinor,
        currency: booking.currency,
        reason: request.reason,
      },
    });
  }

  /** policy.approval.granted: on to payment with the payment method given at confirm, as a compliant confirm does. */
  async onGranted(event: DomainEvent<'policy.approval.granted'>, scope: WorkScope): Promise<void> {
    const waiting = await this.waiting(event, event.payload.bookingId, scope.tx);
    if (!waiting) return;
    const { booking, paymentMethod } = waiting;
    const at = this.clock.now();
    const reason = event.payload.approvedBy ? 'Approved' : 'Approved automatically: the approval deadline passed';
    const moved = await this.moves.move(scope.tx, booking, 'payment_pending', { actorId: event.payload.approvedBy, reason, at });
    await this.pending.resolve(booking.id, at, scope.tx);
    await scope.emit({
      type: 'booking.confirmation_requested',
      orgId: moved.orgId,
      aggregateId: moved.id,
      payload: {
        bookingId: moved.id,
        travelerId: moved.travelerId,
        amount: moved.totalMinor,
        currency: moved.currency,
        paymentMethod,
        idempotencyKey: `booking:${moved.id}:authorize`,
      },
    });
  }

  /** policy.approval.rejected: the booking is canceled with the reason and inventory releases its holds. */
  async onRejected(event: DomainEvent<'policy.approval.rejected'>, scope: WorkScope): Promise<void> {
    const waiting = await this.waiting(event, event.payload.bookingId, scope.tx);
    if (!waiting) return;
    const { booking } = waiting;
    const at = this.clock.now();
    const reason = `Approval rejected: ${event.payload.reason}`;
    const canceled = await this.moves.move(scope.tx, booking, 'canceled', { actorId: event.payload.rejectedBy, reason, at });
    await this.pending.resolve(booking.id, at, scope.tx);
    const segments = await this.bookings.segmentsOf(booking.orgId, [booking.id], scope.tx);
    await scope.emit({
      type: 'booking.canceled',
      orgId: canceled.orgId,
      aggregateId: canceled.id,
      payload: { bookingId: canceled.id, travelerId: canceled.travelerId, department: canceled.travelerDepartment, holdIds: holdIdsOf(segments), reason },
    });
  }

  /** The locked booking and its payment method while it waits for approval; late or repeated verdicts change nothing. */
  private async waiting(event: DomainEvent, bookingId: string, tx: WorkScope['tx']): Promise<{ booking: BookingRow; paymentMethod: string } | undefined> {
    if (!event.orgId) return undefined;
    const booking = await this.bookings.lockById(bookingId, event.orgId, tx);
    if (!booking || booking.status !== 'pending_approval') {
      this.logger.info({ eventId: event.id, type: event.type, bookingId, status: booking?.status ?? null }, 'approval verdict for a booking not awaiting approval ignored');
      return undefined;
    }
    const pending = await this.pending.findOpen(booking.orgId, booking.id, tx);
    if (!pending) {
      this.logger.warn({ eventId: event.id, bookingId }, 'booking awaits approval without a pending confirmation; verdict ignored');
      return undefined;
    }
    return { booking, paymentMethod: pending.paymentMethod };
  }
}
