import { ManualClock } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlightInput } from '../src/server.js';
import { createRoute, HOLD_SEAT, newViewer, startInventory, tinyLayout, uniqueCode, type Harness, type HoldSeatResult, type Route } from './fixtures.js';

const SEARCH = `query ($input: SearchFlightsInput!, $first: Int, $after: String) {
  searchFlights(input: $input, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor fare { amount currency } node { id flightNumber stops durationMinutes departureAt arrivalAt airline { code } } }
    facets { airlines { airline { code } count } stops { stops count } priceBuckets { min { amount } max { amount } count } }
  }
}`;

interface Edge {
  cursor: string;
  fare: { amount: number; currency: string };
  node: { id: string; flightNumber: string; stops: number; durationMinutes: number; departureAt: string; arrivalAt: string; airline: { code: string } };
}
interface SearchResult {
  searchFlights: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Edge[];
    facets: {
      airlines: { airline: { code: string }; count: number }[];
      stops: { stops: number; count: number }[];
      priceBuckets: { min: { amount: number }; max: { amount: number }; count: number }[];
    };
  };
}

describe('flight search in depth', () => {
  const clock = new ManualClock(new Date('2030-06-01T00:00:00Z'));
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ clock });
  });
  afterAll(async () => {
    await h.close();
  });

  const search = (input: Record<string, unknown>, page: { first?: number; after?: string | null } = {}) => h.gql<SearchResult>(SEARCH, { input, ...page });
  const numbers = (res: { data?: SearchResult | null }) => res.data!.searchFlights.edges.map((e) => e.node.flightNumber);

  let seq = 0;
  async function load(route: Route, flights: { dep: string; minutes?: number; stops?: number; airline?: string; economy: number; layout?: ReturnType<typeof tinyLayout> }[]) {
    const inputs: FlightInput[] = flights.map((f) => {
      const departureAt = new Date(f.dep);
      seq += 1;
      return {
        airlineCode: f.airline ?? route.airline,
        flightNumber: `F${seq}`,
        originCode: route.origin,
        destinationCode: route.destination,
        departureAt,
        arrivalAt: new Date(departureAt.getTime() + (f.minutes ?? 120) * 60_000),
        stops: f.stops ?? 0,
        seatPrices: { economy: f.economy },
      };
    });
    const rows = [];
    // One layout per call: flights of a call share it.
    rows.push(...(await h.server.services.catalog.insertFlights(inputs, flights[0]?.layout ?? tinyLayout(6))).flights);
    return rows;
  }

  it('searches ± flexibleDays around the local date, and filters by stops, airlines, price and local departure time', async () => {
    const route = await createRoute(h.server, { origin: 'Europe/Berlin', destination: 'UTC' });
    const other = uniqueCode('L');
    await h.server.services.catalog.upsertAirlines([{ code: other, name: 'Other Air' }]);
    const [day1, day2Early, day2Late, day2Stop, day2Other, day4] = await load(route, [
      { dep: '2031-04-01T10:00:00Z', economy: 10_000 }, // 12:00 CEST on the 1st
      { dep: '2031-04-02T04:30:00Z', economy: 20_000 }, // 06:30 on the 2nd
      { dep: '2031-04-02T20:00:00Z', economy: 30_000 }, // 22:00 on the 2nd
      { dep: '2031-04-02T12:00:00Z', economy: 15_000, stops: 1 },
      { dep: '2031-04-02T13:00:00Z', economy: 25_000, airline: other },
      { dep: '2031-04-04T10:00:00Z', economy: 12_000 },
    ]);
    const base = { origin: route.origin, destination: route.destination, date: '2031-04-02' };

    expect(numbers(await search(base))).toEqual([day2Early, day2Stop, day2Other, day2Late].map((f) => f!.flightNumber));
    const flex = await search({ ...base, flexibleDays: 1 });
    expect(numbers(flex)).toEqual([day1, day2Early, day2Stop, day2Other, day2Late].map((f) => f!.flightNumber));
    expect(numbers(await search({ ...base, flexibleDays: 2 }))).toContain(day4!.flightNumber);

    expect(numbers(await search({ ...base, maxStops: 0 }))).not.toContain(day2Stop!.flightNumber);
    expect(numbers(await search({ ...base, airlines: [other.toLowerCase()] }))).toEqual([day2Other!.flightNumber]);
    expect(numbers(await search({ ...base, minPrice: 15_000, maxPrice: 25_000 }))).toEqual([day2Early, day2Stop, day2Other].map((f) => f!.flightNumber));
    // Local time at the origin (Berlin, UTC+2 in April), not UTC.
    expect(numbers(await search({ ...base, departureAfter: '06:00', departureBefore: '07:00' }))).toEqual([day2Early!.flightNumber]);
    // A window across midnight.
    expect(numbers(await search({ ...base, departureAfter: '21:00', departureBefore: '07:00' }))).toEqual([day2Early, day2Late].map((f) => f!.flightNumber));

    const facets = flex.data!.searchFlights.facets;
    expect(facets.airlines).toEqual([
      { airline: { code: route.airline }, count: 4 },
      { airline: { code: other }, count: 1 },
    ]);
    expect(facets.stops).toEqual([
      { stops: 0, count: 4 },
      { stops: 1, count: 1 },
    ]);
    expect(facets.priceBuckets.reduce((n, b) => n + b.count, 0)).toBe(5);
    for (const bucket of facets.priceBuckets) expect(bucket.max.amount).toBeGreaterThan(bucket.min.amount);
    expect(facets.priceBuckets[0]!.min.amount).toBeLessThanOrEqual(10_000);
  });

  it('sorts by price and by duration, paging by cursor without gaps or repeats', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flights = await load(route, [
      { dep: '2031-05-01T06:00:00Z', economy: 30_000, minutes: 90 },
      { dep: '2031-05-01T07:00:00Z', economy: 10_000, minutes: 300 },
      { dep: '2031-05-01T08:00:00Z', economy: 20_000, minutes: 60 },
      { dep: '2031-05-01T09:00:00Z', economy: 10_000, minutes: 200 },
      { dep: '2031-05-01T10:00:00Z', economy: 50_000, minutes: 120 },
    ]);
    const input = { origin: route.origin, destination: route.destination, date: '2031-05-01' };
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res = await search({ ...input, sort }, { first: 2, after });
        expect(res.errors).toBeUndefined();
        seen.push(...numbers(res));
        if (!res.data!.searchFlights.pageInfo.hasNextPage) return seen;
        after = res.data!.searchFlights.pageInfo.endCursor;
      }
    };
    const n = (i: number) => flights[i]!.flightNumber;
    // Equal fares fall back to departure.
    expect(await walk('PRICE')).toEqual([n(1), n(3), n(2), n(0), n(4)]);
    expect(await walk('DURATION')).toEqual([n(2), n(0), n(4), n(3), n(1)]);
    const priced = await search({ ...input, sort: 'PRICE' }, { first: 1 });
    expect(priced.data!.searchFlights.edges[0]!.fare).toEqual({ amount: 10_000, currency: 'USD' });
  });

  it('serves a repeated search from the cache, and drops it when a hold changes availability', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const [flight] = await load(route, [{ dep: '2031-05-02T06:00:00Z', economy: 10_000, layout: tinyLayout(2) }]);
    const input = { origin: route.origin, destination: route.destination, date: '2031-05-02', passengers: 2 };
    const cache = h.server.services.flightSearchCache;

    expect(numbers(await search(input))).toEqual([flight!.flightNumber]);
    const hits = cache.hits;
    expect(numbers(await search(input))).toEqual([flight!.flightNumber]);
    expect(cache.hits).toBe(hits + 1);

    const held = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight!.id, cabin: 'ECONOMY' } }, newViewer());
    expect(held.data!.holdSeat.errors).toEqual([]);
    // One seat left: the flight no longer fits two travelers, and the cached answer is not served.
    const after = await search(input);
    expect(numbers(after)).toEqual([]);
    expect(numbers(await search({ ...input, passengers: 1 }))).toEqual([flight!.flightNumber]);
  });

  it('shows a flight arriving the next local day, and spans a 25-hour local day when clocks go back', async () => {
    // New York falls back on 2031-11-02: that local day runs 04:00Z to 05:00Z the next day.
    const route = await createRoute(h.server, { origin: 'America/New_York', destination: 'Asia/Tokyo' });
    const [first, last, nextDay] = await load(route, [
      { dep: '2031-11-02T04:00:00Z', economy: 10_000, minutes: 840 }, // 00:00 EDT on the 2nd
      { dep: '2031-11-03T04:59:00Z', economy: 10_000, minutes: 840 }, // 23:59 EST on the 2nd
      { dep: '2031-11-03T05:00:00Z', economy: 10_000, minutes: 840 }, // 00:00 EST on the 3rd
    ]);
    const res = await search({ origin: route.origin, destination: route.destination, date: '2031-11-02' });
    expect(numbers(res)).toEqual([first, last].map((f) => f!.flightNumber));
    expect(numbers(await search({ origin: route.origin, destination: route.destination, date: '2031-11-03' }))).toEqual([nextDay!.flightNumber]);
    // Departs 23:59 on the 2nd in New York, lands 14 hours later: 03:59 UTC + 14h = 18:59 UTC on the 3rd = 03:59 on the 4th in Tokyo.
    const late = res.data!.searchFlights.edges[1]!.node;
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(new Date(late.arrivalAt))).toBe('2031-11-04');
  });

  it('rejects bad filters with VALIDATION_FAILED on their field', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const base = { origin: route.origin, destination: route.destination, date: '2031-05-01' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, flexibleDays: 4 }, 'flexibleDays'],
      [{ ...base, maxStops: -1 }, 'maxStops'],
      [{ ...base, minPrice: 500, maxPrice: 100 }, 'maxPrice'],
      [{ ...base, departureAfter: '25:00' }, 'departureAfter'],
    ];
    for (const [input, field] of cases) {
      const res = await search(input);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const bad = await search(base, { after: 'bm90IGEgY3Vyc29y' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});
