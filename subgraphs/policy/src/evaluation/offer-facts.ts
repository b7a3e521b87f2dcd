import { z } from 'zod';
import { offerSegmentFacts } from './booking-facts.js';
import type { BookingFacts } from './rule-engine.js';

/**
 * An offer as search shows it: one flight in one cabin, or one stay. Policy
 * judges it as a trip of that one segment, so the same rules that judge a
 * booking judge an offer (booking.totalAmount is the offer's price).
 */
export interface OfferFacts {
  offerId: string;
  kind: 'flight' | 'hotel';
  cabin: string | null;
  fareClass: string | null;
  priceAmount: number;
  departAt: string | null;
  arriveAt: string | null;
  checkIn: string | null;
  checkOut: string | null;
  vendor: string | null;
  destinationCountry: string | null;
}

// The DateTime scalar hands the resolver a Date; other callers pass ISO text.
const isoTime = z.union([z.date().transform((d) => d.toISOString()), z.iso.datetime({ offset: true })]).nullish();
const isoDate = z.iso.date().nullish();

export const offerInput = z.object({
  offerId: z.string().trim().min(1, { error: 'offerId is required' }).max(300),
  kind: z.enum(['FLIGHT', 'HOTEL']).transform((k) => k.toLowerCase() as 'flight' | 'hotel'),
  cabin: z.string().nullish(),
  fareClass: z.string().trim().regex(/^[A-Za-z]$/, { error: 'fareClass is one letter' }).nullish(),
  priceAmount: z.int().min(0, { error: 'priceAmount must not be negative' }),
  departAt: isoTime,
  arriveAt: isoTime,
  checkIn: isoDate,
  checkOut: isoDate,
  vendor: z.string().trim().max(20).nullish(),
  destinationCountry: z.string().trim().max(100).nullish(),
});

export function toOfferFacts(input: z.infer<typeof offerInput>): OfferFacts {
  return {
    offerId: input.offerId,
    kind: input.kind,
    cabin: input.cabin ?? null,
    fareClass: input.fareClass ?? null,
    priceAmount: input.priceAmount,
    departAt: input.departAt ?? null,
    arriveAt: input.arriveAt ?? null,
    checkIn: input.checkIn ?? null,
    checkOut: input.checkOut ?? null,
    vendor: input.vendor ?? null,
    destinationCountry: input.destinationCountry ?? null,
  };
}

const time = (iso: string | null) => (iso === null ? null : Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

export function offerToBookingFacts(offer: OfferFacts, traveler: BookingFacts['traveler'], preferredVendors: ReadonlySet<string>, now: Date): BookingFacts {
  const segment = offerSegmentFacts({
    kind: offer.kind,
    cabin: offer.cabin,
    fareClass: offer.fareClass,
    priceAmount: offer.priceAmount,
    departAt: time(offer.departAt),
    arriveAt: time(offer.arriveAt),
    startsAt: time(offer.checkIn),
    endsAt: time(offer.checkOut),
    vendor: offer.vendor,
    destinationCountry: offer.destinationCountry,
    preferredVendors,
    now,
  });
  return { totalAmount: offer.priceAmount, advanceDays: segment.advanceDays, segments: [segment], traveler };
}
