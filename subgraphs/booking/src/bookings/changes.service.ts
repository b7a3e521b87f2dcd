import { DomainError, type Clock, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { BookingRow, SegmentChangeRow, SegmentRow } from '../db/schema.js';
import type { BookingStatus } from './booking-state-machine.js';
import type { BookingsRepository } from './bookings.repository.js';
import { checkActiveHolds, isUniqueViolation, tripEndOf } from './bookings.service.js';
import type { EntityReads } from './entity-reads.js';
import { idempotencyKeyInput, OPERATIONS, requestHash, type Idempotency } from './idempotency.js';
import { assertMayAct } from './permissions.js';
import { segmentFromHold } from './segment-snapshots.js';
import { checkTravelerDates } from './traveler-details.js';
import { parse } from './validation.js';

/**
 * Where a segment may be swapped. Not while payment or an approver is
 * looking at a price (payment_pending, pending_approval), and not once the
 * booking is over or canceled.
 */
const CHANGEABLE: readonly BookingStatus[] = ['draft', 'confirmed', 'ticketed'];

const changeInput = z.object({
  bookingId: z.string().min(1, { error: 'bookingId is required' }),
  segmentId: z.string().min(1, { error: 'segmentId is required' }),
  newHoldId: z.string().min(1, { error: 'newHoldId is required' }).max(255),
  idempotencyKey: idempotencyKeyInput,
  reason: z.string().trim().max(500, { error: 'reason takes at most 500 characters' }).nullish(),
});

export type SegmentContent = ReturnType<typeof segmentFromHold>;

export interface SegmentSwap {
  segmentId: string;
  newHoldId: string;
  content: SegmentContent;
  actorId: string | null;
  reason: string | null;
}

export interface SegmentChangeResult {
  booking: BookingRow;
  change: SegmentChangeRow | null;
}

/** The parts of a segment worth keeping after it was swapped. */
function snapshotOf(s: SegmentRow): Record<string, unknown> {
  return {
    kind: s.kind,
    holdId: s.holdId,
    flightId: s.flightId,
    seatId: s.seatId,
    productId: s.productId,
    cabin: s.cabin,
    origin: s.origin,
    destination: s.destination,
    supplier: s.supplier,
    flightNumber: s.flightNumber,
    description: s.description,
    departAt: s.departAt?.toISOString() ?? null,
    arriveAt: s.arriveAt?.toISOString() ?? null,
    priceMinor: s.priceMinor,
    currency: s.currency,
    cancellationPolicy: s.cancellationPolicy,
  };
}

/**
 * Changes (another seat, another date): the client first holds the new
 * inventory, then swaps it in here. The swap is one transaction: the segment
 * takes the new hold's snapshot, the total moves by the price difference, the
 * change is recorded, and one event tells inventory to release the old hold
 * and (for a paid booking) convert the new one.
 */
export class ChangesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bookings: BookingsRepository,
    private readonly idempotency: Idempotency,
    private readonly reads: EntityReads,
    private readonly clock: Clock,
  ) {}

  async changeSegment(viewer: Viewer, identity: string, input: unknown): Promise<SegmentChangeResult> {
    const data = parse(changeInput, input);
    const hash = requestHash(OPERATIONS.change, [data.bookingId, data.segmentId, data.newHoldId, data.reason ?? null]);
    const replayed = await this.idempotency.replay(viewer.orgId, OPERATIONS.change, data.idempotencyKey, hash);
    if (replayed) return this.withChange(replayed, data.newHoldId);

    const [booking] = await this.bookings.findByIds(viewer.orgId, [data.bookingId]);
    if (!booking) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
    assertMayAct(viewer, booking);
    this.assertChangeable(booking);
    const content = await this.newHoldContent(identity, data.newHoldId);

    try {
      return await this.uow.run(async ({ tx, emit }) => {
        const again = await this.idempotency.lockAndReplay(tx, viewer.orgId, OPERATIONS.change, data.idempotencyKey, hash);
        if (again) return this.withChange(again, data.newHoldId, tx);
        const current = await this.bookings.lockById(booking.id, viewer.orgId, tx);
        if (!current) throw new DomainError('NOT_FOUND', `Booking ${data.bookingId} not found`, 'bookingId');
        this.assertChangeable(current);
        const result = await this.swapSegment({ tx, emit }, current, { segmentId: data.segmentId, newHoldId: data.newHoldId, content, actorId: viewer.personId, reason: data.reason || null });
        await this.idempotency.remember(tx, { orgId: viewer.orgId, operation: OPERATIONS.change, key: data.idempotencyKey, hash, bookingId: current.id, at: result.change.occurredAt });
        return result;
      });
    } catch (error) {
      // Two changes (or a change and a draft) racing for the same new hold: the unique index on segments.hold_id stops the second.
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `Hold ${data.newHoldId} is already part of a booking`, 'newHoldId');
      throw error;
    }
  }

  /**
   * Swaps one segment of a locked booking for a new hold, inside the caller's
   * transaction: the segment takes the hold's snapshot, the total moves by the
   * difference, the change is audited, and booking.segment_changed tells
   * inventory to release the old hold and (unless a draft) convert the new one.
   * changeBookingSegment and acceptRebooking both go through here.
   */
  async swapSegment({ tx, emit }: WorkScope, current: BookingRow, swap: SegmentSwap): Promise<{ booking: BookingRow; change: SegmentChangeRow }> {
    const segments = await this.bookings.segmentsOf(current.orgId, [current.id], tx);
    const segment = segments.find((s) => s.id === swap.segmentId);
    if (!segment) throw new DomainError('NOT_FOUND', `Segment ${swap.segmentId} is not part of this booking`, 'segmentId');
    if (!segment.holdId) throw new DomainError('VALIDATION_FAILED', `A ${segment.kind} segment has no inventory hold to swap; cancel and rebook it`, 'segmentId');
    if (segment.kind !== swap.content.kind) {
      throw new DomainError('VALIDATION_FAILED', `A ${segment.kind} segment can only be replaced by a ${segment.kind} hold, not a ${swap.content.kind} one`, 'newHoldId');
    }
    if (swap.content.currency !== current.currency) {
      throw new DomainError('VALIDATION_FAILED', `The new hold is priced in ${swap.content.currency}, the booking in ${current.currency}`, 'newHoldId');
    }
    if ((await this.bookings.usedHoldIds([swap.newHoldId], tx)).length > 0) {
      throw new DomainError('CONFLICT', `Hold ${swap.newHoldId} is already part of a booking`, 'newHoldId');
    }

    const now = this.clock.now();
    if (current.travelerDetails) {
      // A later date can take the trip past the passport's expiry, which was only checked against the old dates.
      const after = segments.map((s) => (s.id === segment.id ? swap.content : s));
      const expiry = checkTravelerDates(current.travelerDetails, now, tripEndOf(after)).find((i) => i.field === 'passport.expiresOn');
      if (expiry) throw new DomainError('VALIDATION_FAILED', expiry.message, 'newHoldId');
    }
    const difference = swap.content.priceMinor - segment.priceMinor;
    // Every column the new hold describes is overwritten, so nothing of the old product lingers on the segment.
    await this.bookings.updateSegment(
      segment.id,
      {
        flightId: null,
        seatId: null,
        productId: null,
        cabin: null,
        origin: null,
        destination: null,
        carrier: null,
        flightNumber: null,
        supplierReference: null,
        ...swap.content,
      },
      tx,
    );
    const updated = await this.bookings.update(current.id, { totalMinor: current.totalMinor + difference, updatedAt: now }, tx);
    const change = await this.bookings.insertChange(
      {
        bookingId: current.id,
        orgId: current.orgId,
        segmentId: segment.id,
        oldHoldId: segment.holdId,
        newHoldId: swap.newHoldId,
        oldPriceMinor: segment.priceMinor,
        newPriceMinor: swap.content.priceMinor,
        differenceMinor: difference,
        currency: current.currency,
        before: snapshotOf(segment),
        actorId: swap.actorId,
        reason: swap.reason,
        occurredAt: now,
      },
      tx,
    );
    await emit({
      type: 'booking.segment_changed',
      orgId: current.orgId,
      aggregateId: current.id,
      payload: {
        bookingId: current.id,
        segmentId: segment.id,
        kind: segment.kind,
        releasedHoldId: segment.holdId,
        newHoldId: swap.newHoldId,
        convertNewHold: current.status !== 'draft',
        oldAmount: segment.priceMinor,
        newAmount: swap.content.priceMinor,
        priceDifference: difference,
        currency: current.currency,
        position: segments.indexOf(segment),
        segment: {
          kind: swap.content.kind,
          supplier: swap.content.supplier ?? swap.content.carrier ?? '',
          origin: swap.content.origin ?? null,
          destination: swap.content.destination ?? null,
          cabin: swap.content.cabin ?? null,
          departAt: swap.content.departAt?.toISOString() ?? null,
          arriveAt: swap.content.arriveAt?.toISOString() ?? null,
          amount: swap.content.priceMinor,
        },
      },
    });
    return { booking: updated, change };
  }

  /** The new hold, checked active, as a segment's content. */
  async newHoldContent(identity: string, newHoldId: string, field = 'newHoldId'): Promise<SegmentContent> {
    const [hold] = checkActiveHolds([newHoldId], await this.reads.holds([newHoldId], identity), this.clock.now(), field);
    return segmentFromHold(hold!, field);
  }

  /** A replayed change: the booking as it is now and the change the first request recorded. */
  private async withChange(booking: BookingRow, newHoldId: string, db?: Parameters<BookingsRepository['changesOf']>[2]): Promise<SegmentChangeResult> {
    const changes = await this.bookings.changesOf(booking.orgId, [booking.id], db);
    return { booking, change: changes.find((c) => c.newHoldId === newHoldId) ?? null };
  }

  private assertChangeable(booking: BookingRow): void {
    if (!CHANGEABLE.includes(booking.status)) {
      throw new DomainError('INVALID_TRANSITION', `Booking is ${booking.status}; segments can be changed on drafts and confirmed or ticketed bookings`, 'bookingId');
    }
  }
}
