import { ManualClock } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FlightInput } from '../src/server.js';
import { newViewer, startInventory, tinyLayout, uniqueCode, type Harness, type UserErrorView } from './fixtures.js';

const SEARCH = `query ($input: SearchFlightsInput!, $after: String) {
  searchFlights(input: $input, first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      fare { amount currency }
      node { flightNumber }
      itinerary {
        stops durationMinutes departureAt arrivalAt fare { amount }
        legs { flightNumber origin { code } destination { code } }
        layovers { airport { code } minutes arrivalAt departureAt }
      }
    }
    facets { stops { stops count } }
  }
}`;

interface SearchResult {
  searchFlights: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      fare: { amount: number; currency: string };
      node: { flightNumber: string };
      itinerary: {
        stops: number;
        durationMinutes: number;
        departureAt: string;
        arrivalAt: string;
        fare: { amount: number };
        legs: { flightNumber: string; origin: { code: string }; destination: { code: string } }[];
        layovers: { airport: { code: string }; minutes: number; arrivalAt: string; departureAt: string }[];
      };
    }[];
    facets: { stops: { stops: number; count: number }[] };
  };
}

const FARES = `query ($id: ID!, $cabin: Cabin) { flight(id: $id) { fareClasses(cabin: $cabin) { id cabin fareFamily bookingCode price { amount currency } refundable changeable changeFee { amount } checkedBags carryOnBags } } }`;
interface FareView {
  id: string;
  cabin: string;
  fareFamily: string;
  bookingCode: string;
  price: { amount: number; currency: string };
  refundable: boolean;
  changeable: boolean;
  changeFee: { amount: number } | null;
  checkedBags: number;
  carryOnBags: number;
}

const HOLD_AT_FARE = `mutation ($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id price { amount } seat { cabin } fareClass { fareFamily refundable } } errors { code field } } }`;

