import { DomainError, type Clock, type Logger, type NewEvent, type UnitOfWork, type Viewer, type WorkScope, parseInput } from '@travel/platform';
import { z } from 'zod';
import { daysBetween, localDate } from '../dates.js';
import type { RoomHoldRow } from '../db/schema.js';
import { effectiveStatus, extendedExpiry, extendHoldInput, HOLD_TTL_MS } from '../holds/hold-lifetime.js';
import type { HotelsRepository } from '../hotels/hotels.repository.js';
import { isUuid } from '../validation.js';
import type { RoomHoldsRepository } from './room-holds.repository.js';

export const MAX_NIGHTS = 30;
export const MAX_ROOMS = 9;
const SWEEP_BATCH = 500;

const id = (what: string) => z.string().refine(isUuid, { error: `${what} is not a valid id` });
const count = (field: string, max: number) =>
  z
    .number()
    .int()
    .min(1, { error: `${field} must be at least 1` })
    .max(max, { error: `${field} must be at most ${max}` });

/** A stay: check-in before check-out, at most MAX_NIGHTS nights. */
export const stay = z
  .object({ checkIn: z.iso.date({ error: 'checkIn must be YYYY-MM-DD' }), checkOut: z.iso.date({ error: 'checkOut must be YYYY-MM-DD' }) })
  .refine((v) => v.checkOut > v.checkIn, { error: 'checkOut must be after checkIn', path: ['checkOut'] })
  .refine((v) => daysBetween(v.checkIn, v.checkOut) <= MAX_NIGHTS, { error: `a stay is at most ${MAX_NIGHTS} nights`, path: ['checkOut'] });

const holdRoomInput = z
  .object({ roomTypeId: id('roomTypeId'), rooms: count('rooms', MAX_ROOMS).nullish(), guests: count('guests', 4 * MAX_ROOMS).nullish() })
  .and(stay);

type ReleaseReason = 'released' | 'expired' | 'booking_canceled';

function releasedEvent(hold: RoomHoldRow, reason: ReleaseReason): NewEvent<'inventory.room_hold.released'> {
  return { type: 'inventory.room_hold.released', orgId: hold.orgId, aggregateId: hold.id, payload: { holdId: hold.id, roomTypeId: hold.roomTypeId, reason } };
}

/**
 * Hotel room holds. The invariant, for every room type and night: rooms
 * sold + rooms actively held ≤ total rooms. Every decision about a room type
 * is taken with its row locked (FOR UPDATE), so holds from any number of
 * processes are decided one after another, each reading what the previous
 * one committed (READ COMMITTED gives every statement a fresh snapshot).
 */
