import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type DomainEvent, type ProcessRuntime, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../src/db/schema.js';
import { createAnalyticsServer, type AnalyticsServer } from '../src/server.js';
import { adjustmentsStream, outOfOrder } from './adjustments-stream.js';
import { segmentEmission } from '../src/emissions/emissions.js';
import { event } from './fixtures.js';

const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2027-01-01T00:00:00.000Z';
const NOW = new Date('2026-06-10T10:00:00.000Z'); // a Wednesday; its ISO week starts Monday 2026-06-08.

const FIGURES = `query ($representations: [_Any!]!, $from: DateTime!, $to: DateTime!) {
  _entities(representations: $representations) {
    ... on Organization {
      spend { totals { amount currency } confirmedBookings canceledBookings averageTripCost { amount currency } }
      analytics(from: $from, to: $to) {
        spendByPeriod(period: MONTH) { periodStart count total { amount currency } }
        spendByTraveler { traveler { id } bookings total { amount currency } }
        byDepartment { department bookings spend { amount currency } }
        averageTripCost { amount currency }
        revenue(period: MONTH) { periodStart count total { amount currency } }
        refunds(period: MONTH) { periodStart count total { amount currency } }
        funnel { searches holds holdsConverted bookingsConfirmed paymentsAuthorized searchToHoldRate holdToBookingRate searchToPaidRate }
        funnelByPeriod(period: MONTH) {
          periodStart searches holds holdsConverted bookingsConfirmed paymentsAuthorized searchToHoldRate holdToBookingRate bookingToPaidRate searchToPaidRate
        }
        savings { total { amount currency } segmentsCompared segmentsWithoutBenchmark byDepartment { department segments savings { amount currency } } byBooking { booking { id } segments savings { amount currency } } }
      }
    }
  }
}`;

const SET_BENCHMARK = `mutation ($input: SetBenchmarkFareInput!) {
  setBenchmarkFare(input: $input) { benchmark { origin destination cabin amount { amount currency } } errors { code field } }
}`;

