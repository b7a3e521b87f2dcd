import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlight, createRoute, startInventory, tinyLayout, type Harness } from './fixtures.js';

const SEARCH = `query ($input: SearchFlightsInput!, $first: Int, $after: String) {
  searchFlights(input: $input, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id departureAt origin { code timeZone } destination { code } } }
  }
}`;

interface SearchResult {
  searchFlights: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; departureAt: string; origin: { code: string; timeZone: string }; destination: { code: string } } }[];
  };
}

describe('inventory flight search', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
  });
  afterAll(async () => {
    await h.close();
  });

  const search = (input: Record<string, unknown>, page: { first?: number; after?: string | null } = {}) => h.gql<SearchResult>(SEARCH, { input, ...page });
  const ids = (res: { data?: SearchResult | null }) => res.data!.searchFlights.edges.map((e) => e.node.id);

  it('finds flights by the local date at the origin, in a zone behind UTC', async () => {
    // America/Bogota is UTC-5 all year.
    const route = await createRoute(h.server, { origin: 'America/Bogota', destination: 'Asia/Tokyo' });
    const previousEvening = await createFlight(h.server, route, { departureAt: '2031-03-10T04:00:00Z' }); // 23:00 on the 9th
    const morning = await createFlight(h.server, route, { departureAt: '2031-03-10T13:00:00Z' }); // 08:00 on the 10th
    const lateNight = await createFlight(h.server, route, { departureAt: '2031-03-11T04:30:00Z' }); // 23:30 on the 10th
    const nextDay = await createFlight(h.server, route, { departureAt: '2031-03-11T05:30:00Z' }); // 00:30 on the 11th

    const res = await search({ origin: route.origin, destination: route.destination, date: '2031-03-10' });
    expect(res.errors).toBeUndefined();
    expect(ids(res)).toEqual([morning.id, lateNight.id]);
    expect(res.data!.searchFlights.totalCount).toBe(2);
    expect(res.data!.searchFlights.edges[0]!.node.origin.timeZone).toBe('America/Bogota');

    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-09' }))).toEqual([previousEvening.id]);
    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-11' }))).toEqual([nextDay.id]);
  });

  it('finds flights by the local date at the origin, in a zone ahead of UTC', async () => {
    const route = await createRoute(h.server, { origin: 'Asia/Tokyo', destination: 'America/Bogota' });
    const earlyMorning = await createFlight(h.server, route, { departureAt: '2031-03-10T16:00:00Z' }); // 01:00 on the 11th in Tokyo

    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-10' }))).toEqual([]);
    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-11' }))).toEqual([earlyMorning.id]);
  });

  it('spans a 23-hour local day when clocks go forward', async () => {
    // New York springs forward on 2031-03-09: that day runs 05:00Z to 04:00Z next day.
    const route = await createRoute(h.server, { origin: 'America/New_York', destination: 'Europe/London' });
    const lastMinute = await createFlight(h.server, route, { departureAt: '2031-03-10T03:59:00Z' }); // 23:59 EDT on the 9th
    const afterMidnight = await createFlight(h.server, route, { departureAt: '2031-03-10T04:01:00Z' }); // 00:01 EDT on the 10th

    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-09' }))).toEqual([lastMinute.id]);
    expect(ids(await search({ origin: route.origin, destination: route.destination, date: '2031-03-10' }))).toEqual([afterMidnight.id]);
  });

  it('pages through results by departure, then id, without gaps or repeats', async () => {
    const route = await createRoute(h.server, { origin: 'Europe/Paris', destination: 'Europe/Rome' });
    const departures = ['2031-06-01T06:00:00Z', '2031-06-01T09:00:00Z', '2031-06-01T09:00:00Z', '2031-06-01T12:00:00Z', '2031-06-01T18:00:00Z'];
    const flights = [];
    for (const departureAt of departures) flights.push(await createFlight(h.server, route, { departureAt }));
    const expected = [...flights].sort((a, b) => a.departureAt.getTime() - b.departureAt.getTime() || a.id.localeCompare(b.id)).map((f) => f.id);

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await search({ origin: route.origin, destination: route.destination, date: '2031-06-01' }, { first: 2, after });
      expect(res.errors).toBeUndefined();
      const page = res.data!.searchFlights;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      pageSizes.push(page.edges.length);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pageSizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(expected);
  });

  it('leaves out flights without enough free seats for the party, in the cabin asked for', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const small = await createFlight(h.server, route, { departureAt: '2031-07-01T08:00:00Z', layout: tinyLayout(2), seatPrices: { economy: 9000 } });
    const big = await createFlight(h.server, route, { departureAt: '2031-07-01T10:00:00Z' });
    const input = { origin: route.origin, destination: route.destination, date: '2031-07-01' };

    expect(ids(await search({ ...input, passengers: 2 }))).toEqual([small.id, big.id]);
    expect(ids(await search({ ...input, passengers: 3 }))).toEqual([big.id]);
    expect(ids(await search({ ...input, cabin: 'BUSINESS' }))).toEqual([big.id]);
    // The default layout has 12 business seats.
    expect(ids(await search({ ...input, cabin: 'BUSINESS', passengers: 9 }))).toEqual([big.id]);
  });

  it('shows cabins, fares and the seat map of a flight', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(h.server, route, { departureAt: '2031-07-02T08:00:00Z', seatPrices: { economy: 10_000, business: 40_000 } });
    const res = await h.gql<{
      flight: {
        airline: { code: string };
        durationMinutes: number;
        cabins: { cabin: string; seatsLeft: number; lowestFare: { amount: number; currency: string } }[];
        lowestFare: { amount: number };
        business: { seatNumber: string; position: string; available: boolean }[];
        economy: { seatNumber: string; position: string; exitRow: boolean; extraLegroom: boolean; price: { amount: number } }[];
      };
    }>(
      `query ($id: ID!) { flight(id: $id) {
        airline { code } durationMinutes
        cabins { cabin seatsLeft lowestFare { amount currency } }
        lowestFare { amount }
        business: seats(cabin: BUSINESS) { seatNumber position available }
        economy: seats(cabin: ECONOMY) { seatNumber position exitRow extraLegroom price { amount } }
      } }`,
      { id: flight.id },
    );
    expect(res.errors).toBeUndefined();
    const f = res.data!.flight;
    expect(f.airline.code).toBe(route.airline);
    expect(f.durationMinutes).toBe(300);
    expect(f.cabins).toEqual([
      { cabin: 'ECONOMY', seatsLeft: 156, lowestFare: { amount: 10_000, currency: 'USD' } },
      { cabin: 'BUSINESS', seatsLeft: 12, lowestFare: { amount: 40_000, currency: 'USD' } },
    ]);
    expect(f.lowestFare.amount).toBe(10_000);
    expect(f.business.slice(0, 4)).toEqual([
      { seatNumber: '1A', position: 'WINDOW', available: true },
      { seatNumber: '1C', position: 'AISLE', available: true },
      { seatNumber: '1D', position: 'AISLE', available: true },
      { seatNumber: '1F', position: 'WINDOW', available: true },
    ]);
    const row14 = f.economy.filter((s) => s.seatNumber.startsWith('14'));
    expect(row14.map((s) => s.position)).toEqual(['WINDOW', 'MIDDLE', 'AISLE', 'AISLE', 'MIDDLE', 'WINDOW']);
    expect(row14.every((s) => s.exitRow && s.extraLegroom && s.price.amount === 12_000)).toBe(true);
    expect(f.economy.find((s) => s.seatNumber === '20C')).toMatchObject({ exitRow: false, extraLegroom: false, price: { amount: 10_000 } });
  });

  it('rejects unknown airports, a party outside 1..9 and a round trip to nowhere as VALIDATION_FAILED', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const cases: [Record<string, unknown>, string][] = [
      [{ origin: 'QQQQQQQQ', destination: route.destination, date: '2031-07-01' }, 'origin'],
      [{ origin: route.origin, destination: 'QQQQQQQQ', date: '2031-07-01' }, 'destination'],
      [{ origin: route.origin, destination: route.destination, date: '2031-07-01', passengers: 10 }, 'passengers'],
      [{ origin: route.origin, destination: route.destination, date: '2031-07-01', passengers: 0 }, 'passengers'],
      [{ origin: route.origin, destination: route.origin.toLowerCase(), date: '2031-07-01' }, 'destination'],
    ];
    for (const [input, field] of cases) {
      const res = await search(input);
      expect(res.data?.searchFlights ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('completes airports by code, city or name prefix, exact code first', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const res = await h.gql<{ airports: { code: string; city: string }[] }>(`query ($s: String) { airports(search: $s, first: 5) { code city } }`, {
      s: route.origin.toLowerCase(),
    });
    expect(res.data!.airports[0]).toEqual({ code: route.origin, city: `Origin ${route.origin}` });
    const byCity = await h.gql<{ airports: { code: string }[] }>(`query ($s: String) { airports(search: $s) { code } }`, { s: `destination ${route.destination}` });
    expect(byCity.data!.airports.map((a) => a.code)).toEqual([route.destination]);
  });
});
