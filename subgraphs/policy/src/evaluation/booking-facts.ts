import type { EntityClient } from '@travel/platform';
import { CABINS, EMPLOYEE_LEVELS, FARE_CLASS_OF_CABIN } from './conditions.js';
import { regionOfCountry } from './regions.js';
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
    /** Airline code of a flight. */
    carrier?: string | null;
    /** Supplier of any other segment (hotel chain, rental company). */
    supplier?: string | null;
    /** Destination airport code of a flight. */
    destination?: string | null;
    /** Check-in and check-out of a stay. */
    startsAt?: string | null;
    endsAt?: string | null;
  }[];
}

/** The traveler as the customer subgraph serves them. */
export interface TravelerSnapshot {
  id: string;
  department: string | null;
  level: string | null;
}

export const BOOKING_SELECTION =
  'id total { amount currency } traveler { id } segments { kind cabin departAt arriveAt price { amount currency } carrier supplier destination startsAt endsAt }';
export const AIRPORT_SELECTION = 'code country';

/** What facts need besides the booking and traveler: the organization's preferred suppliers and where airports are. */
export interface FactContext {
  preferredVendors: ReadonlySet<string>;
  /** Country of each destination airport code that could be read. */
  countryOfAirport: ReadonlyMap<string, string>;
}

export const NO_CONTEXT: FactContext = { preferredVendors: new Set(), countryOfAirport: new Map() };
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

/** Stay length in whole nights, counted by calendar date so a late check-in still makes one night. */
function nightsBetween(startsAt: number, endsAt: number): number {
  return Math.max(1, Math.round((Date.parse(new Date(endsAt).toISOString().slice(0, 10)) - Date.parse(new Date(startsAt).toISOString().slice(0, 10))) / DAY_MS));
}

export interface SegmentSource {
  kind: string | null;
  cabin: string | null;
  fareClass: string | null;
  priceAmount: number;
  departAt: number | null;
  arriveAt: number | null;
  startsAt: number | null;
  endsAt: number | null;
  vendor: string | null;
  destinationCountry: string | null;
  preferredVendors: ReadonlySet<string>;
  now: Date;
}

/** The facts of one segment of a booking or of one offer, measured the same way for both. */
export function offerSegmentFacts(s: SegmentSource): SegmentFacts {
  const kind = s.kind?.toLowerCase() ?? null;
  const cabin = enumValue(s.cabin, CABINS);
  const vendor = s.vendor?.toUpperCase() ?? null;
  return {
    kind,
    cabin,
    fareClass: s.fareClass?.toUpperCase() ?? (cabin ? FARE_CLASS_OF_CABIN[cabin] : null),
    priceAmount: s.priceAmount,
    nightlyRate: kind === 'hotel' && s.startsAt !== null && s.endsAt !== null ? Math.round(s.priceAmount / nightsBetween(s.startsAt, s.endsAt)) : null,
    durationMinutes: s.departAt !== null && s.arriveAt !== null ? Math.round((s.arriveAt - s.departAt) / MINUTE_MS) : null,
    advanceDays: wholeDaysUntil(s.now, s.departAt ?? s.startsAt),
    vendor,
    vendorPreferred: vendor === null ? null : s.preferredVendors.has(vendor),
    destinationCountry: s.destinationCountry,
    destinationRegion: regionOfCountry(s.destinationCountry),
  };
}

export function travelerFacts(traveler: TravelerSnapshot | null): BookingFacts['traveler'] {
  return { level: enumValue(traveler?.level ?? null, EMPLOYEE_LEVELS), department: traveler?.department ?? null };
}

/** Turns what the other subgraphs served into the facts rules are written against. */
export function toBookingFacts(booking: BookingSnapshot, traveler: TravelerSnapshot | null, now: Date, context: FactContext = NO_CONTEXT): BookingFacts {
  const segments = booking.segments.map((s): SegmentFacts => {
    const departAt = timeOf(s.departAt);
    const arriveAt = timeOf(s.arriveAt);
    const vendor = s.carrier ?? s.supplier ?? null;
    const country = s.destination ? (context.countryOfAirport.get(s.destination) ?? null) : null;
    return {
      ...offerSegmentFacts({
        kind: s.kind,
        cabin: s.cabin,
        fareClass: null,
        priceAmount: s.price.amount,
        departAt,
        arriveAt,
        startsAt: timeOf(s.startsAt ?? null),
        endsAt: timeOf(s.endsAt ?? null),
        vendor,
        destinationCountry: country,
        preferredVendors: context.preferredVendors,
        now,
      }),
    };
  });
  const departures = booking.segments.map((s) => timeOf(s.departAt)).filter((t): t is number => t !== null);
  return {
    totalAmount: booking.total.amount,
    advanceDays: wholeDaysUntil(now, departures.length > 0 ? Math.min(...departures) : null),
    segments,
    traveler: travelerFacts(traveler),
  };
}

/**
 * Reads a booking and its traveler from their owning subgraphs on behalf of
 * the caller, so their tenancy rules decide what is visible: a booking of
 * another organization comes back as null, exactly like an unknown one.
 */
export class BookingFactsReader {
  constructor(private readonly entities: Pick<EntityClient, 'fetch'>) {}

  async read(bookingId: string, identity: string, now: Date, preferredVendors: ReadonlySet<string>): Promise<BookingFacts | null> {
    const [booking] = await this.entities.fetch<BookingSnapshot>({
      subgraph: 'booking',
      typename: 'Booking',
      representations: [{ id: bookingId }],
      identity,
      selection: BOOKING_SELECTION,
    });
    if (!booking) return null;
    const traveler = booking.traveler ? await this.readTraveler(booking.traveler.id, identity) : null;
    return toBookingFacts(booking, traveler, now, { preferredVendors, countryOfAirport: await this.countries(booking, identity) });
  }

  /** Countries of the booking's destination airports, in one read; none when no segment names an airport. */
  private async countries(booking: BookingSnapshot, identity: string): Promise<Map<string, string>> {
    const codes = [...new Set(booking.segments.flatMap((s) => (s.destination && /^[A-Z]{3}$/.test(s.destination) ? [s.destination] : [])))];
    if (codes.length === 0) return new Map();
    const airports = await this.entities.fetch<{ code: string; country: string }>({
      subgraph: 'inventory',
      typename: 'Airport',
      representations: codes.map((code) => ({ code })),
      identity,
      selection: AIRPORT_SELECTION,
    });
    return new Map(airports.flatMap((a) => (a ? [[a.code, a.country] as const] : [])));
  }

  async readTraveler(travelerId: string, identity: string): Promise<TravelerSnapshot | null> {
    const [traveler] = await this.entities.fetch<TravelerSnapshot>({
      subgraph: 'customer',
      typename: 'Person',
      representations: [{ id: travelerId }],
      identity,
      selection: TRAVELER_SELECTION,
    });
    return traveler ?? null;
  }
}
