import type { EntityClient } from '@travel/platform';
import { CABINS, EMPLOYEE_LEVELS } from './conditions.js';
import type { BookingFacts, SegmentFacts } from './rule-engine.js';

/** The booking as the booking subgraph serves it (enums UPPER_CASE, times ISO strings, money in minor units). */
export interface BookingSnapshot {
  id: string;
  total: { amount: number; currency: string };
  traveler: { id: string } | null;
  segments: {
    kind: string | null;
    cabin: string | null;
    departAt: string | null;
    arriveAt: string | null;
    price: { amount: number; currency: string };
  }[];
}

/** The traveler as the customer subgraph serves them. */
export interface TravelerSnapshot {
  id: string;
  department: string | null;
  level: string | null;
}

export const BOOKING_SELECTION = 'id total { amount currency } traveler { id } segments { kind cabin departAt arriveAt price { amount currency } }';
export const TRAVELER_SELECTION = 'id department level';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function timeOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Whole days still to go: a departure 6 days 23 hours away is 6 days ahead, not 7. */
function wholeDaysUntil(now: Date, at: number | null): number | null {
  return at === null ? null : Math.floor((at - now.getTime()) / DAY_MS);
}

function enumValue<const V extends string>(value: string | null, allowed: readonly V[]): V | null {
  const lower = value?.toLowerCase() ?? null;
  return allowed.find((v) => v === lower) ?? null;
}

/** Turns what the other subgraphs served into the facts rules are written against. */
export function toBookingFacts(booking: BookingSnapshot, traveler: TravelerSnapshot | null, now: Date): BookingFacts {
  const segments = booking.segments.map((s): SegmentFacts => {
    const departAt = timeOf(s.departAt);
    const arriveAt = timeOf(s.arriveAt);
    return {
      kind: s.kind?.toLowerCase() ?? null,
      cabin: enumValue(s.cabin, CABINS),
      priceAmount: s.price.amount,
      durationMinutes: departAt !== null && arriveAt !== null ? Math.round((arriveAt - departAt) / MINUTE_MS) : null,
      advanceDays: wholeDaysUntil(now, departAt),
    };
  });
  const departures = booking.segments.map((s) => timeOf(s.departAt)).filter((t): t is number => t !== null);
  return {
    totalAmount: booking.total.amount,
    advanceDays: wholeDaysUntil(now, departures.length > 0 ? Math.min(...departures) : null),
    segments,
    traveler: { level: enumValue(traveler?.level ?? null, EMPLOYEE_LEVELS), department: traveler?.department ?? null },
  };
}

/**
 * Reads a booking and its traveler from their owning subgraphs on behalf of
 * the caller, so their tenancy rules decide what is visible: a booking of
 * another organization comes back as null, exactly like an unknown one.
 */
export class BookingFactsReader {
  constructor(private readonly entities: Pick<EntityClient, 'fetch'>) {}

  async read(bookingId: string, identity: string, now: Date): Promise<BookingFacts | null> {
    const [booking] = await this.entities.fetch<BookingSnapshot>({
      subgraph: 'booking',
      typename: 'Booking',
      representations: [{ id: bookingId }],
      identity,
      selection: BOOKING_SELECTION,
    });
    if (!booking) return null;
    const [traveler] = booking.traveler
      ? await this.entities.fetch<TravelerSnapshot>({
          subgraph: 'customer',
          typename: 'Person',
          representations: [{ id: booking.traveler.id }],
          identity,
          selection: TRAVELER_SELECTION,
        })
      : [null];
    return toBookingFacts(booking, traveler ?? null, now);
  }
}