export class RoomHoldsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly holds: RoomHoldsRepository,
    private readonly hotels: HotelsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async holdRoom(viewer: Viewer, input: unknown): Promise<RoomHoldRow> {
    const { roomTypeId, checkIn, checkOut, rooms: roomsIn, guests: guestsIn } = parseInput(holdRoomInput, input);
    const rooms = roomsIn ?? 1;
    const guests = guestsIn ?? 1;
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const roomType = await this.hotels.lockRoomType(tx, roomTypeId);
      if (!roomType) throw new DomainError('NOT_FOUND', `Room type ${roomTypeId} not found`, 'roomTypeId');
      const [hotel] = await this.hotels.findByIds([roomType.hotelId], tx);
      if (checkIn < localDate(now, hotel!.timeZone)) throw new DomainError('VALIDATION_FAILED', 'checkIn is in the past at the hotel', 'checkIn');
      if (guests > roomType.capacity * rooms) {
        throw new DomainError('VALIDATION_FAILED', `${rooms} ${roomType.name} room(s) sleep at most ${roomType.capacity * rooms}`, 'guests');
      }
      const taken = await this.hotels.takenNights([roomType.id], checkIn, checkOut, now, tx);
      const busiest = taken.reduce((max, n) => (n.taken > max.taken ? n : max), { night: checkIn, taken: 0 });
      const left = roomType.totalRooms - busiest.taken;
      if (left < rooms) throw new DomainError('INSUFFICIENT_INVENTORY', `Only ${Math.max(0, left)} ${roomType.name} room(s) left on ${busiest.night}`, 'rooms');
      const nights = daysBetween(checkIn, checkOut);
      const created = await this.holds.insert(tx, {
        orgId: viewer.orgId,
        personId: viewer.personId,
        hotelId: roomType.hotelId,
        roomTypeId: roomType.id,
        checkIn,
        checkOut,
        rooms,
        guests,
        priceMinor: roomType.nightlyRateMinor * nights * rooms,
        currency: roomType.currency,
        status: 'active',
        expiresAt: new Date(now.getTime() + HOLD_TTL_MS),
        createdAt: now,
        updatedAt: now,
      });
      await emit({
        type: 'inventory.room_hold.created',
        orgId: created.orgId,
        aggregateId: created.id,
        payload: {
          holdId: created.id,
          hotelId: created.hotelId,
          roomTypeId: created.roomTypeId,
          checkIn,
          checkOut,
          rooms,
          personId: created.personId,
          amount: created.priceMinor,
          currency: created.currency,
          expiresAt: created.expiresAt.toISOString(),
        },
      });
      return created;
    });
  }

  async releaseHold(viewer: Viewer, input: unknown): Promise<RoomHoldRow> {
    const { holdId } = parseInput(z.object({ holdId: id('holdId') }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Room hold ${holdId} not found`, 'holdId');
      if (effectiveStatus(hold, now) !== 'active') throw new DomainError('HOLD_NOT_ACTIVE', `Hold is ${effectiveStatus(hold, now)}`, 'holdId');
      const row = await this.holds.update(tx, hold.id, { status: 'released' }, now);
      await emit(releasedEvent(row, 'released'));
      return row;
    });
  }

  /** Keeps an active room hold longer; the rooms stay counted, so no capacity check is needed. */
  async extendHold(viewer: Viewer, input: unknown): Promise<RoomHoldRow> {
    const { holdId, minutes } = parseInput(extendHoldInput.extend({ holdId: id('holdId') }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      const hold = await this.holds.lock(tx, viewer.orgId, holdId);
      if (!hold) throw new DomainError('NOT_FOUND', `Room hold ${holdId} not found`, 'holdId');
      const row = await this.holds.update(tx, hold.id, { expiresAt: extendedExpiry(hold, now, minutes) }, now);
      await emit({ type: 'inventory.hold.extended', orgId: row.orgId, aggregateId: row.id, payload: { holdId: row.id, kind: 'room', expiresAt: row.expiresAt.toISOString() } });
      return row;
    });
  }

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
      if (expired.length < SWEEP_BATCH) return total;
    }
  }

  /**
   * A confirmed booking buys its held rooms. A hold that lapsed meanwhile
   * still buys them when the nights still have room (checked under the room
   * type's lock); otherwise it is left as it is and a warning logged.
   */
  async convertForBooking(orgId: string, bookingId: string, holdIds: readonly string[], { tx, emit }: WorkScope): Promise<string[]> {
    const now = this.clock.now();
    const found = await this.holds.findByIds(orgId, holdIds.filter(isUuid), tx);
    // Room types first, in one order, as holdRoom locks them: concurrent conversions cannot deadlock.
    for (const candidate of found.sort((a, b) => a.roomTypeId.localeCompare(b.roomTypeId) || a.id.localeCompare(b.id))) {
      const roomType = (await this.hotels.lockRoomType(tx, candidate.roomTypeId))!;
      const hold = (await this.holds.lock(tx, orgId, candidate.id))!;
      if (hold.status === 'converted') continue;
      if (effectiveStatus(hold, now) !== 'active') {
        const taken = await this.hotels.takenNights([roomType.id], hold.checkIn, hold.checkOut, now, tx, hold.id);
        if (taken.some((n) => roomType.totalRooms - n.taken < hold.rooms)) {
          this.logger.warn({ holdId: hold.id, bookingId }, 'confirmed booking lost its rooms: the hold lapsed and the nights filled up');
          continue;
        }
      }
      await this.holds.update(tx, hold.id, { status: 'converted', bookingId }, now);
      await emit({ type: 'inventory.room_hold.converted', orgId, aggregateId: hold.id, payload: { holdId: hold.id, roomTypeId: hold.roomTypeId, bookingId } });
    }
    return found.map((f) => f.id);
  }

  async releaseForBooking(orgId: string, holdIds: readonly string[], reason: 'released' | 'booking_canceled', { tx, emit }: WorkScope): Promise<void> {
    const released = await this.holds.releaseHeldOrSold(tx, orgId, holdIds.filter(isUuid), this.clock.now());
    if (released.length > 0) await emit(released.map((h) => releasedEvent(h, reason)));
  }
}
