import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type DomainEvent, type ProcessRuntime, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingFacts, eventLog, inbox } from '../src/db/schema.js';
import { createAnalyticsServer, type AnalyticsServer } from '../src/server.js';
import { event, knownStream, scrambled, type KnownStream } from './fixtures.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2027-01-01T00:00:00.000Z';
const NOW = new Date('2026-03-11T10:00:00.000Z'); // a Wednesday; its ISO week runs Mon 03-09 to Mon 03-16.

const ANALYTICS = `query ($representations: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $representations) {
    ... on Organization {
      id
      analytics(from: $from, to: $to) {
        from to
        byDay: spendByPeriod(period: DAY) { periodStart count total { amount currency } }
        byWeek: spendByPeriod(period: WEEK) { periodStart count total { amount currency } }
        byMonth: spendByPeriod(period: MONTH) { periodStart count total { amount currency } }
        byYear: spendByPeriod(period: YEAR) { periodStart count total { amount currency } }
        spendByTraveler { traveler { id } bookings total { amount currency } }
        spendBySupplier { key bookings segments spend { amount currency } }
        spendBySegmentKind { key bookings segments spend { amount currency } }
        averageTripCost { amount currency }
        bookingsByCabin { cabin segments bookings }
        topDestinations(first: 2) { destination bookings travelers }
        emissions(period: MONTH) { co2eGrams co2eKg distanceKm flights flightsWithoutDistance unknownAirports byPeriod { periodStart co2eGrams distanceKm } source }
        compliance { evaluated compliant softWarnings hardStops violations rate }
        funnel { searches holds holdsConverted bookingsConfirmed paymentsAuthorized paymentsFailed holdToBookingRate paymentSuccessRate }
        revenue(period: MONTH) { periodStart count total { amount currency } }
      }
      travelerMovements { departingToday { id } onTheRoad { id } returningThisWeek { id } }
    }
  }
}`;

const SUMMARY_FIELDS = `from to totalSpend { amount currency } confirmedBookings averageTripCost { amount currency } complianceRate policyViolations
  co2eKg flightsWithoutDistance topDestinations { destination bookings travelers } bookingsByCabin { cabin segments bookings }
  funnel { searches holds holdsConverted bookingsConfirmed paymentsAuthorized paymentsFailed holdToBookingRate paymentSuccessRate }`;
const DASHBOARD = `query ($from: DateTime!, $to: DateTime!) { adminDashboard(from: $from, to: $to) { ${SUMMARY_FIELDS} } }`;

interface Money {
  amount: number;
  currency: string;
}
const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

/** CO2e per segment, by hand: great-circle km (haversine, whole km) x DESNZ 2024 with-RF factor, in grams rounded half up. */
const CO2 = {
  jfkLhrEconomy: 648_285, // 5539 km, long-haul to/from UK economy 0.11704 kg/pkm: 648.28456 kg
  sfoNrtBusiness: 2_604_656, // 8228 km, international non-UK business 0.31656: 2604.65568 kg
  fraCdgPremium: 78_069, // 447 km, international premium economy 0.17465: 78.06855 kg
  cdgFraEconomy: 48_795, // 447 km, international economy 0.10916: 48.79452 kg
  lhrDubBusiness: 84_695, // 449 km, short-haul to/from UK business 0.18863: 84.69487 kg
};
const B1_CO2 = 2 * CO2.jfkLhrEconomy;
const B3_CO2 = CO2.fraCdgPremium + CO2.cdgFraEconomy;
const TOTAL_CO2 = B1_CO2 + CO2.sfoNrtBusiness + B3_CO2 + CO2.lhrDubBusiness; // 4_112_785 g

