import { pageArgs, type Clock, parseInput } from '@travel/platform';
import { z } from 'zod';
import { daysBetween, nightsOf } from '../dates.js';
import type { HotelRow, RoomTypeRow } from '../db/schema.js';
import { money, type Money } from '../money.js';
import { MAX_ROOMS, stay } from '../room-holds/room-holds.service.js';
import { countBy, pageOf, priceBuckets, sortKeyCursor, type PriceBucketFacet, type SortKey } from '../search/facets.js';
import type { HotelCandidate, HotelsRepository, TakenNight } from './hotels.repository.js';

export const HOTEL_SORTS = ['price', 'rating', 'distance', 'name'] as const;
export type HotelSort = (typeof HOTEL_SORTS)[number];
export const DEFAULT_RADIUS_KM = 25;

const searchInput = z
  .object({
    city: z.string().trim().min(1, { error: 'city must not be empty' }).nullish(),
    near: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullish(),
    radiusKm: z.number().gt(0, { error: 'radiusKm must be positive' }).max(500, { error: 'radiusKm must be at most 500' }).nullish(),
    guests: z.number().int().min(1, { error: 'guests must be at least 1' }).max(36, { error: 'guests must be at most 36' }).nullish(),
    rooms: z.number().int().min(1, { error: 'rooms must be at least 1' }).max(MAX_ROOMS, { error: `rooms must be at most ${MAX_ROOMS}` }).nullish(),
    minRating: z.number().int().min(1).max(5, { error: 'minRating must be 1 to 5' }).nullish(),
    minPrice: z.number().int().min(0).nullish(),
    maxPrice: z.number().int().min(0).nullish(),
    sort: z.enum(HOTEL_SORTS).nullish(),
  })
  .and(stay)
  .refine((v) => Boolean(v.city) !== Boolean(v.near), { error: 'Give either city or near', path: ['city'] })
  .refine((v) => v.sort !== 'distance' || v.near, { error: 'DISTANCE sorting needs near', path: ['sort'] });

/** A room type with rooms for the whole stay. */
export interface RoomOffer {
  roomType: RoomTypeRow;
  roomsLeft: number;
  nightlyRate: Money;
  total: Money;
}

export interface HotelHit {
  hotel: HotelRow;
  distanceKm: number | null;
  offers: RoomOffer[];
  lowestNightlyRate: Money;
}

export interface HotelSearchResult {
  edges: { cursor: string; node: HotelRow; distanceKm: number | null; offers: RoomOffer[]; lowestNightlyRate: Money }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  facets: { starRatings: { stars: number; count: number }[]; priceBuckets: PriceBucketFacet[] };
}

/** Rooms left per night of a stay: total rooms minus the busiest night's taken rooms decides the offer. */
export function roomsLeftByNight(roomType: RoomTypeRow, nights: string[], taken: TakenNight[]): { date: string; roomsLeft: number }[] {
  const byNight = new Map(taken.filter((t) => t.roomTypeId === roomType.id).map((t) => [t.night, t.taken]));
  return nights.map((date) => ({ date, roomsLeft: Math.max(0, roomType.totalRooms - (byNight.get(date) ?? 0)) }));
}

function keyOf(hit: HotelHit, sort: HotelSort): SortKey {
  if (sort === 'rating') return [-hit.hotel.starRating, hit.lowestNightlyRate.amount, hit.hotel.id];
  if (sort === 'distance') return [hit.distanceKm ?? 0, hit.lowestNightlyRate.amount, hit.hotel.id];
  if (sort === 'name') return [hit.hotel.name, 0, hit.hotel.id];
  return [hit.lowestNightlyRate.amount, -hit.hotel.starRating, hit.hotel.id];
}

/**
 * Hotel search: a city or a radius around a point, for a stay, party and
 * rooms, keeping hotels with at least one room type that sleeps the party
 * and has the rooms free every night (sold and unexpired holds count).
 */
export class HotelsService {
  constructor(
    private readonly hotels: HotelsRepository,
    private readonly clock: Clock,
  ) {}

  async search(input: unknown, page: { first?: number | null; after?: string | null }): Promise<HotelSearchResult> {
    const q = parseInput(searchInput, input);
    const { limit } = pageArgs({ first: page.first });
    const after = sortKeyCursor(page.after, 3);
    const rooms = q.rooms ?? 1;
    const guests = q.guests ?? 1;
    const candidates = await this.hotels.searchCandidates({
      city: q.city ?? null,
      near: q.near ? { ...q.near, radiusKm: q.radiusKm ?? DEFAULT_RADIUS_KM } : null,
      minRating: q.minRating ?? null,
    });
    const roomTypes = (await this.hotels.roomTypesOf(candidates.map((h) => h.id))).filter((r) => r.capacity * rooms >= guests);
    const taken = await this.hotels.takenNights(
      roomTypes.map((r) => r.id),
      q.checkIn,
      q.checkOut,
      this.clock.now(),
    );
    const nights = nightsOf(q.checkIn, q.checkOut);
    const stayNights = daysBetween(q.checkIn, q.checkOut);
    const offersByHotel = new Map<string, RoomOffer[]>();
    for (const roomType of roomTypes) {
      const roomsLeft = Math.min(...roomsLeftByNight(roomType, nights, taken).map((n) => n.roomsLeft));
      const rate = roomType.nightlyRateMinor;
      if (roomsLeft < rooms || (q.minPrice != null && rate < q.minPrice) || (q.maxPrice != null && rate > q.maxPrice)) continue;
      const offers = offersByHotel.get(roomType.hotelId) ?? [];
      offers.push({ roomType, roomsLeft, nightlyRate: money(rate, roomType.currency), total: money(rate * stayNights * rooms, roomType.currency) });
      offersByHotel.set(roomType.hotelId, offers);
    }
    const hits: HotelHit[] = candidates.flatMap((hotel: HotelCandidate) => {
      const offers = offersByHotel.get(hotel.id);
      if (!offers) return [];
      const { distanceKm, ...row } = hotel;
      return [{ hotel: row, distanceKm, offers, lowestNightlyRate: offers.reduce((min, o) => (o.nightlyRate.amount < min.amount ? o.nightlyRate : min), offers[0]!.nightlyRate) }];
    });
    const sort = q.sort ?? 'price';
    const { page: rows, hasNextPage, endCursor } = pageOf(hits, (h) => keyOf(h, sort), limit, after);
    return {
      edges: rows.map(({ row, cursor }) => ({ cursor, node: row.hotel, distanceKm: row.distanceKm, offers: row.offers, lowestNightlyRate: row.lowestNightlyRate })),
      pageInfo: { hasNextPage, endCursor },
      totalCount: hits.length,
      facets: {
        starRatings: countBy(hits, (h) => h.hotel.starRating)
          .map(([stars, count]) => ({ stars, count }))
          .sort((a, b) => b.stars - a.stars),
        priceBuckets: priceBuckets(
          hits.map((h) => h.lowestNightlyRate.amount),
          hits[0]?.lowestNightlyRate.currency ?? 'USD',
        ),
      },
    };
  }

  /** Rooms left on each night of a stay for room types, as RoomType.nights shows them. */
  async nights(roomTypes: readonly RoomTypeRow[], checkIn: string, checkOut: string): Promise<Map<string, { date: string; roomsLeft: number }[]>> {
    const taken = await this.hotels.takenNights(
      roomTypes.map((r) => r.id),
      checkIn,
      checkOut,
      this.clock.now(),
    );
    const nights = nightsOf(checkIn, checkOut);
    return new Map(roomTypes.map((r) => [r.id, roomsLeftByNight(r, nights, taken)]));
  }
}