describe('fare classes and connecting itineraries', () => {
  const clock = new ManualClock(new Date('2030-06-01T00:00:00Z'));
  let h: Harness;
  // A to B with a hub H on the way and X far off it; all in UTC so local dates are UTC dates.
  const A = uniqueCode('A');
  const H = uniqueCode('H');
  const B = uniqueCode('B');
  const X = uniqueCode('X');
  const K = uniqueCode('K');
  const airline = uniqueCode('L');
  let seq = 0;

  beforeAll(async () => {
    h = await startInventory({ clock });
    await h.server.services.catalog.upsertAirports([
      { code: A, name: 'A', city: 'A City', country: 'T', latitude: 0, longitude: 0, timeZone: 'UTC' },
      { code: H, name: 'H', city: 'H City', country: 'T', latitude: 0, longitude: 5, timeZone: 'UTC', minConnectionMinutes: 60 },
      { code: B, name: 'B', city: 'B City', country: 'T', latitude: 0, longitude: 10, timeZone: 'UTC' },
      { code: X, name: 'X', city: 'X City', country: 'T', latitude: 40, longitude: 40, timeZone: 'UTC' },
      { code: K, name: 'K', city: 'K City', country: 'T', latitude: 0.5, longitude: 7.5, timeZone: 'UTC', minConnectionMinutes: 45 },
    ]);
    await h.server.services.catalog.upsertAirlines([{ code: airline, name: 'Fare Air' }]);
  });
  afterAll(async () => {
    await h.close();
  });

  async function fly(from: string, to: string, dep: string, minutes: number, economy: number, layout = tinyLayout(6)) {
    seq += 1;
    const departureAt = new Date(dep);
    const input: FlightInput = {
      airlineCode: airline,
      flightNumber: `${airline}${seq}`,
      originCode: from,
      destinationCode: to,
      departureAt,
      arrivalAt: new Date(departureAt.getTime() + minutes * 60_000),
      seatPrices: { economy },
    };
    const { flights } = await h.server.services.catalog.insertFlights([input], layout);
    return flights[0]!;
  }

  it('sells every cabin as basic, standard and flex fare classes, and a hold at a fare class takes its price', async () => {
    const flight = await fly(A, H, '2030-07-01T08:00:00Z', 120, 10_000);
    const fares = (await h.gql<{ flight: { fareClasses: FareView[] } }>(FARES, { id: flight.id })).data!.flight.fareClasses;
    expect(fares.map((f) => [f.fareFamily, f.bookingCode, f.price.amount, f.refundable, f.changeable, f.changeFee?.amount ?? null, f.checkedBags])).toEqual([
      ['BASIC', 'N', 8_500, false, false, null, 0],
      ['STANDARD', 'M', 10_000, false, true, 1_500, 1],
      ['FLEX', 'Y', 14_000, true, true, 0, 2],
    ]);
    expect((await h.gql<{ flight: { fareClasses: FareView[] } }>(FARES, { id: flight.id, cabin: 'BUSINESS' })).data!.flight.fareClasses).toEqual([]);

    const flex = fares.find((f) => f.fareFamily === 'FLEX')!;
    const held = await h.gql<{ holdSeat: { hold: { price: { amount: number }; seat: { cabin: string }; fareClass: { fareFamily: string; refundable: boolean } } | null; errors: UserErrorView[] } }>(
      HOLD_AT_FARE,
      { input: { flightId: flight.id, fareClassId: flex.id } },
      newViewer(),
    );
    expect(held.data!.holdSeat.errors).toEqual([]);
    expect(held.data!.holdSeat.hold).toMatchObject({ price: { amount: 14_000 }, seat: { cabin: 'ECONOMY' }, fareClass: { fareFamily: 'FLEX', refundable: true } });

    const other = await fly(A, H, '2030-07-01T09:00:00Z', 120, 10_000);
    const wrong = await h.gql<{ holdSeat: { hold: null; errors: UserErrorView[] } }>(HOLD_AT_FARE, { input: { flightId: other.id, fareClassId: flex.id } }, newViewer());
    expect(wrong.data!.holdSeat.errors).toEqual([{ code: 'NOT_FOUND', field: 'fareClassId' }]);
    const cabinMismatch = await h.gql<{ holdSeat: { hold: null; errors: UserErrorView[] } }>(HOLD_AT_FARE, { input: { flightId: flight.id, fareClassId: flex.id, cabin: 'BUSINESS' } }, newViewer());
    expect(cabinMismatch.data!.holdSeat.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'cabin' }]);
    const day = await h.gql<SearchResult>(SEARCH, { input: { origin: A, destination: H, date: '2030-07-01' } });
    expect(day.data!.searchFlights.edges.map((e) => e.node.flightNumber)).toEqual([flight.flightNumber, other.flightNumber]);
  });

  it('filters and prices search results by fare family and refundability', async () => {
    const search = (extra: Record<string, unknown>) =>
      h.gql<SearchResult>(SEARCH, { input: { origin: A, destination: H, date: '2030-07-02', ...extra } }).then((r) => r.data!.searchFlights.edges.map((e) => e.fare.amount));
    await fly(A, H, '2030-07-02T08:00:00Z', 120, 10_000);
    await fly(A, H, '2030-07-02T09:00:00Z', 120, 10_000);
    expect(await search({})).toEqual([10_000, 10_000]);
    expect(await search({ fareFamily: 'BASIC' })).toEqual([8_500, 8_500]);
    expect(await search({ refundableOnly: true })).toEqual([14_000, 14_000]);
    expect(await search({ refundableOnly: true, cabin: 'BUSINESS' })).toEqual([]);
  });

  it('finds connections only when maxStops allows them, respecting the minimum connection time and the detour limit', async () => {
    // Day 2030-07-10: A→H arrives 10:00; H→B at 10:30 is inside H's 60-minute minimum, 11:30 is not; 23:30 is past the longest layover.
    const ah = await fly(A, H, '2030-07-10T08:00:00Z', 120, 10_000);
    await fly(H, B, '2030-07-10T10:30:00Z', 60, 7_000);
    await fly(H, B, '2030-07-10T11:30:00Z', 60, 6_000);
    await fly(H, B, '2030-07-10T23:30:00Z', 60, 5_000);
    // Through X is a huge detour; A→B direct is the route's own flight.
    await fly(A, X, '2030-07-10T07:00:00Z', 300, 1_000);
    await fly(X, B, '2030-07-10T14:00:00Z', 300, 1_000);
    await fly(A, B, '2030-07-10T18:00:00Z', 180, 30_000);

    const search = (maxStops: number | null) => h.gql<SearchResult>(SEARCH, { input: { origin: A, destination: B, date: '2030-07-10', maxStops, sort: 'PRICE' } });
    const legReads = vi.spyOn(h.server.services.repositories.flights, 'legsFrom');
    const nonstop = (await search(0)).data!.searchFlights;
    expect(nonstop.edges.map((e) => e.itinerary.legs.length)).toEqual([1]);
    expect((await search(null)).data!.searchFlights.totalCount).toBe(1);
    // A search without maxStops > 0 never plans connections.
    expect(legReads).not.toHaveBeenCalled();

    const one = (await search(1)).data!.searchFlights;
    expect(legReads).toHaveBeenCalledTimes(2);
    legReads.mockRestore();
    expect(one.totalCount).toBe(2);
    const [connection, direct] = one.edges;
    expect(connection!.fare.amount).toBe(16_000);
    expect(connection!.node.flightNumber).toBe(ah.flightNumber);
    expect(connection!.itinerary).toMatchObject({
      stops: 1,
      departureAt: '2030-07-10T08:00:00.000Z',
      arrivalAt: '2030-07-10T12:30:00.000Z',
      durationMinutes: 270,
      fare: { amount: 16_000 },
      legs: [
        { origin: { code: A }, destination: { code: H } },
        { origin: { code: H }, destination: { code: B } },
      ],
      layovers: [{ airport: { code: H }, minutes: 90, arrivalAt: '2030-07-10T10:00:00.000Z', departureAt: '2030-07-10T11:30:00.000Z' }],
    });
    expect(direct!.itinerary.legs).toHaveLength(1);
    expect(direct!.itinerary.layovers).toEqual([]);
    expect(one.facets.stops).toEqual([
      { stops: 0, count: 1 },
      { stops: 1, count: 1 },
    ]);

    // Pages through connections and direct flights alike.
    const first = await h.gql<SearchResult>(SEARCH.replace('first: 20', 'first: 1'), { input: { origin: A, destination: B, date: '2030-07-10', maxStops: 1, sort: 'PRICE' } });
    const second = await h.gql<SearchResult>(SEARCH.replace('first: 20', 'first: 1'), {
      input: { origin: A, destination: B, date: '2030-07-10', maxStops: 1, sort: 'PRICE' },
      after: first.data!.searchFlights.pageInfo.endCursor,
    });
    expect([...first.data!.searchFlights.edges, ...second.data!.searchFlights.edges].map((e) => e.fare.amount)).toEqual([16_000, 30_000]);
    expect(second.data!.searchFlights.pageInfo.hasNextPage).toBe(false);
  });

  it('plans two connections only when maxStops is 2, with a layover at each', async () => {
    await fly(A, H, '2030-07-15T08:00:00Z', 120, 10_000);
    await fly(H, K, '2030-07-15T11:30:00Z', 60, 4_000);
    // Back to A would visit an airport twice.
    await fly(K, A, '2030-07-15T13:30:00Z', 60, 1_000);
    await fly(K, B, '2030-07-15T13:15:00Z', 60, 3_000);
    const search = (maxStops: number) => h.gql<SearchResult>(SEARCH, { input: { origin: A, destination: B, date: '2030-07-15', maxStops } }).then((r) => r.data!.searchFlights);
    expect((await search(1)).totalCount).toBe(0);
    const two = await search(2);
    expect(two.totalCount).toBe(1);
    expect(two.edges[0]!.itinerary).toMatchObject({
      stops: 2,
      fare: { amount: 17_000 },
      durationMinutes: 375,
      legs: [{ destination: { code: H } }, { destination: { code: K } }, { destination: { code: B } }],
      layovers: [
        { airport: { code: H }, minutes: 90 },
        { airport: { code: K }, minutes: 45 },
      ],
    });
  });

  it('leaves out a connection with a leg that cannot take the party', async () => {
    const ah = await fly(A, H, '2030-07-20T08:00:00Z', 120, 10_000, tinyLayout(2));
    await fly(H, B, '2030-07-20T12:00:00Z', 60, 6_000, tinyLayout(6));
    const search = (passengers: number) =>
      h.gql<SearchResult>(SEARCH, { input: { origin: A, destination: B, date: '2030-07-20', maxStops: 2, passengers } }).then((r) => r.data!.searchFlights.totalCount);
    expect(await search(2)).toBe(1);
    expect(await search(3)).toBe(0);
    expect(ah.id).toBeTruthy();
  });
});
