import { randomUUID } from 'node:crypto';
import type { Clock, Config, ProcessRuntime, Viewer } from '@travel/platform';
import { createTestRuntime, gqlRequest, routerHeaders, testConfig, type GraphQLResponse } from '@travel/platform/testkit';
import { createInventoryServer, type CabinLayout, type FlightInput, type InventoryServer } from '../src/server.js';

export interface Harness {
  config: Config;
  runtime: ProcessRuntime;
  server: InventoryServer;
  url: string;
  /** Sends an operation as if the router had verified `viewer` (null: anonymous). */
  gql<T>(query: string, variables?: Record<string, unknown>, viewer?: Viewer | null): Promise<GraphQLResponse<T> & { status: number }>;
  close(): Promise<void>;
}

export async function startInventory(opts: { clock?: Clock; holdSweepIntervalMs?: number } = {}): Promise<Harness> {
  const config = testConfig();
  const runtime = await createTestRuntime(config, opts.clock);
  const server = createInventoryServer(runtime, { holdSweepIntervalMs: opts.holdSweepIntervalMs ?? 60_000 });
  runtime.openBus();
  const url = await server.start(0);
  return {
    config,
    runtime,
    server,
    url,
    gql: async (query, variables = {}, viewer = null) => gqlRequest(url, query, variables, await routerHeaders(config, viewer)),
    close: async () => {
      await server.stop();
      await runtime.close();
    },
  };
}

/** A traveler of a fresh organization: every test gets its own tenant. */
export function newViewer(orgId: string = randomUUID()): Viewer {
  return { orgId, personId: randomUUID(), roles: ['traveler'] };
}

/**
 * A code no other test run uses. Real IATA codes are three letters; the
 * catalog does not insist, and unique codes keep runs against a shared
 * PostgreSQL apart.
 */
export function uniqueCode(prefix: string): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`;
}

export interface Route {
  origin: string;
  destination: string;
  airline: string;
}

/** Two fresh airports in the given zones and a fresh airline. */
export async function createRoute(server: InventoryServer, zones: { origin: string; destination: string }): Promise<Route> {
  const route = { origin: uniqueCode('O'), destination: uniqueCode('D'), airline: uniqueCode('L') };
  await server.services.catalog.upsertAirports([
    { code: route.origin, name: `${route.origin} International`, city: `Origin ${route.origin}`, country: 'Testland', latitude: 4.7, longitude: -74.1, timeZone: zones.origin },
    { code: route.destination, name: `${route.destination} Airport`, city: `Destination ${route.destination}`, country: 'Testland', latitude: 35.5, longitude: 139.8, timeZone: zones.destination },
  ]);
  await server.services.catalog.upsertAirlines([{ code: route.airline, name: 'Test Air', country: 'Testland' }]);
  return route;
}

/** An economy-only aircraft with `seats` seats in one row (at most 6). */
export function tinyLayout(seats: number): CabinLayout {
  return { sections: [{ cabin: 'economy', fromRow: 1, toRow: 1, letters: 'ABC DEF'.replace(' ', '').slice(0, seats) }], extraLegroomSurchargePercent: 0 };
}

let flightSeq = 0;

export async function createFlight(
  server: InventoryServer,
  route: Route,
  opts: { departureAt: string; minutes?: number; layout?: CabinLayout; seatPrices?: FlightInput['seatPrices'] },
) {
  const departureAt = new Date(opts.departureAt);
  flightSeq += 1;
  const { flights } = await server.services.catalog.insertFlights(
    [
      {
        airlineCode: route.airline,
        flightNumber: `${route.airline}${flightSeq}`,
        originCode: route.origin,
        destinationCode: route.destination,
        departureAt,
        arrivalAt: new Date(departureAt.getTime() + (opts.minutes ?? 300) * 60_000),
        aircraft: 'Airbus A320',
        seatPrices: opts.seatPrices ?? { economy: 12_000, business: 48_000 },
        currency: 'USD',
      },
    ],
    opts.layout,
  );
  return flights[0]!;
}

export const HOLD_FIELDS = `id status expiresAt createdAt price { amount currency } seat { id seatNumber cabin available price { amount } } flight { id }`;

export interface HoldView {
  id: string;
  status: string;
  expiresAt: string;
  createdAt: string;
  price: { amount: number; currency: string };
  seat: { id: string; seatNumber: string; cabin: string; available: boolean; price: { amount: number } };
  flight: { id: string };
}

export interface UserErrorView {
  code: string;
  field: string | null;
  message: string;
}

export const HOLD_SEAT = `mutation ($input: HoldSeatInput!) { holdSeat(input: $input) { hold { ${HOLD_FIELDS} } errors { code field message } } }`;
export const RELEASE_HOLD = `mutation ($input: ReleaseHoldInput!) { releaseHold(input: $input) { hold { ${HOLD_FIELDS} } errors { code field message } } }`;

export type HoldSeatResult = { holdSeat: { hold: HoldView | null; errors: UserErrorView[] } };
export type ReleaseHoldResult = { releaseHold: { hold: HoldView | null; errors: UserErrorView[] } };
