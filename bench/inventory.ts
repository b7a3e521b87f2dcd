/**
 * Inventory benchmark (`npx tsx bench/inventory.ts`, needs DATABASE_URL; REDIS_URL optional).
 *
 * 1. Holds: 1000 concurrent holdSeat calls for a flight with 100 seats, spread
 *    over two inventory servers (two runtimes, two connection pools) sharing
 *    one PostgreSQL database, sent straight to the subgraphs with the
 *    router's identity header. Prints successes, oversold, wall time, holds/s.
 * 2. Search: generates BENCH_LEGS (default 1,000,000) flight legs with one
 *    INSERT ... SELECT generate_series (flights + per-cabin rows in
 *    flight_cabins; no seat rows, which search does not read), then runs
 *    searchFlights through the router (Apollo Gateway over the composed
 *    supergraph) and, for comparison, against the inventory subgraph directly.
 *    Prints p50/p99 latency and throughput, for distinct queries (cache
 *    misses), for a small set of repeated ones (cache hits), and for
 *    searches with connections (maxStops 1, never cached).
 *
 * It works in a database of its own, created and dropped here. Bounded by
 * count: BENCH_LEGS, BENCH_SEARCHES (default 2000), BENCH_CONCURRENCY (16).
 */
import { performance } from 'node:perf_hooks';
import { createRuntime, loadConfig, ServiceDirectory, type ProcessRuntime } from '@travel/platform';
import { routerHeaders } from '@travel/platform/testkit';
import { RouterServer } from '@travel/router';
import { readSupergraphSdl } from '@travel/router/supergraph';
import { createInventoryServer, type InventoryServer } from '@travel/inventory';
import postgres from 'postgres';


