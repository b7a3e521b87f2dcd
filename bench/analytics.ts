/**
 * Analytics benchmark: `DATABASE_URL=postgres://... [REDIS_URL=redis://...] npx tsx bench/analytics.ts`
 *
 * 1. Generates a year (2025) of history for one organization with 100,000
 *    bookings (200,000 flight segments, 100,000 evaluations, payments and
 *    holds) as projection rows, in bulk SQL: replaying 100,000 events one
 *    transaction each would take longer than the bench's time budget.
 * 2. Dashboard latency: `adminDashboard` over the year through the router
 *    (the whole supergraph started in this process), 5 warm-ups then 30
 *    sequential requests; plus the full Organization.analytics query sent
 *    to the analytics subgraph directly (the router would need a customer
 *    person row to reach it through `viewer`).
 * 3. Projection lag under load: 1,000 booking.confirmed events (two flight
 *    segments each) published at a steady 50 events/s; lag per event is the
 *    inbox row's handled_at (committed in the projection's transaction) minus
 *    its publish time, both on this host's clock; analytics runs alone for
 *    this part (see below). Meaningful with REDIS_URL;
 *    with the in-process bus, publish returns after the handler ran.
 * 4. The year's bookings CSV streamed through the router's /reports proxy.
 * Every request signs its own token or identity statement (they live 60 s;
 * a long run must not measure refusals). Sizes default to the issue's
 * figures; ANALYTICS_BENCH_BOOKINGS and ANALYTICS_BENCH_LAG_EVENTS shrink
 * them to prove the bench runs.
 * Bounded: one organization, fixed counts, loopback only.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { signAccessToken, streamOf, type DomainEvent, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { startStack } from '@travel/stack/src/stack.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { inbox } from '../subgraphs/analytics/src/db/schema.js';
import { createAnalyticsServer, type AnalyticsServer } from '@travel/analytics';

const BOOKINGS = Number(process.env['ANALYTICS_BENCH_BOOKINGS'] ?? 100_000);
const TRAVELERS = 500;
/** Sustained load for the lag figure: 50 events/s for 20 s, sent as 5 events every 100 ms. */
const LAG_EVENTS = Number(process.env['ANALYTICS_BENCH_LAG_EVENTS'] ?? 1_000);
const LAG_BATCH = 5;
const LAG_TICK_MS = 100;
const RUNS = BOOKINGS < 100_000 ? 3 : 20;

const FROM = '2025-01-01T00:00:00.000Z';
const TO = '2026-01-01T00:00:00.000Z';
const HUBS = ['JFK', 'BOS', 'ORD', 'SFO', 'LAX', 'SEA', 'ATL', 'DFW', 'YYZ', 'MEX', 'LHR', 'CDG', 'FRA', 'AMS', 'MAD', 'ZRH', 'DUB', 'CPH', 'DXB', 'SIN', 'HKG', 'NRT', 'SYD', 'BOM', 'GRU', 'JNB'];

const DASHBOARD = `query ($from: DateTime!, $to: DateTime!) { adminDashboard(from: $from, to: $to) {
  totalSpend { amount currency } confirmedBookings averageTripCost { amount currency } complianceRate policyViolations co2eKg
  flightsWithoutDistance topDestinations { destination bookings } bookingsByCabin { cabin segments }
  funnel { searches holds holdsConverted bookingsConfirmed paymentsAuthorized paymentsFailed searchToHoldRate } } }`;
const FULL = `query ($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) { ... on Organization {
  analytics(from: $from, to: $to) {
    spendByPeriod(period: MONTH) { periodStart total { amount currency } count }
    spendByTraveler { traveler { id } total { amount currency } }
    spendBySupplier { key bookings spend { amount currency } }
    topDestinations(first: 10) { destination bookings }
    emissions { co2eKg byPeriod { periodStart co2eGrams } }
    compliance { rate } funnel { holds paymentsAuthorized } revenue(period: MONTH) { total { amount currency } }
    refunds(period: MONTH) { total { amount currency } } funnelByPeriod(period: WEEK) { periodStart searchToPaidRate }
    savings { total { amount currency } byDepartment { department savings { amount currency } } }
    executiveSummary { confirmedBookings } } } } }`;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
}