const FORECAST = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { demandForecast(weeks: 2, first: 5) { method destinations { destination trailingWeeklyAverage weeks { weekStart seasonalIndex bookings } } } }
  }
}`;

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('refunds, paid changes, searches, savings and forecast from a known event stream', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: AnalyticsServer;
  let url: string;

  beforeAll(async () => {
    runtime = await createTestRuntime(config, new ManualClock(NOW));
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

  const finance = (orgId: string): Viewer => ({ personId: randomUUID(), orgId, roles: ['finance'] });

  async function figures(orgId: string) {
    const res = await gqlRequest<{ _entities: Record<string, unknown>[] }>(
      url,
      FIGURES,
      { representations: [{ __typename: 'Organization', id: orgId }], from: FROM, to: TO },
      await routerHeaders(config, finance(orgId)),
    );
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0]!;
  }

  async function setBenchmark(viewer: Viewer, input: Record<string, unknown>) {
    return gqlRequest<{ setBenchmarkFare: { benchmark: unknown; errors: { code: string; field: string }[] } }>(url, SET_BENCHMARK, { input }, await routerHeaders(config, viewer));
  }

  it('nets refunds and paid changes, counts searches in the funnel and savings against benchmarks, whatever the order and duplicates', async () => {
    const org = randomUUID();
    const s = adjustmentsStream(org);
    const e = s.events;
    // Out of order, then the refund and the change delivered again (same event ids).
    await deliver([...outOfOrder(s), e.zRefund, e.yChange]);

    const viewer = finance(org);
    for (const input of [
      { origin: 'JFK', destination: 'LHR', cabin: 'ECONOMY', amount: { amount: 70_000, currency: 'USD' } },
      { origin: 'LHR', destination: 'JFK', cabin: 'ECONOMY', amount: { amount: 35_000, currency: 'USD' } },
      // Another currency than the booking's: never applied (no conversion).
      { origin: 'SFO', destination: 'NRT', cabin: 'BUSINESS', amount: { amount: 40_000, currency: 'EUR' } },
      // Z's route, but Z is canceled: not compared.
      { origin: 'FRA', destination: 'CDG', cabin: 'ECONOMY', amount: { amount: 25_000, currency: 'USD' } },
    ]) {
      const res = await setBenchmark(viewer, input);
      expect(res.data!.setBenchmarkFare.errors).toEqual([]);
    }

    expect(await figures(org)).toEqual({
      // X 100,000 + Y 50,000 + 5,000 changed after payment + Z's kept fee 20,000 - 15,000; W refunded in full adds nothing.
      spend: { totals: [usd(160_000)], confirmedBookings: 2, canceledBookings: 2, averageTripCost: [usd(80_000)] },
      analytics: {
        spendByPeriod: [{ periodStart: '2026-04-01T00:00:00.000Z', count: 2, total: usd(160_000) }],
        spendByTraveler: [
          // a: X 100,000 + Z's fee 5,000; b: Y 55,000 (W nets to zero).
          { traveler: { id: s.traveler.a }, bookings: 1, total: usd(105_000) },
          { traveler: { id: s.traveler.b }, bookings: 1, total: usd(55_000) },
        ],
        byDepartment: [
          { department: 'Engineering', bookings: 1, spend: [usd(55_000)] },
          { department: 'Sales', bookings: 1, spend: [usd(105_000)] },
        ],
        averageTripCost: [usd(80_000)],
        revenue: [
          // April: 4 payments 180,000 - W's refund 10,000; May: Z's refund 15,000 only.
          { periodStart: '2026-04-01T00:00:00.000Z', count: 4, total: usd(170_000) },
          { periodStart: '2026-05-01T00:00:00.000Z', count: 0, total: usd(-15_000) },
        ],
        refunds: [
          { periodStart: '2026-04-01T00:00:00.000Z', count: 1, total: usd(10_000) },
          { periodStart: '2026-05-01T00:00:00.000Z', count: 1, total: usd(15_000) },
        ],
        funnel: { searches: 15, holds: 4, holdsConverted: 2, bookingsConfirmed: 4, paymentsAuthorized: 4, searchToHoldRate: 4 / 15, holdToBookingRate: 0.5, searchToPaidRate: 4 / 15 },
        funnelByPeriod: [
          {
            periodStart: '2026-04-01T00:00:00.000Z',
            searches: 10,
            holds: 4,
            holdsConverted: 2,
            bookingsConfirmed: 4,
            paymentsAuthorized: 4,
            searchToHoldRate: 0.4,
            holdToBookingRate: 0.5,
            bookingToPaidRate: 1,
            searchToPaidRate: 0.4,
          },
          {
            periodStart: '2026-05-01T00:00:00.000Z',
            searches: 5,
            holds: 0,
            holdsConverted: 0,
            bookingsConfirmed: 0,
            paymentsAuthorized: 0,
            searchToHoldRate: 0,
            holdToBookingRate: null,
            bookingToPaidRate: null,
            searchToPaidRate: 0,
          },
        ],
        // X: JFK-LHR 70,000 - 60,000 = 10,000; LHR-JFK 35,000 - 40,000 = -5,000. Y's benchmark is in EUR; Z is canceled.
        savings: {
          total: [usd(5_000)],
          segmentsCompared: 2,
          segmentsWithoutBenchmark: 1,
          byDepartment: [{ department: 'Sales', segments: 2, savings: [usd(5_000)] }],
          byBooking: [{ booking: { id: s.booking.x }, segments: 2, savings: usd(5_000) }],
        },
      },
    });
  });

  it('rebuilds to identical figures, and an event replayed after the rebuild still counts once', async () => {
    const org = randomUUID();
    const s = adjustmentsStream(org);
    await deliver(outOfOrder(s));
    const before = await figures(org);
    expect(await server.services.rebuild(org)).toBe(new Set(outOfOrder(s).map((x) => x.id)).size);
    expect(await figures(org)).toEqual(before);
    await deliver([s.events.zRefund, s.events.yChange, s.events.searchesApril]);
    expect(await figures(org)).toEqual(before);
  });

  it('moves a changed segment to its new route and cabin (destination, cabins, CO2), even when the change arrives before the confirm', async () => {
    const org = randomUUID();
    const bookingId = randomUUID();
    const travelerId = randomUUID();
    const segment = (origin: string, destination: string, cabin: string, departAt: string, amount: number) => ({
      kind: 'flight',
      supplier: 'BA',
      origin,
      destination,
      cabin,
      departAt,
      arriveAt: new Date(Date.parse(departAt) + 8 * 3_600_000).toISOString(),
      amount,
    });
    const confirm = event('booking.confirmed', org, bookingId, '2026-04-01T10:00:00.000Z', {
      bookingId,
      travelerId,
      department: 'Sales',
      amount: 100_000,
      currency: 'USD',
      holdIds: [],
      segments: [segment('JFK', 'LHR', 'economy', '2026-06-01T18:00:00.000Z', 60_000), segment('LHR', 'JFK', 'economy', '2026-06-05T12:00:00.000Z', 40_000)],
    });
    const change = (at: string, to: ReturnType<typeof segment>, oldAmount: number) =>
      event('booking.segment_changed', org, bookingId, at, {
        bookingId,
        segmentId: randomUUID(),
        kind: 'flight',
        releasedHoldId: randomUUID(),
        newHoldId: randomUUID(),
        convertNewHold: true,
        oldAmount,
        newAmount: to.amount,
        priceDifference: to.amount - oldAmount,
        currency: 'USD',
        position: 0,
        segment: to,
      });
    // Two changes of the first leg, delivered newest first and before the confirm: the later one (to CDG in business) wins.
    const first = change('2026-04-02T10:00:00.000Z', segment('JFK', 'AMS', 'premium_economy', '2026-06-01T18:00:00.000Z', 70_000), 60_000);
    const second = change('2026-04-03T10:00:00.000Z', segment('JFK', 'CDG', 'business', '2026-06-02T18:00:00.000Z', 150_000), 70_000);
    await deliver([second, first, confirm]);

    const query = `query ($r: [_Any!]!, $from: DateTime!, $to: DateTime!) { _entities(representations: $r) {
      ... on Organization { analytics(from: $from, to: $to) {
        spendByPeriod(period: YEAR) { total { amount currency } }
        topDestinations { destination bookings }
        bookingsByCabin { cabin segments bookings }
        spendBySupplier { key spend { amount currency } }
        emissions { co2eGrams distanceKm flights }
      } }
      ... on Booking { emissions { co2eGrams segments { origin destination cabin co2eGrams } } }
    } }`;
    const read = async () => {
      const res = await gqlRequest<{ _entities: Record<string, unknown>[] }>(
        url,
        query,
        { r: [{ __typename: 'Organization', id: org }, { __typename: 'Booking', id: bookingId }], from: FROM, to: TO },
        await routerHeaders(config, finance(org)),
      );
      expect(res.errors).toBeUndefined();
      return res.data!._entities;
    };
    const cdg = segmentEmission('JFK', 'CDG', 'business')!;
    const back = segmentEmission('LHR', 'JFK', 'economy')!;
    const expected = [
      {
        analytics: {
          // 100,000 + (70,000 - 60,000) + (150,000 - 70,000).
          spendByPeriod: [{ total: usd(190_000) }],
          topDestinations: [{ destination: 'CDG', bookings: 1 }],
          bookingsByCabin: [
            { cabin: 'BUSINESS', segments: 1, bookings: 1 },
            { cabin: 'ECONOMY', segments: 1, bookings: 1 },
          ],
          spendBySupplier: [{ key: 'BA', spend: [usd(190_000)] }],
          emissions: { co2eGrams: cdg.co2eGrams + back.co2eGrams, distanceKm: cdg.distanceKm + back.distanceKm, flights: 2 },
        },
      },
      {
        emissions: {
          co2eGrams: cdg.co2eGrams + back.co2eGrams,
          segments: [
            { origin: 'JFK', destination: 'CDG', cabin: 'BUSINESS', co2eGrams: cdg.co2eGrams },
            { origin: 'LHR', destination: 'JFK', cabin: 'ECONOMY', co2eGrams: back.co2eGrams },
          ],
        },
      },
    ];
    expect(await read()).toEqual(expected);
    await server.services.rebuild(org);
    expect(await read()).toEqual(expected);
  });

  it('lets only finance set a benchmark, and validates it', async () => {
    const org = randomUUID();
    const admin: Viewer = { personId: randomUUID(), orgId: org, roles: ['travel_admin'] };
    const denied = await setBenchmark(admin, { origin: 'JFK', destination: 'LHR', cabin: 'ECONOMY', amount: { amount: 1, currency: 'USD' } });
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const invalid = await setBenchmark(finance(org), { origin: 'JFK', destination: 'JFK', cabin: 'ECONOMY', amount: { amount: 1, currency: 'USD' } });
    expect(invalid.data!.setBenchmarkFare.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'destination' }]);
  });

  it('forecasts a destination from its trailing weeks and last year\'s season', async () => {
    const org = randomUUID();
    const traveler = randomUUID();
    const bookingsIn = (weekStart: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const id = randomUUID();
        const at = new Date(Date.parse(weekStart) + (i + 1) * 3_600_000).toISOString();
        return event('booking.confirmed', org, id, at, {
          bookingId: id,
          travelerId: traveler,
          department: null,
          amount: 100,
          currency: 'USD',
          holdIds: [],
          segments: [{ kind: 'flight', supplier: 'BA', origin: 'JFK', destination: 'LHR', cabin: 'economy', departAt: at, arriveAt: null, amount: 100 }],
        });
      });
    const weeks = (first: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(first) + i * 7 * 86_400_000).toISOString());
    await deliver([
      // The last 8 complete weeks (2026-04-13 to 2026-06-01): 2 a week.
      ...weeks('2026-04-13T00:00:00.000Z', 8).flatMap((w) => bookingsIn(w, 2)),
      // A year earlier: 3 a week from 2025-04-14 to 2025-05-26, then 6 a week for 2025-06-02, 06-09 and 06-16.
      ...weeks('2025-04-14T00:00:00.000Z', 7).flatMap((w) => bookingsIn(w, 3)),
      ...weeks('2025-06-02T00:00:00.000Z', 3).flatMap((w) => bookingsIn(w, 6)),
    ]);
    const res = await gqlRequest<{ _entities: { demandForecast: { method: string; destinations: unknown[] } }[] }>(
      url,
      FORECAST,
      { representations: [{ __typename: 'Organization', id: org }] },
      await routerHeaders(config, finance(org)),
    );
    expect(res.errors).toBeUndefined();
    const forecast = res.data!._entities[0]!.demandForecast;
    expect(forecast.method).toContain('last 8 complete weeks');
    expect(forecast.destinations).toEqual([
      {
        destination: 'LHR',
        trailingWeeklyAverage: 2,
        weeks: [
          // Year-ago week 2025-06-09 with neighbours 06-02 and 06-16: 6 a week; the 8 weeks before it: (7 x 3 + 6) / 8 = 3.375.
          // Index 6 / 3.375 = 1.777..., forecast 2 x 1.777... = 3.555...
          { weekStart: '2026-06-08T00:00:00.000Z', seasonalIndex: 1.78, bookings: 3.56 },
          // Year-ago week 2025-06-16, neighbours 06-09 (6) and 06-23 (0): 4; the 8 weeks before: (6 x 3 + 6 + 6) / 8 = 3.75.
          // Index 4 / 3.75 = 1.0666..., forecast 2.1333...
          { weekStart: '2026-06-15T00:00:00.000Z', seasonalIndex: 1.07, bookings: 2.13 },
        ],
      },
    ]);
  });
});
