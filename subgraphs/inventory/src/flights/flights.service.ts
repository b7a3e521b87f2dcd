import { TZDate } from '@date-fns/tz';
import { DomainError, pageArgs, type Clock, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { AirportsRepository } from '../airports/airports.repository.js';
import { CABINS, FARE_FAMILIES, type Cabin, type FareClassRow, type FareFamily, type FlightRow } from '../db/schema.js';
import type { FareClassesRepository } from '../fare-classes/fare-classes.repository.js';
import { ConnectionFinder, itineraryOf, type ItineraryCandidate } from './connections.js';
import { shiftDate } from '../dates.js';
import { money, type Money } from '../money.js';
import type { FlightSearchCache } from '../search/flight-search-cache.js';
import { countBy, pageOf, priceBuckets, sortKeyCursor, type PriceBucketFacet, type SortKey } from '../search/facets.js';
import type { FlightCandidate, FlightSearch, FlightsRepository } from './flights.repository.js';

export const MAX_PASSENGERS = 9;

const airportCode = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field} is required` })
    .transform((v) => v.toUpperCase());

const localTime = (field: string) => z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: `${field} must be HH:MM (00:00 to 23:59)` });
const amount = (field: string) => z.number().int().min(0, { error: `${field} must not be negative` });

export const FLIGHT_SORTS = ['departure', 'price', 'duration'] as const;
export type FlightSort = (typeof FLIGHT_SORTS)[number];
export const MAX_FLEXIBLE_DAYS = 3;

const searchInput = z
  .object({
    origin: airportCode('origin'),
    destination: airportCode('destination'),
    date: z.iso.date({ error: 'date must be YYYY-MM-DD' }),
    cabin: z.enum(CABINS).nullish(),
    passengers: z
      .number()
      .int()
      .min(1, { error: 'passengers must be at least 1' })
      .max(MAX_PASSENGERS, { error: `passengers must be at most ${MAX_PASSENGERS}` })
      .nullish(),
    flexibleDays: z
      .number()
      .int()
      .min(0, { error: 'flexibleDays must not be negative' })
      .max(MAX_FLEXIBLE_DAYS, { error: `flexibleDays must be at most ${MAX_FLEXIBLE_DAYS}` })
      .nullish(),
    maxStops: z.number().int().min(0, { error: 'maxStops must not be negative' }).nullish(),
    airlines: z
      .array(z.string().trim().min(1).transform((v) => v.toUpperCase()))
      .max(20, { error: 'at most 20 airlines' })
      .nullish(),
    minPrice: amount('minPrice').nullish(),
    maxPrice: amount('maxPrice').nullish(),
    departureAfter: localTime('departureAfter').nullish(),
    departureBefore: localTime('departureBefore').nullish(),
    sort: z.enum(FLIGHT_SORTS).nullish(),
    fareFamily: z.enum(FARE_FAMILIES).nullish(),
    refundableOnly: z.boolean().nullish(),
  })
  .refine((v) => v.origin !== v.destination, { error: 'destination must differ from origin', path: ['destination'] })
  .refine((v) => v.minPrice == null || v.maxPrice == null || v.minPrice <= v.maxPrice, { error: 'minPrice must not exceed maxPrice', path: ['maxPrice'] });

export type SearchFlightsInput = z.output<typeof searchInput>;

export interface FlightFacets {
  airlines: { airlineCode: string; count: number }[];
  stops: { stops: number; count: number }[];
  priceBuckets: PriceBucketFacet[];
}

export interface FlightSearchResult {
  edges: { cursor: string; node: FlightRow; fare: Money; itinerary: ItineraryCandidate }[];
  nodes: FlightRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  facets: FlightFacets;
}

/** Sort value, departure, the later legs' ids ('' for one leg), the first leg's id: unique per itinerary. */
function keyOf(c: ItineraryCandidate, sort: FlightSort): SortKey {
  const departure = c.departureAt.getTime();
  const primary = sort === 'price' ? c.fareMinor : sort === 'duration' ? c.durationMinutes : departure;
  return [primary, departure, c.legs.slice(1).map((l) => l.id).join(','), c.legs[0]!.id];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight at which `instant` falls in `timeZone`. */
export function localMinutes(instant: Date, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The UTC instants a local calendar day spans in a time zone: [start, end).
 * Midnight to midnight, so a day with a DST change is 23 or 25 hours long.
 */
export function localDayWindow(date: string, timeZone: string): { from: Date; to: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const from = new TZDate(year, month - 1, day, timeZone);
  const to = new TZDate(year, month - 1, day + 1, timeZone);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

export class FlightsService {
  constructor(
    private readonly flights: FlightsRepository,
    private readonly airports: AirportsRepository,
    private readonly clock: Clock,
    private readonly cache: FlightSearchCache,
    private readonly fareClasses: FareClassesRepository,
  ) {
    this.connections = new ConnectionFinder(flights, airports);
  }

  private readonly connections: ConnectionFinder;

  /**
   * Flights of a route departing on a local date (± flexibleDays) with room
   * for the party. The database part (route, window, seats left, fares) is
   * cached per route and date; filters, sort, facets and the page are applied
   * here, over a set bounded by one route's departures in at most a week.
   */
  async search(input: unknown, page: { first?: number | null; after?: string | null }): Promise<FlightSearchResult> {
    const q = parseInput(searchInput, input);
    const { limit } = pageArgs({ first: page.first });
    const after = sortKeyCursor(page.after, 4);
    const found = await this.airports.findByCodes([q.origin, q.destination]);
    const originAirport = found.find((a) => a.code === q.origin);
    if (!originAirport) throw new DomainError('VALIDATION_FAILED', `Unknown airport ${q.origin}`, 'origin');
    if (!found.some((a) => a.code === q.destination)) throw new DomainError('VALIDATION_FAILED', `Unknown airport ${q.destination}`, 'destination');

    const flex = q.flexibleDays ?? 0;
    const now = this.clock.now();
    const query: FlightSearch = {
      origin: q.origin,
      destination: q.destination,
      from: localDayWindow(shiftDate(q.date, -flex), originAirport.timeZone).from,
      to: localDayWindow(shiftDate(q.date, flex), originAirport.timeZone).to,
      cabin: q.cabin ?? null,
      passengers: q.passengers ?? 1,
      now,
    };
    const direct = await this.cache.read(query, () => this.flights.searchCandidates(query));
    // Connections only when asked for: a nonstop search costs what it always did.
    const connecting = (q.maxStops ?? 0) > 0 ? await this.connections.find({ ...query, connections: q.maxStops! }) : [];
    let candidates = [...direct.map((c) => itineraryOf([c])), ...connecting];
    if (q.fareFamily || q.refundableOnly) candidates = await this.repriceByFare(candidates, q.cabin ?? null, query.passengers, q.fareFamily ?? null, q.refundableOnly === true, now);

    const airlines = q.airlines && q.airlines.length > 0 ? new Set(q.airlines) : null;
    const afterMinutes = q.departureAfter ? minutesOf(q.departureAfter) : null;
    const beforeMinutes = q.departureBefore ? minutesOf(q.departureBefore) : null;
    const inTimeWindow = (c: ItineraryCandidate): boolean => {
      if (afterMinutes === null && beforeMinutes === null) return true;
      const t = localMinutes(c.departureAt, originAirport.timeZone);
      if (afterMinutes !== null && beforeMinutes !== null && afterMinutes > beforeMinutes) return t >= afterMinutes || t <= beforeMinutes; // spans midnight
      return (afterMinutes === null || t >= afterMinutes) && (beforeMinutes === null || t <= beforeMinutes);
    };
    const matching = candidates.filter(
      (c) =>
        c.departureAt > now &&
        (q.maxStops == null || c.stops <= q.maxStops) &&
        (!airlines || c.legs.every((l) => airlines.has(l.airlineCode))) &&
        (q.minPrice == null || c.fareMinor >= q.minPrice) &&
        (q.maxPrice == null || c.fareMinor <= q.maxPrice) &&
        inTimeWindow(c),
    );

    const sort = q.sort ?? 'departure';
    const { page: rows, hasNextPage, endCursor } = pageOf(matching, (c) => keyOf(c, sort), limit, after);
    const edges = rows.map(({ row, cursor }) => ({ cursor, node: row.legs[0] as FlightRow, fare: money(row.fareMinor, row.currency), itinerary: row }));
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage, endCursor },
      totalCount: matching.length,
      facets: facetsOf(matching),
    };
  }

  private async repriceByFare(
    candidates: ItineraryCandidate[],
    cabin: Cabin | null,
    passengers: number,
    fareFamily: FareFamily | null,
    refundableOnly: boolean,
    now: Date,
  ): Promise<ItineraryCandidate[]> {
    const legIds = [...new Set(candidates.flatMap((c) => c.legs.map((l) => l.id)))];
    const [fareRows, cabins] = await Promise.all([this.fareClasses.findByFlightIds(legIds), this.flights.cabinsLeft(legIds, now)]);
    const fares = new Map<string, FareClassRow[]>();
    for (const f of fareRows) fares.set(f.flightId, [...(fares.get(f.flightId) ?? []), f]);
    const seatsLeft = new Map(cabins.map((c) => [`${c.flightId}|${c.cabin}`, c.seatsLeft]));
    return repriceWithFares(candidates, fares, seatsLeft, { cabin, passengers, fareFamily, refundableOnly });
  }
}

/**
 * Reprices itineraries with fare classes of a family or refundable ones: per
 * leg the cheapest such fare class in a cabin (the one asked for, or any)
 * with seats left for the party. An itinerary with a leg that has none is
 * dropped. Only runs when a fare filter is given, over the matched legs.
 */
function repriceWithFares(
  candidates: ItineraryCandidate[],
  fares: Map<string, FareClassRow[]>,
  seatsLeft: Map<string, number>,
  want: { cabin: Cabin | null; passengers: number; fareFamily: FareFamily | null; refundableOnly: boolean },
): ItineraryCandidate[] {
  const fareOf = (leg: FlightCandidate): number | null => {
    const options = (fares.get(leg.id) ?? []).filter(
      (f) =>
        (!want.cabin || f.cabin === want.cabin) &&
        (!want.fareFamily || f.fareFamily === want.fareFamily) &&
        (!want.refundableOnly || f.refundable) &&
        f.currency === leg.currency &&
        (seatsLeft.get(`${leg.id}|${f.cabin}`) ?? 0) >= want.passengers,
    );
    return options.length === 0 ? null : Math.min(...options.map((f) => f.priceMinor));
  };
  return candidates.flatMap((c) => {
    const legs = c.legs.map((l) => ({ leg: l, fare: fareOf(l) }));
    if (legs.some((l) => l.fare === null)) return [];
    return [itineraryOf(legs.map(({ leg, fare }) => ({ ...leg, fareMinor: fare! })))];
  });
}

/** Counts over every itinerary the search matched, not only the page; an itinerary counts once for each airline it flies. */
function facetsOf(matching: ItineraryCandidate[]): FlightFacets {
  const count = <K>(keyOf: (c: ItineraryCandidate) => K) => countBy(matching, keyOf);
  return {
    airlines: countBy(
      matching.flatMap((c) => [...new Set(c.legs.map((l) => l.airlineCode))]),
      (code) => code,
    )
      .map(([airlineCode, n]) => ({ airlineCode, count: n }))
      .sort((a, b) => b.count - a.count || a.airlineCode.localeCompare(b.airlineCode)),
    stops: count((c) => c.stops)
      .map(([stops, n]) => ({ stops, count: n }))
      .sort((a, b) => a.stops - b.stops),
    // Fares of one route share a currency in practice; buckets use the first one's.
    priceBuckets: priceBuckets(
      matching.map((c) => c.fareMinor),
      matching[0]?.currency ?? 'USD',
    ),
  };
}