/** The executive summary the known stream must give, whatever order or multiplicity it arrives in. */
const EXPECTED_SUMMARY = {
  from: FROM,
  to: TO,
  // USD: B1 100000 + B2 50001 + B5 12345 = 162346 (B4 canceled); EUR: B3 30000.
  totalSpend: [eur(30_000), usd(162_346)],
  confirmedBookings: 4,
  // USD 162346 / 3 = 54115.33 -> 54115; EUR 30000 / 1.
  averageTripCost: [eur(30_000), usd(54_115)],
  // Latest evaluation per booking: B1 compliant, B2 compliant (warning superseded), B3 hard stop, B4 compliant: 3 / 4.
  complianceRate: 0.75,
  policyViolations: 1,
  co2eKg: TOTAL_CO2 / 1000,
  flightsWithoutDistance: 1,
  // First-segment destinations: B1 LHR, B2 NRT, B3 CDG, B5 LHR.
  topDestinations: [
    { destination: 'LHR', bookings: 2, travelers: 2 },
    { destination: 'CDG', bookings: 1, travelers: 1 },
    { destination: 'NRT', bookings: 1, travelers: 1 },
  ],
  bookingsByCabin: [
    { cabin: 'BUSINESS', segments: 2, bookings: 2 }, // SFO-NRT, LHR-DUB
    { cabin: 'ECONOMY', segments: 4, bookings: 3 }, // JFK-LHR, LHR-JFK, CDG-FRA, XXX-LHR
    { cabin: 'PREMIUM_ECONOMY', segments: 1, bookings: 1 }, // FRA-CDG
  ],
  funnel: {
    searches: 0, // the known stream carries no search batch (see refunds-changes-searches.test.ts)
    holds: 5,
    holdsConverted: 3,
    bookingsConfirmed: 5,
    paymentsAuthorized: 5,
    paymentsFailed: 1,
    holdToBookingRate: 0.6,
    paymentSuccessRate: 5 / 6,
  },
};

