import { DomainError, type Clock, type Logger, type NewEvent, type Transaction, type UnitOfWork, type Viewer, type WorkScope, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { AvailabilityService } from '../availability/availability.service.js';
import { BOOKABLE_FLIGHT_STATUSES, CABINS, type Cabin, type HoldRow, type SeatRow } from '../db/schema.js';
import type { FlightsRepository } from '../flights/flights.repository.js';
import type { SeatsRepository } from '../seats/seats.repository.js';
import { isUniqueViolation, isUuid } from '../validation.js';
import { effectiveStatus, extendedExpiry, extendHoldInput, HOLD_TTL_MS } from './hold-lifetime.js';
import { SEAT_TAKEN_CONSTRAINT, type HoldsRepository } from './holds.repository.js';

/** Holds expired per transaction by a sweep. */
const SWEEP_BATCH = 500;

const id = (what: string) => z.string().refine(isUuid, { error: `${what} is not a valid id` });

const holdSeatInput = z
  .object({ flightId: id('flightId'), seatId: id('seatId').nullish(), cabin: z.enum(CABINS).nullish() })
  .refine((v) => v.seatId || v.cabin, { error: 'Choose a seat or a cabin', path: ['cabin'] });

const releaseHoldInput = z.object({ holdId: id('holdId') });

type ReleaseReason = 'released' | 'expired' | 'booking_canceled';

export { effectiveStatus, HOLD_TTL_MS };

function releasedEvent(hold: HoldRow, reason: ReleaseReason): NewEvent<'inventory.hold.released'> {
  return {
    type: 'inventory.hold.released',
    orgId: hold.orgId,
    aggregateId: hold.id,
    payload: { holdId: hold.id, flightId: hold.flightId, seatId: hold.seatId, reason },
  };
}

/**
 * Seat holds. Every decision about a seat is taken with the seat row locked,
 * and the partial unique index on holds backs that up: a seat is never held
 * or sold twice.
 */
export class HoldsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly holds: HoldsRepository,
    private readonly seats: SeatsRepository,
    private readonly flights: FlightsRepository,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Holds a seat (the chosen one, or the cheapest free one of `cabin`) inside the caller's transaction; holdSeat
   * runs it in its own, the rebooking consumer in the one of the event it handles.
   */
  async placeHold({ tx, emit }: WorkScope, viewer: Viewer, want: { flightId: string; seatId: string | null; cabin: Cabin | null }): Promise<HoldRow> {
    const { flightId, seatId, cabin } = want;
    const now = this.clock.now();
    const [flight] = await this.flights.findByIds([flightId], tx);
    if (!flight) throw new DomainError('NOT_FOUND', `Flight ${flightId} not found`, 'flightId');
    if (!BOOKABLE_FLIGHT_STATUSES.includes(flight.status) || flight.departureAt <= now) {
      throw new DomainError('VALIDATION_FAILED', `Flight ${flight.flightNumber} can no longer be held`, 'flightId');
    }
    const seat = seatId ? await this.lockChosenSeat(tx, flightId, seatId, cabin ?? null, now) : await this.lockFreeSeat(tx, flightId, cabin!, now);
    const stale = await this.holds.expireStaleOnSeat(tx, seat.id, now);
    if (stale.length > 0) await emit(stale.map((h) => releasedEvent(h, 'expired')));
    let created: HoldRow;
    try {
      created = await this.holds.insert(tx, {
        orgId: viewer.orgId,
        personId: viewer.personId,
        flightId,
        seatId: seat.id,
        priceMinor: seat.priceMinor,
        currency: seat.currency,
        status: 'active',
        expiresAt: new Date(now.getTime() + HOLD_TTL_MS),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error, SEAT_TAKEN_CONSTRAINT)) throw new DomainError('SEAT_TAKEN', `Seat ${seat.seatNumber} is taken`, 'seatId');
      throw error;
    }
    await emit({
      type: 'inventory.hold.created',
      orgId: created.orgId,
      aggregateId: created.id,
      payload: {
        holdId: created.id,
        flightId,
        seatId: seat.id,
        personId: created.personId,
        amount: created.priceMinor,
        currency: created.currency,
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    return created;
  }

  async holdSeat(viewer: Viewer, input: unknown): Promise<HoldRow> {
    const { flightId, seatId, cabin } = parseInput(holdSeatInput, input);
    const hold = await this.uow.run((scope) => this.placeHold(scope, viewer, { flightId, seatId: seatId ?? null, cabin: cabin ?? null }));
    await this.availability.publish([flightId]);
    return hold;
  }

  private async lockChosenSeat(tx: Transaction, flightId: string, seatId: string, cabin: Cabin | null, now: Date): Promise<SeatRow> {
    const seat = await this.seats.lock(tx, flightId, seatId);
    if (!seat) throw new DomainError('NOT_FOUND', `Seat ${seatId} is not on flight ${flightId}`, 'seatId');
    if (cabin && seat.cabin !== cabin) throw new DomainError('VALIDATION_FAILED', `Seat ${seat.seatNumber} is not in ${cabin}`, 'cabin');
    if (await this.seats.isTaken(tx, seat.id, now)) throw new DomainError('SEAT_TAKEN', `Seat ${seat.seatNumber} is taken`, 'seatId');
    return seat;
  }

  /**
   * The cheapest free seat of the cabin. A seat picked from an older
   * snapshot may have been held by a transaction that committed since; it is
   * skipped and the next one tried, so each pass takes a different seat.
   */
  private async lockFreeSeat(tx: Transaction, flightId: string, cabin: Cabin, now: Date): Promise<SeatRow> {
    const skip: string[] = [];
    for (;;) {
      const seat = await this.seats.lockCheapestFree(tx, flightId, cabin, now, skip);
      if (!seat) throw new DomainError('INSUFFICIENT_INVENTORY', `No ${cabin.replace('_', ' ')} seat is left`, 'cabin');
      if (!(await this.seats.isTaken(tx, seat.id, now))) return seat;
      skip.push(seat.id);
    }
  }

  async releaseHold(viewer: Viewer, input: unknown): Promise<HoldRow> {
    const { holdId } = parseInput(releaseHoldInput, input);
    const now = this.clock.now();
    const released = await this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Hold ${holdId} not found`, 'holdId');
      if (effectiveStatus(hold, now) !== 'active') throw new DomainError('HOLD_NOT_ACTIVE', `Hold is ${effectiveStatus(hold, now)}`, 'holdId');
      const row = await this.holds.setStatus(tx, hold.id, 'released', now);
      await emit(releasedEvent(row, 'released'));
      return row;
    });
    await this.availability.publish([released.flightId]);
    return released;
  }

  /** Keeps an active seat hold longer (bounded by MAX_HOLD_LIFETIME_MS); a hold that ran out is HOLD_EXPIRED. */
  async extendHold(viewer: Viewer, input: unknown): Promise<HoldRow> {
    const { holdId, minutes } = parseInput(extendHoldInput.extend({ holdId: id('holdId') }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Hold ${holdId} not found`, 'holdId');
      const row = await this.holds.setExpiry(tx, hold.id, extendedExpiry(hold, now, minutes), now);
      await emit({ type: 'inventory.hold.extended', orgId: row.orgId, aggregateId: row.id, payload: { holdId: row.id, kind: 'seat', expiresAt: row.expiresAt.toISOString() } });
      return row;
    });
  }

  /** Expires every active hold that ran out; returns how many. */
  async expireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const expired = await this.uow.run(async ({ tx, emit }) => {
        const rows = await this.holds.expireDue(tx, now, SWEEP_BATCH);
        if (rows.length > 0) await emit(rows.map((h) => releasedEvent(h, 'expired')));
        return rows;
      });
      total += expired.length;
      await this.availability.publish(expired.map((h) => h.flightId));
      if (expired.length < SWEEP_BATCH) return total;
    }
  }

  /**
   * A confirmed booking buys its held seats. A hold that ran out or was
   * released meanwhile still buys its seat when nobody else took it; when
   * someone did, the hold is left as it is and a warning logged (rebooking
   * such a traveler is not handled yet).
   */
  async convertForBooking(orgId: string, bookingId: string, holdIds: readonly string[], { tx, emit }: WorkScope): Promise<string[]> {
    const now = this.clock.now();
    const found = await this.holds.findByIds(orgId, holdIds.filter(isUuid), tx);
    // Seats first, in one order, as holdSeat locks them: concurrent conversions cannot deadlock.
    for (const candidate of found.sort((a, b) => a.seatId.localeCompare(b.seatId))) {
      await this.seats.lock(tx, candidate.flightId, candidate.seatId);
      const hold = (await this.holds.lock(tx, orgId, candidate.id))!;
      if (hold.status === 'converted') {
        if (hold.bookingId !== bookingId) this.logger.warn({ holdId: hold.id, bookingId, soldTo: hold.bookingId }, 'hold already sold to another booking');
        continue;
      }
      if (hold.status !== 'active') {
        const stale = await this.holds.expireStaleOnSeat(tx, hold.seatId, now);
        if (stale.length > 0) await emit(stale.map((h) => releasedEvent(h, 'expired')));
        if (await this.seats.isTaken(tx, hold.seatId, now)) {
          this.logger.warn({ holdId: hold.id, bookingId, seatId: hold.seatId, status: hold.status }, 'confirmed booking lost its seat: the hold lapsed and the seat was taken');
          continue;
        }
      }
      await this.holds.setStatus(tx, hold.id, 'converted', now, bookingId);
      await emit({
        type: 'inventory.hold.converted',
        orgId,
        aggregateId: hold.id,
        payload: { holdId: hold.id, flightId: hold.flightId, seatId: hold.seatId, bookingId },
      });
    }
    return found.map((f) => f.id);
  }

  /** A canceled booking gives its seats back, whether still held or already sold. */
  async releaseForBooking(orgId: string, holdIds: readonly string[], reason: 'released' | 'booking_canceled', { tx, emit }: WorkScope): Promise<void> {
    const released = await this.holds.releaseHeldOrSold(tx, orgId, holdIds.filter(isUuid), this.clock.now());
    if (released.length > 0) await emit(released.map((h) => releasedEvent(h, reason)));
  }
}