const LEGS = Number(process.env.BENCH_LEGS ?? 1_000_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const HOLD_ATTEMPTS = 1000;
const SEATS = 100;
const AIRPORTS = 40;
const DAYS = 60;
const ROUTES = AIRPORTS * (AIRPORTS - 1);

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('DATABASE_URL is required (a PostgreSQL server; a database of its own is created and dropped).');
  process.exit(1);
}
const dbName = `bench_inventory_${Date.now().toString(36)}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'error' }, { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '20', REDIS_NAMESPACE: dbName.replace(/_/g, '-') });

const clock = { now: () => new Date('2030-12-01T00:00:00Z') };
const runtimes: ProcessRuntime[] = [];
const servers: InventoryServer[] = [];
let router: RouterServer | undefined;

async function instance(name: string): Promise<{ server: InventoryServer; url: string }> {
  const runtime = await createRuntime(config, { name, clock });
  runtimes.push(runtime);
  const server = createInventoryServer(runtime, { holdSweepIntervalMs: 3_600_000 });
  servers.push(server);
  await server.migrate();
  runtime.openBus();
  return { server, url: await server.start(0) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function post(target: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

async function run(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), wallMs: performance.now() - start };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

try {
  const a = await instance('bench-a');
  const b = await instance('bench-b');
  const catalog = a.server.services.catalog;

  // --- catalog: airports, airlines -----------------------------------------------------------
  const codes = Array.from({ length: AIRPORTS }, (_, i) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
  await catalog.upsertAirports(codes.map((code, i) => ({ code, name: `${code} Airport`, city: `City ${code}`, country: 'Benchland', latitude: i, longitude: i, timeZone: 'UTC' })));
  await catalog.upsertAirlines(['QA', 'QB', 'QC', 'QD', 'QE'].map((code) => ({ code, name: `${code} Air` })));

  // --- 1. holds -------------------------------------------------------------------------------
  const letters = 'ABCDE';
  const { flights } = await catalog.insertFlights(
    [{ airlineCode: 'QA', flightNumber: 'QA1', originCode: codes[0]!, destinationCode: codes[1]!, departureAt: '2031-01-15T10:00:00Z', arrivalAt: '2031-01-15T12:00:00Z', seatPrices: { economy: 10_000 } }],
    { sections: [{ cabin: 'economy', fromRow: 1, toRow: SEATS / letters.length, letters }], extraLegroomSurchargePercent: 0 },
  );
  const flight = flights[0]!;
  const HOLD = `mutation ($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id seat { id } } errors { code } } }`;
  const holdStart = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: HOLD_ATTEMPTS }, async (_, i) => {
      // Signed per request, as the router does: an identity statement lives 60 s, and a loaded machine can take longer than that.
      const h = await routerHeaders(config, { orgId: crypto.randomUUID(), personId: crypto.randomUUID(), roles: ['traveler'] });
      const res = (await post(i % 2 === 0 ? a.url : b.url, HOLD, { input: { flightId: flight.id, cabin: 'ECONOMY' } }, h)) as {
        data?: { holdSeat: { hold: { seat: { id: string } } | null; errors: { code: string }[] } };
      };
      return res.data?.holdSeat ?? null;
    }),
  );
  const holdWall = performance.now() - holdStart;
  const succeeded = outcomes.filter((o) => o?.hold).length;
  const codesSeen = new Map<string, number>();
  for (const o of outcomes) for (const e of o?.errors ?? []) codesSeen.set(e.code, (codesSeen.get(e.code) ?? 0) + 1);
  const transportFailures = outcomes.filter((o) => o === null).length;
  const db = postgres(config.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [taken] = await db<{ holds: number; seats: number }[]>`
    select count(*)::int as holds, count(distinct seat_id)::int as seats from inventory.holds where flight_id = ${flight.id} and status in ('active', 'converted')`;
  const oversold = Math.max(0, taken!.holds - SEATS) + (taken!.holds - taken!.seats);
  console.log(`holds: ${HOLD_ATTEMPTS} concurrent attempts on ${SEATS} seats over 2 inventory servers sharing one PostgreSQL database`);
  console.log(`  successes ${succeeded}, refused ${[...codesSeen].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}, transport failures ${transportFailures}`);
  console.log(`  holds in the database ${taken!.holds} on ${taken!.seats} distinct seats, oversold = ${oversold}`);
  console.log(`  wall ${fmt(holdWall, 0)} ms, ${fmt((HOLD_ATTEMPTS / holdWall) * 1000, 0)} attempts/s, ${fmt((succeeded / holdWall) * 1000, 0)} successful holds/s`);

  // --- 2. legs ---------------------------------------------------------------------------------
  const genStart = performance.now();
  await db.unsafe(`
    insert into inventory.flights (id, airline_code, flight_number, origin_code, destination_code, departure_at, arrival_at, duration_minutes, stops, status)
    select gen_random_uuid(), g.airline, 'QX' || g.i, g.origin, g.destination, g.dep, g.dep + make_interval(mins => g.minutes), g.minutes, g.stops, 'scheduled'
    from (
      select i,
        (array['QA','QB','QC','QD','QE'])[1 + i % 5] as airline,
        (array[${codes.map((c) => `'${c}'`).join(',')}])[1 + (i % ${ROUTES}) / ${AIRPORTS - 1}] as origin,
        (array[${codes.map((c) => `'${c}'`).join(',')}])[1 + ((i % ${ROUTES}) / ${AIRPORTS - 1} + 1 + (i % ${ROUTES}) % ${AIRPORTS - 1}) % ${AIRPORTS}] as destination,
        timestamptz '2031-02-01 00:00:00+00' + make_interval(days => (i / ${ROUTES}) % ${DAYS}, mins => (i * 37) % 1440) as dep,
        60 + (i * 13) % 600 as minutes,
        case when i % 4 = 0 then 1 else 0 end as stops
      from generate_series(1, ${LEGS}) as i
    ) g`);
  const flightsMs = performance.now() - genStart;
  const cabinStart = performance.now();
  await db.unsafe(`
    insert into inventory.flight_cabins (flight_id, cabin, capacity, fare_minor, currency)
    select id, 'economy', 150, 5000 + (abs(hashtext(id::text)) % 45000), 'USD' from inventory.flights where flight_number like 'QX%'
    union all
    select id, 'business', 12, 60000 + (abs(hashtext(id::text)) % 90000), 'USD' from inventory.flights where flight_number like 'QX%' and abs(hashtext(id::text)) % 2 = 0`);
  await db.unsafe(`analyze inventory.flights; analyze inventory.flight_cabins`);
  const cabinsMs = performance.now() - cabinStart;
  const [{ legs, cabins }] = await db<[{ legs: number; cabins: number }]>`select (select count(*)::int from inventory.flights) as legs, (select count(*)::int from inventory.flight_cabins) as cabins`;
  await db.end();
  console.log(`legs: ${legs} flights (${LEGS} generated: ${AIRPORTS} airports, ${ROUTES} routes, ${DAYS} days, 5 airlines, every 4th with a stop) and ${cabins} flight_cabins rows`);
  console.log(`  no seat rows for generated legs (search reads flight_cabins and holds); generated in ${fmt(flightsMs / 1000)} s + ${fmt(cabinsMs / 1000)} s`);

  // --- 3. search ------------------------------------------------------------------------------
  // Only inventory runs: the query plans of searchFlights touch no other subgraph; the others get an address nothing listens on.
  const nowhere = 'http://127.0.0.1:9/graphql';
  const directory = new ServiceDirectory({ customer: nowhere, booking: nowhere, policy: nowhere, payment: nowhere, analytics: nowhere, inventory: a.url });
  const routerServer = new RouterServer({ config, directory, supergraphSdl: readSupergraphSdl(), logger: runtimes[0]!.logger.child({ component: 'router' }) });
  const routerUrl = await routerServer.start(0, '127.0.0.1');
  router = routerServer;
  // Fields every composed supergraph since the foundation has, so the router can plan it whatever was composed last.
  const SEARCH = `query ($input: SearchFlightsInput!) { searchFlights(input: $input, first: 20) { totalCount edges { node { id flightNumber departureAt durationMinutes } } } }`;
  const queryFor = (i: number) => {
    const r = (i * 7919) % ROUTES;
    const o = Math.floor(r / (AIRPORTS - 1));
    const d = (o + 1 + (r % (AIRPORTS - 1))) % AIRPORTS;
    const day = 1 + ((i * 31) % 28);
    return { origin: codes[o]!, destination: codes[d]!, date: `2031-02-${String(day).padStart(2, '0')}`, passengers: 1 + (i % 3) };
  };
  let found = 0;
  let failures = 0;
  // The subgraph only answers requests carrying the router's short-lived identity statement (anonymous here),
  // signed per request as the router does.
  const searchOnce = (target: string, input: ReturnType<typeof queryFor> & { maxStops?: number }) => async () => {
    const res = (await post(target, SEARCH, { input }, target === routerUrl ? {} : await routerHeaders(config, null))) as { data?: { searchFlights: { totalCount: number } }; errors?: unknown[] };
    if (res.errors || !res.data) {
      if (failures === 0) console.log(`  first failure: ${JSON.stringify(res.errors ?? res).slice(0, 400)}`);
      failures += 1;
    }
    else found += res.data.searchFlights.totalCount;
  };
  const report = (label: string, r: { latencies: number[]; wallMs: number }) =>
    console.log(
      `  ${label}: ${r.latencies.length} searches, concurrency ${CONCURRENCY}: p50 ${fmt(percentile(r.latencies, 50))} ms, p99 ${fmt(percentile(r.latencies, 99))} ms, ${fmt((r.latencies.length / r.wallMs) * 1000, 0)} searches/s`,
    );
  // Warm up connections and the query planner.
  await run(50, 4, (i) => searchOnce(routerUrl, queryFor(1_000_000 + i))());
  console.log(`search (searchFlights for route + local date + passengers, 20 per page):`);
  found = 0;
  const cold = await run(SEARCHES, CONCURRENCY, (i) => searchOnce(routerUrl, queryFor(i))());
  report('through the router, distinct queries (cache misses)', cold);
  const coldFound = found;
  const hot = await run(SEARCHES, CONCURRENCY, (i) => searchOnce(routerUrl, queryFor(i % 50))());
  report('through the router, 50 repeated queries (cache hits)', hot);
  const direct = await run(SEARCHES, CONCURRENCY, (i) => searchOnce(a.url, queryFor(SEARCHES + i))());
  report('inventory subgraph directly, distinct queries', direct);
  // Connecting itineraries (maxStops 1) are planned per request and not cached; measured apart so nonstop figures stay comparable.
  found = 0;
  const connectionSearches = Math.max(1, Math.floor(SEARCHES / 4));
  const connecting = await run(connectionSearches, CONCURRENCY, (i) => searchOnce(routerUrl, { ...queryFor(2 * SEARCHES + i), maxStops: 1 })());
  report('through the router, with connections (maxStops 1)', connecting);
  console.log(`  ${fmt(found / connectionSearches)} itineraries (nonstop and one-stop) per search with connections on average`);
  console.log(`  ${fmt(coldFound / SEARCHES)} flights matched per distinct search on average; failed requests ${failures}`);
  console.log(`  cache: ${a.server.services.flightSearchCache.hits} hits, ${a.server.services.flightSearchCache.misses} misses (${config.REDIS_URL ? 'Redis' : 'in-process LRU'})`);
} finally {
  await router?.stop();
  for (const server of servers.reverse()) await server.stop();
  for (const runtime of runtimes.reverse()) await runtime.close();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
