import { DomainError, type WorkScope } from '@travel/platform';
import type { BookingRow } from '../db/schema.js';
import { assertTransition, type BookingStatus } from './booking-state-machine.js';
import type { BookingsRepository } from './bookings.repository.js';

export interface Move {
  actorId: string | null;
  reason: string | null;
  at: Date;
}

/** The only way a booking's status changes, shared by every service that changes one. */
export class StatusMoves {
  constructor(private readonly bookings: BookingsRepository) {}

  /** Recorded in the trail (which checks the state machine), then compare-and-set on the status. */
  async move(tx: WorkScope['tx'], booking: BookingRow, to: BookingStatus, how: Move): Promise<BookingRow> {
    await this.record(tx, booking, booking.status, to, how);
    const updated = await this.bookings.updateStatus(
      booking.id,
      booking.status,
      {
        status: to,
        updatedAt: how.at,
        ...(to === 'confirmed' ? { confirmedAt: booking.confirmedAt ?? how.at } : {}),
        ...(to === 'canceled' ? { canceledAt: how.at } : {}),
      },
      tx,
    );
    if (!updated) throw new DomainError('INVALID_TRANSITION', `Booking ${booking.id} is no longer ${booking.status}`);
    return updated;
  }

  /** Writes one audit step; refuses steps the state machine does not allow. */
  async record(tx: WorkScope['tx'], booking: BookingRow, from: BookingStatus | null, to: BookingStatus, how: Move): Promise<void> {
    assertTransition(from, to);
    await this.bookings.insertTransition(
      {
        bookingId: booking.id,
        orgId: booking.orgId,
        sequence: await this.bookings.nextSequence(booking.id, tx),
        fromStatus: from,
        toStatus: to,
        actorId: how.actorId,
        reason: how.reason,
        occurredAt: how.at,
      },
      tx,
    );
  }
}
