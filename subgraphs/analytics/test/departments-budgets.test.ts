import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type DomainEvent, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentBudgets, inbox } from '../src/db/schema.js';
import { createAnalyticsServer, type AnalyticsServer } from '../src/server.js';
import { event, knownStream, scrambled } from './fixtures.js';

const NOW = new Date('2026-03-11T10:00:00.000Z'); // a Wednesday; its ISO week ends Monday 2026-03-16 00:00 UTC.
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2027-01-01T00:00:00.000Z';

/** CO2e of the known stream's segments in grams, as hand-computed in reports.test.ts. */
const CO2 = { jfkLhrEconomy: 648_285, sfoNrtBusiness: 2_604_656, fraCdgPremium: 78_069, cdgFraEconomy: 48_795, lhrDubBusiness: 84_695 };

const BY_DEPARTMENT = `query ($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) { ... on Organization {
  analytics(from: $from, to: $to) { byDepartment { department bookings spend { amount currency } co2eGrams co2eKg distanceKm } } } } }`;
const BUDGETS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization {
  departmentBudgets { budget { department period amount { amount currency } } periodStart periodEnd spent { amount currency }
    utilization burnRatePerDay { amount currency } projectedSpend { amount currency } elapsedDays daysInPeriod } } } }`;
const SET_BUDGET = `mutation ($input: SetDepartmentBudgetInput!) { setDepartmentBudget(input: $input) {
  budget { department period amount { amount currency } updatedAt } errors { code field message } } }`;
const MOVEMENTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization {
  travelerMovements { departingToday { id } onTheRoad { id } returningThisWeek { id } } } } }`;