async function seed(runtime: ProcessRuntime, orgId: string): Promise<void> {
  const hubs = sql.raw(`array[${HUBS.map((h) => `'${h}'`).join(',')}]`);
  const db = runtime.db;
  // A booking every 315.36 s spreads 100,000 over 2025; every 20th canceled, every 10th in EUR.
  await db.execute(sql`
    insert into analytics.booking_facts (booking_id, org_id, traveler_id, amount_minor, currency, status, confirmed_at, canceled_at, last_event_at,
      first_depart_at, last_depart_at, destination, segment_count, co2e_grams, distance_km, flight_count, flights_without_distance,
      economy_segments, premium_economy_segments, business_segments, first_segments)
    select gen_random_uuid(), ${orgId}::uuid,
      ('00000000-0000-4000-8000-' || lpad(to_hex(i % ${TRAVELERS}), 12, '0'))::uuid,
      20000 + (i * 7919) % 300000, case when i % 10 = 0 then 'EUR' else 'USD' end,
      case when i % 20 = 0 then 'canceled' else 'confirmed' end,
      t, case when i % 20 = 0 then t + interval '1 day' end, case when i % 20 = 0 then t + interval '1 day' else t end,
      t + interval '14 days', t + interval '18 days', (${hubs})[1 + i % 26], 2, 400000 + (i * 37) % 900000, 2000 + (i * 13) % 9000, 2, 0,
      case when i % 5 < 3 then 2 else 0 end, case when i % 5 = 3 then 2 else 0 end, case when i % 5 = 4 then 2 else 0 end, 0
    from generate_series(1, ${BOOKINGS}) i, lateral (select timestamptz '2025-01-01' + (i * 315.36) * interval '1 second' as t) x`);
  await db.execute(sql`
    insert into analytics.segment_facts (booking_id, position, org_id, traveler_id, kind, supplier, origin, destination, cabin, depart_at, distance_km, haul, co2e_grams)
    select f.booking_id, p, f.org_id, f.traveler_id, 'flight', (array['BA','AA','LH','AF','JL'])[1 + (abs(hashtext(f.booking_id::text)) + p) % 5],
      case when p = 0 then 'JFK' else f.destination end, case when p = 0 then f.destination else 'JFK' end,
      case when f.economy_segments > 0 then 'economy' when f.premium_economy_segments > 0 then 'premium_economy' else 'business' end,
      case when p = 0 then f.first_depart_at else f.last_depart_at end, f.distance_km / 2, 'international', f.co2e_grams / 2
    from analytics.booking_facts f, generate_series(0, 1) p where f.org_id = ${orgId}::uuid`);
  await db.execute(sql`
    insert into analytics.policy_facts (booking_id, org_id, evaluation_id, result, evaluated_at)
    select booking_id, org_id, gen_random_uuid(),
      case when abs(hashtext(booking_id::text)) % 10 < 8 then 'COMPLIANT' when abs(hashtext(booking_id::text)) % 10 = 8 then 'SOFT_WARNING' else 'HARD_STOP' end,
      confirmed_at - interval '1 hour'
    from analytics.booking_facts where org_id = ${orgId}::uuid`);
  await db.execute(sql`
    insert into analytics.payment_facts (payment_id, org_id, booking_id, amount_minor, currency, authorized_at)
    select gen_random_uuid(), org_id, booking_id, amount_minor, currency, confirmed_at - interval '1 minute'
    from analytics.booking_facts where org_id = ${orgId}::uuid`);
  await db.execute(sql`
    insert into analytics.hold_facts (hold_id, org_id, created_at, converted_at, booking_id)
    select gen_random_uuid(), org_id, confirmed_at - interval '2 hours', confirmed_at, booking_id
    from analytics.booking_facts where org_id = ${orgId}::uuid`);
  await db.execute(sql`
    insert into analytics.hold_facts (hold_id, org_id, created_at, released_at)
    select gen_random_uuid(), ${orgId}::uuid, timestamptz '2025-01-01' + (i * 1576.8) * interval '1 second', timestamptz '2025-01-01' + (i * 1576.8 + 900) * interval '1 second'
    from generate_series(1, ${BOOKINGS / 5}) i`);
  // Every canceled booking refunded 80% a week later; its fee stays in the spend.
  await db.execute(sql`
    insert into analytics.booking_adjustments (adjustment_id, org_id, booking_id, kind, amount_minor, currency, occurred_at)
    select 'refund:' || gen_random_uuid(), org_id, booking_id, 'refund', amount_minor * 4 / 5, currency, canceled_at + interval '7 days'
    from analytics.booking_facts where org_id = ${orgId}::uuid and status = 'canceled'`);
  await db.execute(sql`
    update analytics.booking_facts
    set refunded_minor = case when status = 'canceled' then amount_minor * 4 / 5 else 0 end,
      department = (array['Sales','Engineering','Finance','Operations'])[1 + abs(hashtext(traveler_id::text)) % 4]
    where org_id = ${orgId}::uuid`);
  // Search batches every 5 minutes, ten searches per route on three routes.
  await db.execute(sql`
    insert into analytics.search_facts (event_id, position, org_id, origin, destination, searches, occurred_at)
    select gen_random_uuid(), p, ${orgId}::uuid, 'JFK', (${hubs})[1 + (i + p) % 26], 10, timestamptz '2025-01-01' + i * interval '5 minutes'
    from generate_series(1, 105120) i, generate_series(0, 2) p where i <= ${BOOKINGS}`);
  await db.execute(sql`
    insert into analytics.benchmark_fares (org_id, origin, destination, cabin, amount_minor, currency, updated_at, updated_by_id)
    select ${orgId}::uuid, 'JFK', h, c, 150000, 'USD', now(), gen_random_uuid() from unnest(${hubs}) h, unnest(array['economy','premium_economy','business']) c where h <> 'JFK'`);
  await db.execute(sql`analyze analytics.booking_facts`);
  await db.execute(sql`analyze analytics.segment_facts`);
}

