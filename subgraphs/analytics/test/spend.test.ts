import { randomUUID } from 'node:crypto';
import { streamOf, type DomainEvent, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingFacts, inbox } from '../src/db/schema.js';
import { createAnalyticsServer, type AnalyticsServer } from '../src/server.js';

const SPEND = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { id spend { totals { amount currency } confirmedBookings canceledBookings averageTripCost { amount currency } } }
  }
}`;

interface Money {
  amount: number;
  currency: string;
}
interface Spend {
  totals: Money[];
  confirmedBookings: number;
  canceledBookings: number;
  averageTripCost: Money[];
}
type Entities = { _entities: ({ id: string; spend: Spend | null } | null)[] };

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function confirmed(orgId: string, bookingId: string, amount: number, currency: string, occurredAt: string): DomainEvent<'booking.confirmed'> {
  return {
    id: randomUUID(),
    type: 'booking.confirmed',
    source: 'booking',
    orgId,
    aggregateId: bookingId,
    occurredAt,
    payload: { bookingId, travelerId: randomUUID(), department: null, amount, currency, holdIds: [], segments: [] },
  };
}

function canceled(orgId: string, bookingId: string, occurredAt: string): DomainEvent<'booking.canceled'> {
  return {
    id: randomUUID(),
    type: 'booking.canceled',
    source: 'booking',
    orgId,
    aggregateId: bookingId,
    occurredAt,
    payload: { bookingId, travelerId: randomUUID(), department: null, holdIds: [], reason: 'traveler_request' },
  };
}

describe('analytics spend projection', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: AnalyticsServer;
  let url: string;

  beforeAll(async () => {
    runtime = await createTestRuntime(config);
    server = createAnalyticsServer(runtime);
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  /**
   * Publishes as booking would, one batch per call, in call order. The
   * in-process bus has handled them when publish resolves; on Redis the
   * inbox rows (committed with the projection's writes) say when.
   */
  async function deliver(...batches: DomainEvent[][]): Promise<void> {
    for (const batch of batches) await runtime.bus.publish(streamOf('booking'), batch);
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

  async function spendOf(orgId: string, viewerOrgId = orgId): Promise<Entities['_entities'][number]> {
    const res = await gqlRequest<Entities>(
      url,
      SPEND,
      { representations: [{ __typename: 'Organization', id: orgId }] },
      await routerHeaders(config, { personId: randomUUID(), orgId: viewerOrgId, roles: ['finance'] }),
    );
    expect(res.errors).toBeUndefined();
    return res.data!._entities[0]!;
  }

  const fact = (bookingId: string) =>
    runtime.db
      .select()
      .from(bookingFacts)
      .where(eq(bookingFacts.bookingId, bookingId))
      .then((rows) => rows[0]);

  it('totals confirmed spend per currency, sorted by currency, with averages rounded half up', async () => {
    const org = randomUUID();
    await deliver([
      confirmed(org, randomUUID(), 101, 'EUR', at(1)),
      confirmed(org, randomUUID(), 1001, 'USD', at(2)),
      confirmed(org, randomUUID(), 100, 'EUR', at(3)),
      confirmed(org, randomUUID(), 250, 'GBP', at(4)),
      confirmed(org, randomUUID(), 1000, 'USD', at(5)),
      confirmed(org, randomUUID(), 100, 'EUR', at(6)),
    ]);
    expect(await spendOf(org)).toEqual({
      id: org,
      spend: {
        // EUR 101+100+100 = 301; USD 1001+1000 = 2001; GBP 250.
        totals: [
          { amount: 301, currency: 'EUR' },
          { amount: 250, currency: 'GBP' },
          { amount: 2001, currency: 'USD' },
        ],
        confirmedBookings: 6,
        canceledBookings: 0,
        // EUR 301/3 = 100.33 → 100; GBP 250/1 = 250; USD 2001/2 = 1000.5 → 1001 (half up).
        averageTripCost: [
          { amount: 100, currency: 'EUR' },
          { amount: 250, currency: 'GBP' },
          { amount: 1001, currency: 'USD' },
        ],
      },
    });
  });

  it('counts an event delivered twice (same id) once', async () => {
    const org = randomUUID();
    const first = confirmed(org, randomUUID(), 4200, 'USD', at(1));
    const second = confirmed(org, randomUUID(), 800, 'USD', at(2));
    await deliver([first, first], [second], [first]);
    const result = await spendOf(org);
    expect(result?.spend).toEqual({
      totals: [{ amount: 5000, currency: 'USD' }],
      confirmedBookings: 2,
      canceledBookings: 0,
      averageTripCost: [{ amount: 2500, currency: 'USD' }],
    });
  });

  it('takes a booking canceled after its confirm out of the spend', async () => {
    const org = randomUUID();
    const kept = randomUUID();
    const dropped = randomUUID();
    await deliver([confirmed(org, dropped, 5000, 'USD', at(1)), confirmed(org, kept, 700, 'USD', at(2))], [canceled(org, dropped, at(3))]);
    expect((await spendOf(org))?.spend).toEqual({
      totals: [{ amount: 700, currency: 'USD' }],
      confirmedBookings: 1,
      canceledBookings: 1,
      averageTripCost: [{ amount: 700, currency: 'USD' }],
    });
    expect(await fact(dropped)).toMatchObject({
      status: 'canceled',
      amountMinor: 5000,
      confirmedAt: new Date(at(1)),
      canceledAt: new Date(at(3)),
      lastEventAt: new Date(at(3)),
    });
  });

  it('keeps a booking canceled when its cancel arrives before its confirm', async () => {
    const org = randomUUID();
    const booking = randomUUID();
    await deliver([canceled(org, booking, at(5))]);
    expect((await spendOf(org))?.spend).toMatchObject({ totals: [], confirmedBookings: 0, canceledBookings: 1 });

    await deliver([confirmed(org, booking, 1234, 'EUR', at(4))]);
    expect((await spendOf(org))?.spend).toEqual({ totals: [], confirmedBookings: 0, canceledBookings: 1, averageTripCost: [] });
    // The late confirm still completes the fact with what only it carries.
    expect(await fact(booking)).toMatchObject({
      status: 'canceled',
      amountMinor: 1234,
      currency: 'EUR',
      confirmedAt: new Date(at(4)),
      canceledAt: new Date(at(5)),
      lastEventAt: new Date(at(5)),
    });
  });

  it('lets the later occurredAt decide, and a cancel win a tie', async () => {
    const org = randomUUID();
    const staleCancel = randomUUID();
    const tie = randomUUID();
    await deliver([confirmed(org, staleCancel, 300, 'USD', at(10)), confirmed(org, tie, 900, 'USD', at(10))]);
    await deliver([canceled(org, staleCancel, at(9)), canceled(org, tie, at(10))]);
    expect(await fact(staleCancel)).toMatchObject({ status: 'confirmed', canceledAt: new Date(at(9)), lastEventAt: new Date(at(10)) });
    expect(await fact(tie)).toMatchObject({ status: 'canceled' });
    expect((await spendOf(org))?.spend).toEqual({
      totals: [{ amount: 300, currency: 'USD' }],
      confirmedBookings: 1,
      canceledBookings: 1,
      averageTripCost: [{ amount: 300, currency: 'USD' }],
    });
  });

  it('keeps sums beyond 2^31 minor units exact', async () => {
    const org = randomUUID();
    await deliver([
      confirmed(org, randomUUID(), 3_000_000_000, 'JPY', at(1)),
      confirmed(org, randomUUID(), 1_500_000_001, 'JPY', at(2)),
      confirmed(org, randomUUID(), 2_147_483_647, 'KRW', at(3)),
      confirmed(org, randomUUID(), 2, 'KRW', at(4)),
    ]);
    expect((await spendOf(org))?.spend).toEqual({
      totals: [
        { amount: 4_500_000_001, currency: 'JPY' },
        { amount: 2_147_483_649, currency: 'KRW' },
      ],
      confirmedBookings: 4,
      canceledBookings: 0,
      // JPY 4_500_000_001 / 2 = 2_250_000_000.5 → 2_250_000_001; KRW 2_147_483_649 / 2 = 1_073_741_824.5 → 1_073_741_825.
      averageTripCost: [
        { amount: 2_250_000_001, currency: 'JPY' },
        { amount: 1_073_741_825, currency: 'KRW' },
      ],
    });
  });

  it('sums beyond 2^53 exactly in SQL, and refuses to round them into a GraphQL number', async () => {
    const org = randomUUID();
    const big = 2 ** 52 + 1; // a safe integer; twice it is not, and a float sum would come out as 2^53 + 2 ± rounding.
    await deliver([confirmed(org, randomUUID(), big, 'USD', at(1)), confirmed(org, randomUUID(), big, 'USD', at(2)), confirmed(org, randomUUID(), 1, 'USD', at(3))]);
    const [spend] = await server.services.spend.forOrganizations([org]);
    expect(spend!.totals).toEqual([{ amount: 9_007_199_254_740_995n, currency: 'USD' }]);
    // 9_007_199_254_740_995 / 3 = 3_002_399_751_580_331.67 → 3_002_399_751_580_332.
    expect(spend!.averageTripCost).toEqual([{ amount: 3_002_399_751_580_332n, currency: 'USD' }]);

    const res = await gqlRequest<Entities>(
      url,
      SPEND,
      { representations: [{ __typename: 'Organization', id: org }] },
      await routerHeaders(config, { personId: randomUUID(), orgId: org, roles: ['finance'] }),
    );
    expect(res.errors?.[0]?.message).toMatch(/MinorUnits must be a safe integer/);
    expect(res.data?._entities[0]?.spend).toBeNull();
  });

  it('answers an organization without bookings with zeros', async () => {
    const org = randomUUID();
    expect(await spendOf(org)).toEqual({ id: org, spend: { totals: [], confirmedBookings: 0, canceledBookings: 0, averageTripCost: [] } });
  });

  it('skips a malformed event without holding back the events after it', async () => {
    const org = randomUUID();
    await deliver([confirmed(org, randomUUID(), 12.5, 'USD', at(1)), confirmed(org, randomUUID(), 400, 'usd', at(2)), confirmed(org, randomUUID(), 600, 'USD', at(3))]);
    expect((await spendOf(org))?.spend).toMatchObject({ totals: [{ amount: 600, currency: 'USD' }], confirmedBookings: 1 });
  });

  it('gives spend only for the caller organization, loading it once per request', async () => {
    const own = randomUUID();
    const other = randomUUID();
    await deliver([confirmed(own, randomUUID(), 1500, 'CHF', at(1)), confirmed(other, randomUUID(), 9900, 'CHF', at(2))]);
    const spy = vi.spyOn(server.services.repositories.spend, 'spendByOrganizations');
    try {
      const res = await gqlRequest<Entities>(
        url,
        SPEND,
        {
          representations: [
            { __typename: 'Organization', id: own },
            { __typename: 'Organization', id: other },
            { __typename: 'Organization', id: own },
          ],
        },
        await routerHeaders(config, { personId: randomUUID(), orgId: own, roles: ['traveler'] }),
      );
      expect(res.errors).toBeUndefined();
      const ownSpend = { totals: [{ amount: 1500, currency: 'CHF' }], confirmedBookings: 1, canceledBookings: 0, averageTripCost: [{ amount: 1500, currency: 'CHF' }] };
      expect(res.data!._entities).toEqual([
        { id: own, spend: ownSpend },
        { id: other, spend: null },
        { id: own, spend: ownSpend },
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy).toHaveBeenCalledWith([own]);
    } finally {
      spy.mockRestore();
    }
    // The other organization's own caller does see its figures.
    expect((await spendOf(other))?.spend?.totals).toEqual([{ amount: 9900, currency: 'CHF' }]);
  });

  it('refuses spend to an anonymous caller', async () => {
    const res = await gqlRequest<Entities>(url, SPEND, { representations: [{ __typename: 'Organization', id: randomUUID() }] }, await routerHeaders(config, null));
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.data?._entities[0]?.spend).toBeNull();
  });
});
