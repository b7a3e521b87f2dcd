import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, freePort, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventoryServer } from '../src/server.js';
import { createFlight, createRoute, HOLD_SEAT, newViewer, tinyLayout, type HoldSeatResult } from './fixtures.js';

const onPostgres = Boolean(process.env['DATABASE_URL']);
const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const SEATS = 5;
const CABINS = `query ($id: ID!) { flight(id: $id) { cabins { seatsLeft } } }`;
const HOLD_SEATS = `mutation ($input: HoldSeatsInput!) { holdSeats(input: $input) { holds { seat { id } } errors { code } } }`;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Two real inventory processes (`node src/index.ts`, as in production) on one
 * PostgreSQL database: each has its own pool, its own sweeper and nothing in
 * common with the other but the database. PGlite is one in-memory database
 * per process, so there is nothing to share without DATABASE_URL.
 */
describe.skipIf(!onPostgres)(`two inventory processes on one PostgreSQL${onPostgres ? '' : ' (skipped: needs DATABASE_URL)'}`, () => {
  let runtime: ProcessRuntime;
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    runtime = await createTestRuntime(testConfig({ LOG_LEVEL: 'warn' }));
    // Migrated here once, so the children start on a ready schema.
    await createInventoryServer(runtime).migrate();
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const env = {
        ...(process.env as Record<string, string>),
        ...Object.fromEntries(Object.entries(runtime.config).filter(([, v]) => v !== undefined && typeof v !== 'object').map(([k, v]) => [k, String(v)])),
        INVENTORY_PORT: String(port),
      };
      const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (chunk: string) => output.push(`${name}: ${chunk.trim()}`));
      children.push(child);
      urls.push(`http://127.0.0.1:${port}/graphql`);
    }
    const deadline = Date.now() + 60_000;
    for (const url of urls) {
      for (;;) {
        const ok = await gqlRequest(url, '{ __typename }', {}, await routerHeaders(runtime.config, null)).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) break;
        if (children.some((c) => c.exitCode !== null) || Date.now() > deadline) throw new Error(`inventory process did not start:\n${output.join('\n')}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }, 90_000);
  afterAll(async () => {
    await Promise.all(children.map(stop));
    await runtime?.close();
  });

  const gql = async <T>(i: number, query: string, variables: Record<string, unknown>) =>
    gqlRequest<T>(urls[i % 2]!, query, variables, await routerHeaders(runtime.config, newViewer()));
  const seatsLeft = async (i: number, flightId: string) =>
    (await gql<{ flight: { cabins: { seatsLeft: number }[] } }>(i, CABINS, { id: flightId })).data!.flight.cabins[0]!.seatsLeft;
  const activeHolds = async (flightId: string) => {
    const rows = (await runtime.db.execute(sql`select count(*)::int as n from inventory.holds where flight_id = ${flightId} and status = 'active'`)) as unknown as { n: number }[];
    return Number(rows[0]!.n);
  };

  it('gives the last seats to exactly as many parallel holds as there are seats, and every seat back after the holds expire', async () => {
    // The children run on the real clock: the flight departs a month from now.
    const seeder = createInventoryServer(runtime);
    const route = await createRoute(seeder, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(seeder, route, { departureAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), layout: tinyLayout(SEATS), seatPrices: { economy: 9_000 } });
    const seats = await seeder.services.repositories.seats.findByFlightIds([flight.id], new Date());

    // 60 attempts at once over both processes: single seats chosen or any, and pairs on holdSeats.
    const attempts = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        if (i % 4 === 0) {
          const r = await gql<{ holdSeats: { holds: { seat: { id: string } }[]; errors: { code: string }[] } }>(i, HOLD_SEATS, {
            input: { passengers: 2, legs: [{ flightId: flight.id, cabin: 'ECONOMY' }] },
          });
          return { seats: r.data!.holdSeats.holds.map((h) => h.seat.id), error: r.data!.holdSeats.errors[0]?.code ?? null };
        }
        const input = i % 3 === 0 ? { flightId: flight.id, seatId: seats[i % SEATS]!.id } : { flightId: flight.id, cabin: 'ECONOMY' };
        const r = await gql<HoldSeatResult>(i, HOLD_SEAT, { input });
        return { seats: r.data!.holdSeat.hold ? [r.data!.holdSeat.hold.seat.id] : [], error: r.data!.holdSeat.errors[0]?.code ?? null };
      }),
    );
    const held = attempts.flatMap((a) => a.seats);
    expect(held).toHaveLength(SEATS);
    expect(new Set(held).size).toBe(SEATS);
    // Every attempt either got all it asked for or nothing, with a typed reason.
    expect(attempts.every((a) => (a.seats.length > 0) !== (a.error !== null))).toBe(true);
    expect(attempts.filter((a) => a.error).every((a) => a.error === 'SEAT_TAKEN' || a.error === 'INSUFFICIENT_INVENTORY')).toBe(true);
    expect(await activeHolds(flight.id)).toBe(SEATS);
    expect([await seatsLeft(0, flight.id), await seatsLeft(1, flight.id)]).toEqual([0, 0]);

    // Fifteen minutes pass (the children share no clock with the test, so the holds' expiry is moved instead).
    await runtime.db.execute(sql`update inventory.holds set expires_at = now() - interval '1 second' where flight_id = ${flight.id} and status = 'active'`);
    // Both count the seats as free at once, before any sweep.
    expect([await seatsLeft(0, flight.id), await seatsLeft(1, flight.id)]).toEqual([SEATS, SEATS]);
    // The sweepers of both processes (every 5 s) mark them expired, each hold once.
    const deadline = Date.now() + 30_000;
    while ((await activeHolds(flight.id)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await activeHolds(flight.id)).toBe(0);
    const [{ expired }] = (await runtime.db.execute(
      sql`select count(*)::int as expired from inventory.holds where flight_id = ${flight.id} and status = 'expired'`,
    )) as unknown as [{ expired: number }];
    expect(Number(expired)).toBe(SEATS);

    const again = await Promise.all(Array.from({ length: SEATS + 2 }, (_, i) => gql<HoldSeatResult>(i, HOLD_SEAT, { input: { flightId: flight.id, cabin: 'ECONOMY' } })));
    expect(again.filter((r) => r.data!.holdSeat.hold)).toHaveLength(SEATS);
    expect(again.filter((r) => r.data!.holdSeat.errors[0]?.code === 'INSUFFICIENT_INVENTORY')).toHaveLength(2);
  }, 90_000);
});