describe('analytics reports from a known event stream', () => {
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

  /** Publishes each batch on its producers' streams, in order; waits until analytics has handled every event. */
  async function deliver(...batches: DomainEvent[][]): Promise<void> {
    for (const batch of batches) {
      for (const event of batch) await runtime.bus.publish(streamOf(event.source), [event]);
    }
    const ids = [...new Set(batches.flat().map((e) => e.id))];
    await eventually(
      async () => {
        const rows = await runtime.db
          .select({ eventId: inbox.eventId })
          .from(inbox)
          .where(and(eq(inbox.handler, 'analytics'), inArray(inbox.eventId, ids)));
        return rows.length === ids.length ? true : undefined;
      },
      { what: 'analytics to handle the events' },
    );
  }

  const finance = (orgId: string): Viewer => ({ personId: randomUUID(), orgId, roles: ['finance'] });

  async function analyticsOf(orgId: string, viewer: Viewer = finance(orgId)) {
    const res = await gqlRequest<{ _entities: Record<string, unknown>[] }>(
      url,
      ANALYTICS,
      { representations: [{ __typename: 'Organization', id: orgId }], from: FROM, to: TO },
      await routerHeaders(config, viewer),
    );
    return res;
  }

  async function dashboard(viewer: Viewer) {
    return gqlRequest<{ adminDashboard: typeof EXPECTED_SUMMARY }>(url, DASHBOARD, { from: FROM, to: TO }, await routerHeaders(config, viewer));
  }

  async function seeded(): Promise<{ org: string; stream: KnownStream }> {
    const org = randomUUID();
    const stream = knownStream(org);
    const e = stream.events;
    // Duplicates (same event id) in one batch and across batches, and the scrambled order.
    await deliver(scrambled(stream), [e.b1, e.p1, e.b4Canceled], [e.b1, e.h1Converted]);
    return { org, stream };
  }

  it('computes every figure of the stream by hand, counting duplicates once and ignoring arrival order', async () => {
    const { org, stream } = await seeded();
    const { traveler: t } = stream;
    const res = await analyticsOf(org);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]).toEqual({
      id: org,
      analytics: {
        from: FROM,
        to: TO,
        byDay: [
          { periodStart: '2026-01-05T00:00:00.000Z', count: 1, total: usd(100_000) },
          { periodStart: '2026-01-11T00:00:00.000Z', count: 1, total: usd(50_001) },
          { periodStart: '2026-02-01T00:00:00.000Z', count: 1, total: eur(30_000) },
          { periodStart: '2026-03-02T00:00:00.000Z', count: 1, total: usd(12_345) },
        ],
        // 2026-01-05 is a Monday and 01-11 the Sunday of that ISO week; 02-01 is a Sunday (week of Mon 01-26).
        byWeek: [
          { periodStart: '2026-01-05T00:00:00.000Z', count: 2, total: usd(150_001) },
          { periodStart: '2026-01-26T00:00:00.000Z', count: 1, total: eur(30_000) },
          { periodStart: '2026-03-02T00:00:00.000Z', count: 1, total: usd(12_345) },
        ],
        byMonth: [
          { periodStart: '2026-01-01T00:00:00.000Z', count: 2, total: usd(150_001) },
          { periodStart: '2026-02-01T00:00:00.000Z', count: 1, total: eur(30_000) },
          { periodStart: '2026-03-01T00:00:00.000Z', count: 1, total: usd(12_345) },
        ],
        byYear: [
          { periodStart: '2026-01-01T00:00:00.000Z', count: 1, total: eur(30_000) },
          { periodStart: '2026-01-01T00:00:00.000Z', count: 3, total: usd(162_346) },
        ],
        spendByTraveler: [
          { traveler: { id: t.a }, bookings: 2, total: usd(150_001) },
          { traveler: { id: t.b }, bookings: 1, total: eur(30_000) },
          { traveler: { id: t.c }, bookings: 1, total: usd(12_345) },
        ],
        // Only single-supplier bookings carry spend: B1 (BA) and B2 (JL); B3 mixes LH/HILTON/AF, B5 mixes ZZ/EI.
        // Exact per-segment prices of the confirmed, not canceled bookings (B4's AA segment is out).
        spendBySupplier: [
          { key: 'BA', bookings: 1, segments: 2, spend: [usd(100_000)] },
          { key: 'AF', bookings: 1, segments: 1, spend: [eur(8_000)] },
          { key: 'EI', bookings: 1, segments: 1, spend: [usd(7_345)] },
          { key: 'HILTON', bookings: 1, segments: 1, spend: [eur(10_000)] },
          { key: 'JL', bookings: 1, segments: 1, spend: [usd(50_001)] },
          { key: 'LH', bookings: 1, segments: 1, spend: [eur(12_000)] },
          { key: 'ZZ', bookings: 1, segments: 1, spend: [usd(5_000)] },
        ],
        // Flights: USD 100000 + 50001 + 5000 + 7345 = 162346, EUR 12000 + 8000 = 20000; the hotel EUR 10000.
        spendBySegmentKind: [
          { key: 'flight', bookings: 4, segments: 7, spend: [eur(20_000), usd(162_346)] },
          { key: 'hotel', bookings: 1, segments: 1, spend: [eur(10_000)] },
        ],
        averageTripCost: EXPECTED_SUMMARY.averageTripCost,
        bookingsByCabin: EXPECTED_SUMMARY.bookingsByCabin,
        topDestinations: EXPECTED_SUMMARY.topDestinations.slice(0, 2),
        emissions: {
          co2eGrams: TOTAL_CO2,
          co2eKg: 4112.785,
          distanceKm: 2 * 5539 + 8228 + 447 + 447 + 449,
          flights: 7,
          flightsWithoutDistance: 1,
          unknownAirports: ['XXX'],
          byPeriod: [
            { periodStart: '2026-01-01T00:00:00.000Z', co2eGrams: B1_CO2 + CO2.sfoNrtBusiness, distanceKm: 2 * 5539 + 8228 },
            { periodStart: '2026-02-01T00:00:00.000Z', co2eGrams: B3_CO2, distanceKm: 894 },
            { periodStart: '2026-03-01T00:00:00.000Z', co2eGrams: CO2.lhrDubBusiness, distanceKm: 449 },
          ],
          source: 'UK DESNZ GHG Conversion Factors 2024, Business travel- air, with RF (kg CO2e per passenger.km)',
        },
        compliance: { evaluated: 4, compliant: 3, softWarnings: 0, hardStops: 1, violations: 1, rate: 0.75 },
        funnel: EXPECTED_SUMMARY.funnel,
        // Gross authorized payments by month of authorization (B4's is kept: no refund event exists).
        revenue: [
          { periodStart: '2026-01-01T00:00:00.000Z', count: 1, total: eur(30_000) },
          { periodStart: '2026-01-01T00:00:00.000Z', count: 2, total: usd(150_001) },
          { periodStart: '2026-02-01T00:00:00.000Z', count: 1, total: usd(20_000) },
          { periodStart: '2026-03-01T00:00:00.000Z', count: 1, total: usd(12_345) },
        ],
      },
      // At Wed 2026-03-11 10:00Z: B3 (08:00) and B5 (05:00) depart today; B1, B3, B5 are between first and last departure;
      // B1 (03-14) and B3 (03-13) return before Mon 03-16, B5 (03-20) does not; B2 is one-way and leaves tomorrow.
      travelerMovements: {
        departingToday: [{ id: t.b }, { id: t.c }].sort((x, y) => (x.id < y.id ? -1 : 1)),
        onTheRoad: [{ id: t.a }, { id: t.b }, { id: t.c }].sort((x, y) => (x.id < y.id ? -1 : 1)),
        returningThisWeek: [{ id: t.a }, { id: t.b }].sort((x, y) => (x.id < y.id ? -1 : 1)),
      },
    });

    const summary = await dashboard(finance(org));
    expect(summary.errors).toBeUndefined();
    expect(summary.data!.adminDashboard).toEqual(EXPECTED_SUMMARY);
  });

  it('stores every consumed event once in the log, as received', async () => {
    const { org, stream } = await seeded();
    const rows = await runtime.db.select().from(eventLog).where(eq(eventLog.orgId, org));
    const sent = Object.values(stream.events);
    expect(rows).toHaveLength(sent.length);
    const b1 = rows.find((r) => r.eventId === stream.events.b1.id)!;
    expect(b1).toMatchObject({ type: 'booking.confirmed', source: 'booking', aggregateId: stream.booking.b1, payload: stream.events.b1.payload });
    expect(new Date(b1.occurredAt).toISOString()).toBe(stream.events.b1.occurredAt);
  });

  it('rebuilds every projection from the log to identical figures, even after the projections were damaged', async () => {
    const { org, stream } = await seeded();
    const before = await analyticsOf(org);
    const beforeSummary = await dashboard(finance(org));
    // Damage a projected row; only the log can restore it.
    await runtime.db.update(bookingFacts).set({ amountMinor: 1, co2eGrams: 0 }).where(eq(bookingFacts.bookingId, stream.booking.b1));
    expect((await dashboard(finance(org))).data!.adminDashboard.totalSpend).toEqual([eur(30_000), usd(62_347)]);

    expect(await server.services.rebuild(org)).toBe(Object.keys(stream.events).length);
    const after = await analyticsOf(org);
    expect(after).toEqual(before);
    expect((await dashboard(finance(org))).data).toEqual(beforeSummary.data);
    expect(beforeSummary.data!.adminDashboard).toEqual(EXPECTED_SUMMARY);
  });

  it('counts an event that arrives during a rebuild exactly once', async () => {
    const { org, stream } = await seeded();
    const bookingId = randomUUID();
    const late = event('booking.confirmed', org, bookingId, '2026-04-01T00:00:00.000Z', {
      bookingId,
      travelerId: stream.traveler.c,
      department: null,
      amount: 1_000,
      currency: 'USD',
      holdIds: [],
      segments: [],
    });
    const [replayed] = await Promise.all([server.services.rebuild(org), deliver([late])]);
    // The rebuild either replayed the late event from the log or ran before it was logged; either way it counts once.
    expect([26, 27]).toContain(replayed);
    const summary = (await dashboard(finance(org))).data!.adminDashboard;
    expect(summary.totalSpend).toEqual([eur(30_000), usd(163_346)]);
    expect(summary.confirmedBookings).toBe(5);
  });

  it('gives the same summary whether the stream arrives in order, scrambled, or reversed', async () => {
    const inOrder = randomUUID();
    const reversed = randomUUID();
    const a = knownStream(inOrder);
    const b = knownStream(reversed);
    const byTime = (events: DomainEvent[]) => [...events].sort((x, y) => x.occurredAt.localeCompare(y.occurredAt));
    await deliver(byTime(Object.values(a.events)));
    await deliver(byTime(Object.values(b.events)).reverse());
    expect((await dashboard(finance(inOrder))).data!.adminDashboard).toEqual(EXPECTED_SUMMARY);
    expect((await dashboard(finance(reversed))).data!.adminDashboard).toEqual(EXPECTED_SUMMARY);
  });

  it("answers a traveler's year to date and a booking's emissions, only inside the caller's organization", async () => {
    const { org, stream } = await seeded();
    const { traveler: t, booking } = stream;
    const QUERY = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Person { id yearToDate { year bookings spend { amount currency } co2eKg distanceKm } }
      ... on Booking { id emissions { co2eGrams distanceKm flightsWithoutDistance segments { origin destination cabin distanceKm haul co2eGrams } } } } }`;
    const representations = [
      { __typename: 'Person', id: t.a },
      { __typename: 'Booking', id: booking.b5 },
      { __typename: 'Booking', id: booking.b4 },
    ];
    const asSelf = await gqlRequest<{ _entities: unknown[] }>(url, QUERY, { representations }, await routerHeaders(config, { personId: t.a, orgId: org, roles: ['traveler'] }));
    expect(asSelf.errors).toBeUndefined();
    expect(asSelf.data!._entities).toEqual([
      // 2026 up to 03-11: B1 + B2, both confirmed in January.
      { id: t.a, yearToDate: { year: 2026, bookings: 2, spend: [usd(150_001)], co2eKg: (B1_CO2 + CO2.sfoNrtBusiness) / 1000, distanceKm: 2 * 5539 + 8228 } },
      {
        id: booking.b5,
        emissions: {
          co2eGrams: CO2.lhrDubBusiness,
          distanceKm: 449,
          flightsWithoutDistance: 1,
          segments: [
            { origin: 'XXX', destination: 'LHR', cabin: 'ECONOMY', distanceKm: null, haul: null, co2eGrams: null },
            { origin: 'LHR', destination: 'DUB', cabin: 'BUSINESS', distanceKm: 449, haul: 'short_haul', co2eGrams: CO2.lhrDubBusiness },
          ],
        },
      },
      // Canceled bookings keep their emissions record: the trip was priced, even if not flown.
      { id: booking.b4, emissions: { co2eGrams: 32_748, distanceKm: 300, flightsWithoutDistance: 0, segments: [{ origin: 'JFK', destination: 'BOS', cabin: 'ECONOMY', distanceKm: 300, haul: 'international', co2eGrams: 32_748 }] } },
    ]);

    const otherOrg = randomUUID();
    const outsider = await gqlRequest<{ _entities: unknown[] }>(url, QUERY, { representations }, await routerHeaders(config, { personId: randomUUID(), orgId: otherOrg, roles: ['finance'] }));
    expect(outsider.errors).toBeUndefined();
    expect(outsider.data!._entities).toEqual([
      { id: t.a, yearToDate: null },
      { id: booking.b5, emissions: null },
      { id: booking.b4, emissions: null },
    ]);

    // Another traveler of the same organization may not read A's year to date.
    const colleague = await gqlRequest<{ _entities: unknown[] }>(
      url,
      QUERY,
      { representations: [{ __typename: 'Person', id: t.a }] },
      await routerHeaders(config, { personId: t.b, orgId: org, roles: ['traveler'] }),
    );
    expect(colleague.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("hangs a destination's trips off the Airport entity, batched and org-scoped", async () => {
    const { org } = await seeded();
    const QUERY = `query ($representations: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $representations) {
      ... on Airport { code tripsFromMyOrganization(from: $from, to: $to) { bookings travelers spend { amount currency } } } } }`;
    const representations = ['LHR', 'CDG', 'BOS', 'SYD'].map((code) => ({ __typename: 'Airport', code }));
    const spy = vi.spyOn(server.services.repositories.reports, 'tripsTo');
    try {
      const res = await gqlRequest<{ _entities: unknown[] }>(url, QUERY, { representations, from: FROM, to: TO }, await routerHeaders(config, finance(org)));
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([
        // B1 (traveler A, USD 100000) and B5 (traveler C, USD 12345).
        { code: 'LHR', tripsFromMyOrganization: { bookings: 2, travelers: 2, spend: [usd(112_345)] } },
        { code: 'CDG', tripsFromMyOrganization: { bookings: 1, travelers: 1, spend: [eur(30_000)] } },
        // B4 went to BOS but was canceled.
        { code: 'BOS', tripsFromMyOrganization: { bookings: 0, travelers: 0, spend: [] } },
        { code: 'SYD', tripsFromMyOrganization: { bookings: 0, travelers: 0, spend: [] } },
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    const other = await gqlRequest<{ _entities: unknown[] }>(url, QUERY, { representations, from: FROM, to: TO }, await routerHeaders(config, finance(randomUUID())));
    expect(other.data!._entities[0]).toEqual({ code: 'LHR', tripsFromMyOrganization: { bookings: 0, travelers: 0, spend: [] } });
  });

  it('refuses org-wide figures to a traveler, and gives null for another organization', async () => {
    const { org } = await seeded();
    const traveler = await analyticsOf(org, { personId: randomUUID(), orgId: org, roles: ['traveler'] });
    expect(traveler.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
    expect((await dashboard({ personId: randomUUID(), orgId: org, roles: ['traveler', 'approver'] })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const outsider = await analyticsOf(org, finance(randomUUID()));
    expect(outsider.errors).toBeUndefined();
    expect(outsider.data!._entities[0]).toEqual({ id: org, analytics: null, travelerMovements: null });

    const admin = await analyticsOf(org, { personId: randomUUID(), orgId: org, roles: ['travel_admin'] });
    expect(admin.errors).toBeUndefined();
  });

  it('rejects an empty or reversed interval', async () => {
    const org = randomUUID();
    const res = await gqlRequest(url, DASHBOARD, { from: TO, to: FROM }, await routerHeaders(config, finance(org)));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'to' });
  });

  it('keeps the projection rows of other organizations apart', async () => {
    const { org } = await seeded();
    const [row] = await runtime.db
      .select({ n: sql<number>`count(*)::int` })
      .from(bookingFacts)
      .where(eq(bookingFacts.orgId, org));
    expect(Number(row!.n)).toBe(5);
  });
});