async function measure(label: string, run: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  console.log(`${label}: ${stats(times)}`);
}

async function projectionLag(runtime: ProcessRuntime): Promise<void> {
  const orgId = randomUUID();
  const events: DomainEvent<'booking.confirmed'>[] = Array.from({ length: LAG_EVENTS }, (_, i) => {
    const bookingId = randomUUID();
    return {
      id: randomUUID(),
      type: 'booking.confirmed',
      source: 'booking',
      orgId,
      aggregateId: bookingId,
      occurredAt: new Date().toISOString(),
      payload: {
        bookingId,
        travelerId: randomUUID(),
        department: null,
        amount: 10_000 + i,
        currency: 'USD',
        holdIds: [],
        segments: [
          { kind: 'flight', supplier: 'BA', origin: 'JFK', destination: 'LHR', cabin: 'economy', departAt: '2026-06-01T10:00:00.000Z', arriveAt: '2026-06-01T17:00:00.000Z', amount: 5_000 },
          { kind: 'flight', supplier: 'BA', origin: 'LHR', destination: 'JFK', cabin: 'economy', departAt: '2026-06-05T10:00:00.000Z', arriveAt: '2026-06-05T18:00:00.000Z', amount: 5_000 + i },
        ],
      },
    };
  });
  const publishedAt = new Map<string, number>();
  const t0 = Date.now();
  for (let i = 0; i < events.length; i += LAG_BATCH) {
    const batch = events.slice(i, i + LAG_BATCH);
    const due = t0 + (i / LAG_BATCH) * LAG_TICK_MS;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const at = Date.now();
    for (const e of batch) publishedAt.set(e.id, at);
    await runtime.bus.publish(streamOf('booking'), batch);
  }
  const ids = events.map((e) => e.id);
  const deadline = Date.now() + 90_000;
  let handled: { eventId: string; handledAt: Date }[] = [];
  while (Date.now() < deadline) {
    handled = await runtime.db
      .select({ eventId: inbox.eventId, handledAt: inbox.handledAt })
      .from(inbox)
      .where(and(eq(inbox.handler, 'analytics'), inArray(inbox.eventId, ids)));
    if (handled.length === ids.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const lags = handled.map((h) => h.handledAt.getTime() - publishedAt.get(h.eventId)!);
  const last = Math.max(...handled.map((h) => h.handledAt.getTime()));
  console.log(
    `projection lag at ${(1000 / LAG_TICK_MS) * LAG_BATCH} events/s offered (${runtime.config.REDIS_URL ? 'Redis streams' : 'in-process bus'}), ` +
      `${handled.length}/${LAG_EVENTS} handled: ${stats(lags)}; achieved ${((handled.length / Math.max(1, last - t0)) * 1000).toFixed(0)} events/s`,
  );
}

async function main(): Promise<void> {
  const base = testConfig({ LOG_LEVEL: 'error' });
  if (!base.DATABASE_URL) console.log('DATABASE_URL is not set: running on in-memory PGlite (figures not representative).');
  const runtime = await createTestRuntime(base);
  const orgId = randomUUID();
  const viewer = { personId: randomUUID(), orgId, roles: ['finance' as const] };
  let stop: () => Promise<void>;
  let routerUrl: string | null = null;
  let analyticsUrl: string;
  let analytics: AnalyticsServer;
  try {
    const stack = await startStack(runtime);
    routerUrl = stack.routerUrl;
    analytics = stack.servers.analytics as AnalyticsServer;
    analyticsUrl = analytics.url;
    stop = () => stack.stop();
  } catch (error) {
    console.log(`the supergraph did not start (${(error as Error).message}); measuring the analytics subgraph directly`);
    analytics = createAnalyticsServer(runtime);
    analyticsUrl = await analytics.start(0);
    runtime.openBus();
    stop = () => analytics.stop();
  }
  try {
    const t0 = performance.now();
    await seed(runtime, orgId);
    console.log(`seeded ${BOOKINGS} bookings (2025) for one organization in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const summary = await analytics.services.reports.executiveSummary(orgId, { from: new Date(FROM), to: new Date(TO) });
    console.log(`check: confirmed ${summary.confirmedBookings}, spend ${summary.totalSpend.map((m) => `${m.amount} ${m.currency}`).join(' + ')}, compliance ${summary.complianceRate?.toFixed(4)}, ${summary.co2eKg} kg CO2e`);

    const bearer = async () => ({ authorization: `Bearer ${await signAccessToken(viewer, runtime.config.JWT_SECRET, 60)}` });
    /** One request with freshly signed credentials; an error answer fails the bench rather than being timed. */
    const checked = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const res = await gqlRequest(url, query, variables, headers);
      if (res.errors) throw new Error(`query failed: ${JSON.stringify(res.errors)}`);
    };
    if (routerUrl) {
      await measure('adminDashboard through the router', async () => checked(routerUrl!, DASHBOARD, { from: FROM, to: TO }, await bearer()));
    }
    await measure('adminDashboard on the analytics subgraph', async () => checked(analyticsUrl, DASHBOARD, { from: FROM, to: TO }, await routerHeaders(runtime.config, viewer)));
    await measure('full Organization.analytics (every report) on the analytics subgraph', async () =>
      checked(analyticsUrl, FULL, { r: [{ __typename: 'Organization', id: orgId }], from: FROM, to: TO }, await routerHeaders(runtime.config, viewer)),
    );
    if (routerUrl) {
      const t1 = performance.now();
      const res = await fetch(`${new URL(routerUrl).origin}/reports/bookings.csv?from=${FROM}&to=${TO}`, { headers: await bearer() });
      if (res.status !== 200) throw new Error(`bookings.csv through the router answered ${res.status}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body!) {
        bytes += (chunk as Uint8Array).length;
        for (const byte of chunk as Uint8Array) if (byte === 10) lines += 1;
      }
      console.log(`bookings.csv of the year through the router: ${lines - 1} rows, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t1) / 1000).toFixed(2)} s`);
    }

  } finally {
    await stop();
    await runtime.close();
  }

  // Lag is measured on analytics alone: with the whole stack, the other consumers of booking.confirmed
  // (inventory converting holds that these synthetic bookings do not have) would compete for the same two cores.
  const lagRuntime = await createTestRuntime(base);
  const lagServer = createAnalyticsServer(lagRuntime);
  await lagServer.start(0);
  lagRuntime.openBus();
  try {
    await projectionLag(lagRuntime);
  } finally {
    await lagServer.stop();
    await lagRuntime.close();
  }
}

await main();
process.exit(0);
