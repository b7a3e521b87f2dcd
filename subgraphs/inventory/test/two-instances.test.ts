import { createRuntime, ManualClock, type ProcessRuntime, type Viewer } from '@travel/platform';
import { createTestRuntime, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryServer, HOLD_TTL_MS, type InventoryServer } from '../src/server.js';
import { createFlight, createRoute, HOLD_SEAT, newViewer, tinyLayout, type HoldSeatResult, type UserErrorView } from './fixtures.js';

interface Instance {
  runtime: ProcessRuntime;
  server: InventoryServer;
  url: string;
}

const CABINS = `query ($id: ID!) { flight(id: $id) { cabins { seatsLeft } } }`;

/**
 * Two inventory servers, each with its own runtime (its own connection pool
 * on PostgreSQL), sharing one database: what two inventory processes do.
 * Requests alternate between them.
 */
describe('two inventory instances on one database', () => {
  const clock = new ManualClock(new Date('2030-03-01T12:00:00Z'));
  const config = testConfig();
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const first = await createTestRuntime(config, clock);
    // PostgreSQL: a second pool on the same database; PGlite (one in-memory database per process): the same handle.
    const second = await createRuntime(first.config, { name: 'test-2', clock, ...(first.config.DATABASE_URL ? {} : { database: first.database }) });
    const start = async (runtime: ProcessRuntime): Promise<Instance> => {
      const server = createInventoryServer(runtime, { holdSweepIntervalMs: 3_600_000 });
      runtime.openBus();
      return { runtime, server, url: await server.start(0) };
    };
    a = await start(first);
    b = await start(second);
  });
  afterAll(async () => {
    await b.server.stop();
    await b.runtime.close();
    await a.server.stop();
    await a.runtime.close();
  });

  const gql = async <T>(instance: Instance, query: string, variables: Record<string, unknown>, viewer: Viewer | null = null) =>
    gqlRequest<T>(instance.url, query, variables, await routerHeaders(config, viewer));
  const either = (i: number) => (i % 2 === 0 ? a : b);

  it('gives the last 4 seats to exactly 4 of 60 parallel holds spread over both, and every seat comes back when the holds expire', async () => {
    const route = await createRoute(a.server, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(a.server, route, { departureAt: '2030-04-01T08:00:00Z', layout: tinyLayout(4), seatPrices: { economy: 7_000 } });
    const seats = await a.server.services.repositories.seats.findByFlightIds([flight.id], clock.now());

    // Half ask for any economy seat, half for a seat of their choice.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        gql<HoldSeatResult>(either(i), HOLD_SEAT, { input: i % 3 === 0 ? { flightId: flight.id, seatId: seats[i % 4]!.id } : { flightId: flight.id, cabin: 'ECONOMY' } }, newViewer()),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const won = results.flatMap((r) => (r.data!.holdSeat.hold ? [r.data!.holdSeat.hold] : []));
    const codes = results.flatMap((r) => r.data!.holdSeat.errors.map((e: UserErrorView) => e.code));
    expect(won).toHaveLength(4);
    expect(new Set(won.map((h) => h.seat.id)).size).toBe(4);
    expect(codes).toHaveLength(56);
    expect(codes.every((c) => c === 'SEAT_TAKEN' || c === 'INSUFFICIENT_INVENTORY')).toBe(true);
    for (const instance of [a, b]) {
      expect((await gql<{ flight: { cabins: { seatsLeft: number }[] } }>(instance, CABINS, { id: flight.id })).data!.flight.cabins).toEqual([{ seatsLeft: 0 }]);
    }

    clock.advance(HOLD_TTL_MS);
    // Before any sweep, both instances already count the seats as free.
    for (const instance of [a, b]) {
      expect((await gql<{ flight: { cabins: { seatsLeft: number }[] } }>(instance, CABINS, { id: flight.id })).data!.flight.cabins).toEqual([{ seatsLeft: 4 }]);
    }
    // Both sweep at once; each hold is expired by exactly one of them.
    const [sweptA, sweptB] = await Promise.all([a.server.services.holds.expireDue(), b.server.services.holds.expireDue()]);
    expect(sweptA + sweptB).toBe(4);
    const viewer = newViewer();
    const again = await Promise.all(Array.from({ length: 6 }, (_, i) => gql<HoldSeatResult>(either(i), HOLD_SEAT, { input: { flightId: flight.id, cabin: 'ECONOMY' } }, viewer)));
    expect(again.filter((r) => r.data!.holdSeat.hold)).toHaveLength(4);
    expect(again.filter((r) => r.data!.holdSeat.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(2);
  });

  it('gives exactly as many rooms and package places as there are, across both instances', async () => {
    const { hotels } = await a.server.services.catalog.insertHotels([
      { name: `Twin ${Date.now()}`, city: 'Twin City', country: 'Testland', latitude: 1, longitude: 1, starRating: 3, timeZone: 'UTC', roomTypes: [{ name: 'Double', capacity: 2, nightlyRateMinor: 9_000, currency: 'USD', totalRooms: 3 }] },
    ]);
    const [roomType] = await a.server.services.repositories.hotels.roomTypesOf([hotels[0]!.id]);
    const rooms = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        gql<{ holdRoom: { roomHold: { id: string } | null; errors: UserErrorView[] } }>(
          either(i),
          `mutation ($input: HoldRoomInput!) { holdRoom(input: $input) { roomHold { id } errors { code field message } } }`,
          // Stays of one or two nights, all containing the night of the 10th.
          { input: { roomTypeId: roomType!.id, checkIn: i % 2 ? '2030-03-10' : '2030-03-09', checkOut: '2030-03-11' } },
          newViewer(),
        ),
      ),
    );
    expect(rooms.filter((r) => r.data!.holdRoom.roomHold)).toHaveLength(3);
    expect(rooms.filter((r) => r.data!.holdRoom.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(27);

    const title = `Twin package ${Date.now()}`;
    await a.server.services.catalog.insertPackages([
      { title, description: 'Two instances, one calendar.', destinationCity: 'Twin City', destinationCountry: 'Testland', category: 'city', durationDays: 2, priceMinor: 10_000, currency: 'USD', maxGroupSize: 3 },
    ]);
    const [pkg] = (await a.server.services.repositories.packages.list(100, null)).filter((p) => p.title === title);
    await a.server.services.catalog.upsertPackageDepartures([{ packageId: pkg!.id, date: '2030-05-01', capacity: 7, priceMultiplier: 1 }]);
    const places = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        gql<{ holdPackage: { packageHold: { travelers: number } | null; errors: UserErrorView[] } }>(
          either(i),
          `mutation ($input: HoldPackageInput!) { holdPackage(input: $input) { packageHold { travelers } errors { code field message } } }`,
          { input: { packageId: pkg!.id, date: '2030-05-01', travelers: 1 } },
          newViewer(),
        ),
      ),
    );
    const held = places.flatMap((r) => (r.data!.holdPackage.packageHold ? [r.data!.holdPackage.packageHold.travelers] : []));
    const total = held.reduce((n, t) => n + t, 0);
    expect(held).toHaveLength(7);
    expect(places.filter((r) => r.data!.holdPackage.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(23);
    expect(await a.server.services.repositories.packages.takenPlaces((await a.server.services.repositories.packages.departuresOf([pkg!.id], null, null, clock.now()))[0]!.id, clock.now())).toBe(total);
  });
});