const usd = (amount: number) => ({ amount, currency: 'USD' });
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('analytics by department, department budgets and arrivals', () => {
  const config = testConfig();
  const clock = new ManualClock(NOW);
  let runtime: ProcessRuntime;
  let server: AnalyticsServer;
  let url: string;

  beforeAll(async () => {
    runtime = await createTestRuntime(config, clock);
    server = createAnalyticsServer(runtime);
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  async function deliver(events: DomainEvent[]): Promise<void> {
    for (const e of events) await runtime.bus.publish(streamOf(e.source), [e]);
    const ids = [...new Set(events.map((e) => e.id))];
    await eventually(
      async () => {
        const rows = await runtime.db.select({ id: inbox.eventId }).from(inbox).where(and(eq(inbox.handler, 'analytics'), inArray(inbox.eventId, ids)));
        return rows.length === ids.length ? true : undefined;
      },
      { what: 'analytics to handle the events' },
    );
  }

  const person = (orgId: string, ...roles: Role[]): Viewer => ({ personId: randomUUID(), orgId, roles });
  async function gql<T>(viewer: Viewer, query: string, variables: Record<string, unknown>) {
    return gqlRequest<T>(url, query, variables, await routerHeaders(config, viewer));
  }
  const org = (id: string) => [{ __typename: 'Organization', id }];

  /** The known stream, scrambled and with duplicates, plus an Engineering booking confirmed in March (EUR 4000). */
  async function seeded() {
    const orgId = randomUUID();
    const stream = knownStream(orgId);
    const marchId = randomUUID();
    const march = event('booking.confirmed', orgId, marchId, '2026-03-05T12:00:00.000Z', {
      bookingId: marchId,
      travelerId: stream.traveler.b,
      department: 'Engineering',
      amount: 4_000,
      currency: 'EUR',
      holdIds: [],
      segments: [{ kind: 'car', supplier: 'SIXT', origin: 'FRA', destination: 'FRA', cabin: null, departAt: '2026-04-02T08:00:00.000Z', arriveAt: '2026-04-03T08:00:00.000Z', amount: 4_000 }],
    });
    await deliver([...scrambled(stream), stream.events.b1, stream.events.b4Canceled, march, march]);
    return { orgId, stream };
  }

  it('splits confirmed spend and CO2e by the department booking snapshotted, counting duplicates once', async () => {
    const { orgId } = await seeded();
    const res = await gql<{ _entities: { analytics: { byDepartment: unknown[] } }[] }>(person(orgId, 'finance'), BY_DEPARTMENT, { r: org(orgId), from: FROM, to: TO });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]!.analytics.byDepartment).toEqual([
      // B3 EUR 30000 and the March car EUR 4000; B4 (USD 20000) was canceled.
      { department: 'Engineering', bookings: 2, spend: [eur(34_000)], co2eGrams: CO2.fraCdgPremium + CO2.cdgFraEconomy, co2eKg: 126.864, distanceKm: 894 },
      // B1 USD 100000 + B2 USD 50001.
      { department: 'Sales', bookings: 2, spend: [usd(150_001)], co2eGrams: 2 * CO2.jfkLhrEconomy + CO2.sfoNrtBusiness, co2eKg: 3901.226, distanceKm: 2 * 5539 + 8228 },
      // B5's traveler has no department; its XXX leg has no distance.
      { department: null, bookings: 1, spend: [usd(12_345)], co2eGrams: CO2.lhrDubBusiness, co2eKg: 84.695, distanceKm: 449 },
    ]);
  });

  it('lets only finance set a budget, validates it, and replaces it when set again', async () => {
    const orgId = randomUUID();
    const input = { department: 'Sales', period: 'MONTH', amount: usd(200_000) };
    for (const viewer of [person(orgId, 'traveler'), person(orgId, 'travel_admin')]) {
      const refused = await gql<{ setDepartmentBudget: unknown }>(viewer, SET_BUDGET, { input });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data).toBeNull();
    }
    const bad = await gql<{ setDepartmentBudget: { budget: null; errors: { code: string; field: string }[] } }>(person(orgId, 'finance'), SET_BUDGET, {
      input: { ...input, amount: { amount: -1, currency: 'USD' } },
    });
    expect(bad.data!.setDepartmentBudget).toMatchObject({ budget: null, errors: [{ code: 'VALIDATION_FAILED', field: 'amount.amount' }] });
    const blank = await gql<{ setDepartmentBudget: { errors: { code: string; field: string }[] } }>(person(orgId, 'finance'), SET_BUDGET, {
      input: { ...input, department: '  ' },
    });
    expect(blank.data!.setDepartmentBudget.errors).toMatchObject([{ code: 'VALIDATION_FAILED', field: 'department' }]);
    expect(await runtime.db.select().from(departmentBudgets).where(eq(departmentBudgets.orgId, orgId))).toEqual([]);

    const set = await gql<{ setDepartmentBudget: unknown }>(person(orgId, 'finance'), SET_BUDGET, { input });
    expect(set.data!.setDepartmentBudget).toEqual({ budget: { department: 'Sales', period: 'MONTH', amount: usd(200_000), updatedAt: NOW.toISOString() }, errors: [] });
    await gql(person(orgId, 'finance'), SET_BUDGET, { input: { ...input, amount: eur(150_000) } });
    const rows = await runtime.db.select().from(departmentBudgets).where(eq(departmentBudgets.orgId, orgId));
    expect(rows.map((r) => [r.department, r.period, r.amountMinor, r.currency])).toEqual([['Sales', 'month', 150_000, 'EUR']]);
  });

  it('measures each budget against the spend of its current period: utilization, burn rate and projection', async () => {
    const { orgId } = await seeded();
    const fin = person(orgId, 'finance');
    const budgets = [
      { department: 'Engineering', period: 'MONTH', amount: eur(10_000) },
      { department: 'Engineering', period: 'YEAR', amount: usd(50_000) },
      { department: 'Sales', period: 'YEAR', amount: usd(1_000_000) },
    ];
    for (const input of budgets) expect((await gql<{ setDepartmentBudget: { errors: unknown[] } }>(fin, SET_BUDGET, { input })).data!.setDepartmentBudget.errors).toEqual([]);

    const res = await gql<{ _entities: { departmentBudgets: unknown[] }[] }>(person(orgId, 'travel_admin'), BUDGETS, { r: org(orgId) });
    expect(res.errors).toBeUndefined();
    // March 2026: 31 days, 10 days 10 hours elapsed at NOW (900,000,000 ms). 2026: 365 days, 69 days 10 hours elapsed (5,997,600,000 ms).
    expect(res.data!._entities[0]!.departmentBudgets).toEqual([
      {
        budget: { department: 'Engineering', period: 'MONTH', amount: eur(10_000) },
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
        spent: eur(4_000), // the March car; B3 was confirmed in February
        utilization: 0.4,
        burnRatePerDay: eur(384), // 4000 x 86,400,000 / 900,000,000 = 384 exactly
        projectedSpend: eur(11_904), // 4000 x 2,678,400,000 / 900,000,000 = 11904 exactly
        elapsedDays: 900_000_000 / 86_400_000,
        daysInPeriod: 31,
      },
      {
        budget: { department: 'Engineering', period: 'YEAR', amount: usd(50_000) },
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2027-01-01T00:00:00.000Z',
        spent: usd(0), // B4 was USD but canceled; EUR spend does not count against a USD budget
        utilization: 0,
        burnRatePerDay: usd(0),
        projectedSpend: usd(0),
        elapsedDays: 5_997_600_000 / 86_400_000,
        daysInPeriod: 365,
      },
      {
        budget: { department: 'Sales', period: 'YEAR', amount: usd(1_000_000) },
        periodStart: '2026-01-01T00:00:00.000Z',
        periodEnd: '2027-01-01T00:00:00.000Z',
        spent: usd(150_001),
        utilization: 0.150001,
        burnRatePerDay: usd(2_161), // 150001 x 86,400,000 / 5,997,600,000 = 2160.8788 -> 2161
        projectedSpend: usd(788_721), // 150001 x 31,536,000,000 / 5,997,600,000 = 788720.744 -> 788721
        elapsedDays: 5_997_600_000 / 86_400_000,
        daysInPeriod: 365,
      },
    ]);

    const traveler = await gql<{ _entities: { departmentBudgets: unknown }[] }>(person(orgId, 'traveler'), BUDGETS, { r: org(orgId) });
    expect(traveler.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await gql<{ _entities: { departmentBudgets: unknown }[] }>(person(randomUUID(), 'finance'), BUDGETS, { r: org(orgId) });
    expect(stranger.data!._entities[0]!.departmentBudgets).toBeNull();
  });

  it('still projects confirms logged before departments and segment prices existed: whole-booking supplier spend, no department', async () => {
    const orgId = randomUUID();
    const bookingId = randomUUID();
    // The payload as booking published it before this change; the type no longer allows it, the log still holds it.
    const legacy = {
      ...event('booking.confirmed', orgId, bookingId, '2026-02-01T00:00:00.000Z', {
        bookingId,
        travelerId: randomUUID(),
        department: null,
        amount: 9_999,
        currency: 'USD',
        holdIds: [],
        segments: [],
      }),
      payload: {
        bookingId,
        travelerId: randomUUID(),
        amount: 9_999,
        currency: 'USD',
        holdIds: [],
        segments: [{ kind: 'flight', supplier: 'BA', origin: 'LHR', destination: 'JFK', cabin: 'economy', departAt: '2026-03-01T10:00:00.000Z' }],
      },
    } as unknown as DomainEvent<'booking.confirmed'>;
    await deliver([legacy]);
    const res = await gql<{ _entities: { analytics: { byDepartment: unknown[]; spendBySupplier: unknown[] } }[] }>(
      person(orgId, 'finance'),
      `query ($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) { ... on Organization {
        analytics(from: $from, to: $to) { byDepartment { department spend { amount currency } } spendBySupplier { key spend { amount currency } } } } } }`,
      { r: org(orgId), from: FROM, to: TO },
    );
    expect(res.data!._entities[0]!.analytics).toEqual({
      byDepartment: [{ department: null, spend: [usd(9_999)] }],
      spendBySupplier: [{ key: 'BA', spend: [usd(9_999)] }],
    });
  });

  it('keeps a traveler on the road until their last segment arrives, and returning only when it ends this week', async () => {
    const orgId = randomUUID();
    const landing = randomUUID();
    const lateReturn = randomUUID();
    const confirm = (travelerId: string, segments: { departAt: string; arriveAt: string }[]) => {
      const bookingId = randomUUID();
      return event('booking.confirmed', orgId, bookingId, '2026-03-01T00:00:00.000Z', {
        bookingId,
        travelerId,
        department: null,
        amount: 1_000 * segments.length,
        currency: 'USD',
        holdIds: [],
        segments: segments.map((s) => ({ kind: 'flight', supplier: 'BA', origin: 'LHR', destination: 'JFK', cabin: 'economy', ...s, amount: 1_000 })),
      });
    };
    await deliver([
      // Departed an hour ago, lands in five hours: the last departure is past, the trip is not over.
      confirm(landing, [{ departAt: '2026-03-11T09:00:00.000Z', arriveAt: '2026-03-11T15:00:00.000Z' }]),
      // The return leg departs Sunday night but lands Monday, after this ISO week.
      confirm(lateReturn, [
        { departAt: '2026-03-09T08:00:00.000Z', arriveAt: '2026-03-09T16:00:00.000Z' },
        { departAt: '2026-03-15T22:00:00.000Z', arriveAt: '2026-03-16T06:00:00.000Z' },
      ]),
    ]);
    const res = await gql<{ _entities: { travelerMovements: unknown }[] }>(person(orgId, 'finance'), MOVEMENTS, { r: org(orgId) });
    expect(res.data!._entities[0]!.travelerMovements).toEqual({
      departingToday: [{ id: landing }],
      onTheRoad: [landing, lateReturn].sort().map((id) => ({ id })),
      returningThisWeek: [],
    });
  });
});
