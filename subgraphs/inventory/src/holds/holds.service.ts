import { DomainError, type Clock, type Logger, type NewEvent, type Transaction, type UnitOfWork, type Viewer, type WorkScope, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { AvailabilityService } from '../availability/availability.service.js';
import { BOOKABLE_FLIGHT_STATUSES, CABINS, type Cabin, type FareClassRow, type HoldRow, type SeatRow } from '../db/schema.js';
import type { FareClassesRepository } from '../fare-classes/fare-classes.repository.js';
import type { FlightsRepository } from '../flights/flights.repository.js';
import { MAX_PASSENGERS } from '../flights/flights.service.js';
import type { SeatsRepository } from '../seats/seats.repository.js';
import { isUniqueViolation, isUuid } from '../validation.js';
import { effectiveStatus, extendedExpiry, extendHoldInput, HOLD_TTL_MS } from './hold-lifetime.js';
import { SEAT_TAKEN_CONSTRAINT, type HoldsRepository } from './holds.repository.js';

/** Holds expired per transaction by a sweep. */
const SWEEP_BATCH = 500;

const id = (what: string) => z.string().refine(isUuid, { error: `${what} is not a valid id` });

const holdSeatInput = z
  .object({ flightId: id('flightId'), seatId: id('seatId').nullish(), cabin: z.enum(CABINS).nullish(), fareClassId: id('fareClassId').nullish() })
  .refine((v) => v.seatId || v.cabin || v.fareClassId, { error: 'Choose a seat, a cabin or a fare class', path: ['cabin'] });

export const MAX_HOLD_LEGS = 4;

const holdSeatsInput = z
  .object({
    legs: z
      .array(
        z
          .object({ flightId: id('flightId'), seatIds: z.array(id('seatId')).nullish(), cabin: z.enum(CABINS).nullish(), fareClassId: id('fareClassId').nullish() })
          .refine((v) => (v.seatIds && v.seatIds.length > 0) || v.cabin || v.fareClassId, { error: 'Choose seats, a cabin or a fare class', path: ['cabin'] }),
      )
      .min(1, { error: 'Give at least one leg' })
      .max(MAX_HOLD_LEGS, { error: `At most ${MAX_HOLD_LEGS} legs` }),
    passengers: z.number().int().min(1, { error: 'passengers must be at least 1' }).max(MAX_PASSENGERS, { error: `passengers must be at most ${MAX_PASSENGERS}` }).nullish(),
  })
  .superRefine((v, ctx) => {
    const passengers = v.passengers ?? 1;
    const flights = new Set<string>();
    v.legs.forEach((leg, i) => {
      if (flights.has(leg.flightId)) ctx.addIssue({ code: 'custom', message: 'Each flight at most once', path: ['legs', i, 'flightId'] });
      flights.add(leg.flightId);
      if (leg.seatIds && leg.seatIds.length > 0 && (leg.seatIds.length !== passengers || new Set(leg.seatIds).size !== passengers)) {
        ctx.addIssue({ code: 'custom', message: `Name ${passengers} different seat(s), one per passenger`, path: ['legs', i, 'seatIds'] });
      }
    });
  });

/** One seat to hold: a chosen one, or the cheapest free one of a cabin, optionally at a fare class. */
interface SeatRequest {
  flightId: string;
  seatId: string | null;
  cabin: Cabin | null;
  fareClassId: string | null;
  /** Prefix of error fields, so a multi-leg caller can tell which leg failed. */
  field: string;
}

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
    private readonly fareClasses: FareClassesRepository,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Holds a seat (the chosen one, or the cheapest free one of `cabin`) inside the caller's transaction; holdSeat
   * runs it in its own, the rebooking consumer in the one of the event it handles.
   */
  async placeHold(scope: WorkScope, viewer: Viewer, want: { flightId: string; seatId: string | null; cabin: Cabin | null }): Promise<HoldRow> {
    return this.holdOne(scope, viewer, { ...want, fareClassId: null, field: '' }, this.clock.now());
  }

  async holdSeat(viewer: Viewer, input: unknown): Promise<HoldRow> {
    const { flightId, seatId, cabin, fareClassId } = parseInput(holdSeatInput, input);
    const now = this.clock.now();
    const hold = await this.uow.run((scope) =>
      this.holdOne(scope, viewer, { flightId, seatId: seatId ?? null, cabin: cabin ?? null, fareClassId: fareClassId ?? null, field: '' }, now),
    );
    await this.availability.publish([flightId]);
    return hold;
  }

  /**
   * Seats for every passenger on every leg, in one transaction: when any
   * seat cannot be held the transaction rolls back and no hold exists.
   * Chosen seats are locked in one global order (flight, then seat id), so
   * two parties asking for overlapping seats wait for each other instead of
   * deadlocking; free seats are picked with SKIP LOCKED as holdSeat does.
   */
  async holdSeats(viewer: Viewer, input: unknown): Promise<HoldRow[]> {
    const { legs, passengers: passengersIn } = parseInput(holdSeatsInput, input);
    const passengers = passengersIn ?? 1;
    const now = this.clock.now();
    const ordered = legs.map((leg, index) => ({ leg, index })).sort((a, b) => a.leg.flightId.localeCompare(b.leg.flightId));
    const held = await this.uow.run(async (scope) => {
      const byLeg = new Map<number, HoldRow[]>();
      for (const { leg, index } of ordered) {
        const requests: SeatRequest[] = leg.seatIds && leg.seatIds.length > 0
          ? [...leg.seatIds].sort().map((seatId) => ({ flightId: leg.flightId, seatId, cabin: leg.cabin ?? null, fareClassId: leg.fareClassId ?? null, field: `legs.${index}.` }))
          : Array.from({ length: passengers }, () => ({ flightId: leg.flightId, seatId: null, cabin: leg.cabin ?? null, fareClassId: leg.fareClassId ?? null, field: `legs.${index}.` }));
        const rows: HoldRow[] = [];
        for (const request of requests) rows.push(await this.holdOne(scope, viewer, request, now));
        // Locked in id order; answered in the order the passengers' seats were given.
        const order = leg.seatIds ?? [];
        byLeg.set(index, order.length > 0 ? rows.sort((a, b) => order.indexOf(a.seatId) - order.indexOf(b.seatId)) : rows);
      }
      return legs.flatMap((_, index) => byLeg.get(index) ?? []);
    });
    await this.availability.publish(legs.map((l) => l.flightId));
    return held;
  }

  /** Holds one seat inside the caller's transaction; throws a DomainError (and so rolls it back) when it cannot. */
  private async holdOne({ tx, emit }: WorkScope, viewer: Viewer, request: SeatRequest, now: Date): Promise<HoldRow> {
    const { flightId, seatId, field } = request;
    const [flight] = await this.flights.findByIds([flightId], tx);
    if (!flight) throw new DomainError('NOT_FOUND', `Flight ${flightId} not found`, `${field}flightId`);
    if (!BOOKABLE_FLIGHT_STATUSES.includes(flight.status) || flight.departureAt <= now) {
      throw new DomainError('VALIDATION_FAILED', `Flight ${flight.flightNumber} can no longer be held`, `${field}flightId`);
    }
    let cabin = request.cabin;
    let fare: FareClassRow | null = null;
    if (request.fareClassId) {
      [fare = null] = await this.fareClasses.findByIds([request.fareClassId], tx);
      if (!fare || fare.flightId !== flightId) throw new DomainError('NOT_FOUND', `Fare class ${request.fareClassId} is not sold on flight ${flight.flightNumber}`, `${field}fareClassId`);
      if (cabin && cabin !== fare.cabin) throw new DomainError('VALIDATION_FAILED', `Fare class ${fare.bookingCode} is not in ${cabin}`, `${field}cabin`);
      cabin = fare.cabin;
    }
    const seat = seatId ? await this.lockChosenSeat(tx, flightId, seatId, cabin, now, field) : await this.lockFreeSeat(tx, flightId, cabin!, now, field);
    const stale = await this.holds.expireStaleOnSeat(tx, seat.id, now);
    if (stale.length > 0) await emit(stale.map((h) => releasedEvent(h, 'expired')));
    let created: HoldRow;
    try {
      created = await this.holds.insert(tx, {
        orgId: viewer.orgId,
        personId: viewer.personId,
        flightId,
        seatId: seat.id,
        fareClassId: fare?.id ?? null,
        // A fare class prices the ticket whatever seat of its cabin it gets.
        priceMinor: fare ? fare.priceMinor : seat.priceMinor,
        currency: fare ? fare.currency : seat.currency,
        status: 'active',
        expiresAt: new Date(now.getTime() + HOLD_TTL_MS),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error, SEAT_TAKEN_CONSTRAINT)) throw new DomainError('SEAT_TAKEN', `Seat ${seat.seatNumber} is taken`, `${field}seatId`);
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

  private async lockChosenSeat(tx: Transaction, flightId: string, seatId: string, cabin: Cabin | null, now: Date, field: string): Promise<SeatRow> {
    const seat = await this.seats.lock(tx, flightId, seatId);
    if (!seat) throw new DomainError('NOT_FOUND', `Seat ${seatId} is not on flight ${flightId}`, `${field}seatId`);
    if (cabin && seat.cabin !== cabin) throw new DomainError('VALIDATION_FAILED', `Seat ${seat.seatNumber} is not in ${cabin}`, `${field}cabin`);
    if (await this.seats.isTaken(tx, seat.id, now)) throw new DomainError('SEAT_TAKEN', `Seat ${seat.seatNumber} is taken`, `${field}seatId`);
    return seat;
  }

  /**
   * The cheapest free seat of the cabin. A seat picked from an older
   * snapshot may have been held by a transaction that committed since; it is
   * skipped and the next one tried, so each pass takes a different seat.
   */
  private async lockFreeSeat(tx: Transaction, flightId: string, cabin: Cabin, now: Date, field: string): Promise<SeatRow> {
    const skip: string[] = [];
    for (;;) {
      const seat = await this.seats.lockCheapestFree(tx, flightId, cabin, now, skip);
      if (!seat) throw new DomainError('INSUFFICIENT_INVENTORY', `No ${cabin.replace('_', ' ')} seat is left`, `${field}cabin`);
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
