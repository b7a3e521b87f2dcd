import { DomainError } from '@travel/platform';
import { z } from 'zod';
import { CABINS, type Cabin, type SegmentKind } from '../db/schema.js';
import { CANCELLATION_POLICIES, DEFAULT_POLICY_BY_KIND, policyForFare } from './cancellation-policy.js';
import type { NewSegment } from './bookings.repository.js';
import type { HoldSnapshot } from './entity-reads.js';

/** A segment's content, before it is attached to a booking and given a position. */
export type SegmentContent = Omit<NewSegment, 'bookingId' | 'orgId' | 'position' | 'id'> & { kind: SegmentKind };

function toCabin(value: string | null | undefined): Cabin | null {
  const lower = value?.toLowerCase();
  return (CABINS as readonly string[]).includes(lower ?? '') ? (lower as Cabin) : null;
}

/** A date or an instant as an instant; a bare date is read as midnight UTC, the start of that day anywhere west of Greenwich. */
function instant(value: string | null | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The segment kind a hold makes: from the entity inventory answered with, else from what the hold contains. */
export function holdKind(hold: HoldSnapshot): SegmentKind | null {
  if (hold.kind === 'SEAT') return 'flight';
  if (hold.kind === 'ROOM') return 'hotel';
  if (hold.kind === 'PACKAGE') return 'package';
  if (hold.flight && hold.seat) return 'flight';
  if (hold.hotel) return 'hotel';
  if (hold.travelPackage) return 'package';
  return null;
}

/**
 * What a segment copies from a hold, so the booking keeps saying what was
 * bought after the hold is gone. Refuses holds booking cannot describe
 * (a kind it does not know, or one whose product part is missing).
 */
export function segmentFromHold(hold: HoldSnapshot, field = 'holdIds'): SegmentContent {
  const kind = holdKind(hold);
  const price = { priceMinor: hold.price.amount, currency: hold.price.currency, holdId: hold.id };
  if (kind === 'flight' && hold.flight && hold.seat) {
    const f = hold.flight;
    return {
      kind,
      ...price,
      flightId: f.id,
      seatId: hold.seat.id,
      cabin: toCabin(hold.seat.cabin),
      origin: f.origin.code,
      destination: f.destination.code,
      carrier: f.airline.code,
      supplier: f.airline.code,
      flightNumber: f.flightNumber,
      description: `${f.flightNumber} seat ${hold.seat.seatNumber}`,
      departAt: new Date(f.departureAt),
      arriveAt: new Date(f.arrivalAt),
      cancellationPolicy: policyForFare(hold.fareClass),
    };
  }
  if (kind === 'hotel' && hold.hotel) {
    return {
      kind,
      ...price,
      productId: hold.hotel.id,
      supplier: hold.hotel.name,
      description: hold.roomType ? `${hold.hotel.name}, ${hold.roomType.name}` : hold.hotel.name,
      departAt: instant(hold.checkIn),
      arriveAt: instant(hold.checkOut),
      cancellationPolicy: DEFAULT_POLICY_BY_KIND.hotel,
    };
  }
  if (kind === 'package' && hold.travelPackage) {
    return {
      kind,
      ...price,
      productId: hold.travelPackage.id,
      supplier: hold.travelPackage.title,
      description: hold.travelPackage.title,
      departAt: instant(hold.startDate),
      arriveAt: instant(hold.endDate),
      cancellationPolicy: DEFAULT_POLICY_BY_KIND.package,
    };
  }
  throw new DomainError('VALIDATION_FAILED', `Hold ${hold.id} is of a kind booking cannot book (${hold.kind ?? 'unknown'})`, field);
}

/** Largest price a segment may carry: far above any trip, far below 2^53. */
const MAX_MINOR = 100_000_000_000;

/** The DateTime scalar hands resolvers a Date; services called directly may pass the ISO string. */
const instantInput = (field: string) =>
  z.preprocess((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v), z.iso.datetime({ offset: true, error: `${field} must be an ISO 8601 instant` }));

/** A car rental, recorded from what the client says: there is no car inventory to hold. */
export const carSegmentInput = z
  .object({
    supplier: z.string().trim().min(1, { error: 'supplier is required' }).max(100, { error: 'supplier takes at most 100 characters' }),
    carClass: z.string().trim().min(1, { error: 'carClass is required' }).max(60, { error: 'carClass takes at most 60 characters' }),
    pickupLocation: z.string().trim().min(1, { error: 'pickupLocation is required' }).max(120, { error: 'pickupLocation takes at most 120 characters' }),
    dropoffLocation: z.string().trim().min(1, { error: 'dropoffLocation is required' }).max(120, { error: 'dropoffLocation takes at most 120 characters' }),
    pickupAt: instantInput('pickupAt'),
    dropoffAt: instantInput('dropoffAt'),
    price: z.object({
      amount: z.number().int({ error: 'price.amount must be whole minor units' }).min(0, { error: 'price.amount cannot be negative' }).max(MAX_MINOR, { error: 'price.amount is too large' }),
      currency: z.string().regex(/^[A-Z]{3}$/, { error: 'price.currency must be an ISO 4217 code such as EUR' }),
    }),
    supplierReference: z.string().trim().max(60, { error: 'supplierReference takes at most 60 characters' }).nullish(),
    cancellationPolicy: z.enum(CANCELLATION_POLICIES, { error: 'cancellationPolicy is not a known policy' }).nullish(),
  })
  .refine((c) => Date.parse(c.dropoffAt) > Date.parse(c.pickupAt), { error: 'dropoffAt must be after pickupAt', path: ['dropoffAt'] });

export type CarSegmentInput = z.output<typeof carSegmentInput>;

export function segmentFromCar(car: CarSegmentInput): SegmentContent {
  return {
    kind: 'car',
    priceMinor: car.price.amount,
    currency: car.price.currency,
    supplier: car.supplier,
    carrier: car.supplier,
    description: car.carClass,
    origin: car.pickupLocation,
    destination: car.dropoffLocation,
    departAt: new Date(car.pickupAt),
    arriveAt: new Date(car.dropoffAt),
    supplierReference: car.supplierReference || null,
    cancellationPolicy: car.cancellationPolicy ?? DEFAULT_POLICY_BY_KIND.car,
  };
}

/** Itinerary order: by start, segments without a start last; ties keep the order they were given in. */
export function inItineraryOrder<T extends { departAt?: Date | null | undefined }>(items: readonly T[]): T[] {
  const key = (s: T) => s.departAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => key(a.item) - key(b.item) || a.i - b.i)
    .map((x) => x.item);
}
