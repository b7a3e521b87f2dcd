import { randomUUID } from 'node:crypto';
import { ManualClock, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { createTestRuntime, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { confirmationRequested, publishAndAwaitPayment } from './booking-events.js';

const BOOKING_PAYMENT = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Booking { id payment { id status amount { amount currency } provider sandbox failureCode booking { id } } }
  }
}`;
const PAYMENT = `query ($id: ID!) { payment(id: $id) { id status paymentMethod providerPaymentId createdAt booking { id } } }`;
const PAYMENTS = `query ($first: Int, $after: String) {
  payments(first: $first, after: $after) { totalCount edges { cursor node { id status } } nodes { id } pageInfo { hasNextPage endCursor } }
}`;

interface BookingPayment {
  id: string;
  payment: { id: string; status: string; amount: { amount: number; currency: string }; provider: string; sandbox: boolean; failureCode: string | null; booking: { id: string } } | null;
}
interface PaymentsPage {
  payments: { totalCount: number; edges: { cursor: string; node: { id: string; status: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('payment graph', () => {
  const config = testConfig();
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  let url: string;

  const viewerOf = (orgId: string, ...roles: Role[]): Viewer => ({ personId: randomUUID(), orgId, roles });
  const as = async (viewer: Viewer | null) => routerHeaders(config, viewer);

  beforeAll(async () => {
    runtime = await createTestRuntime(config, clock);
    server = createPaymentServer(runtime);
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('resolves Booking.payment through _entities to the latest payment, and to null for another organization', async () => {
    const orgId = randomUUID();
    const bookingId = randomUUID();
    await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { bookingId, idempotencyKey: `${bookingId}-1`, paymentMethod: 'pm_card_chargeDeclined' }));
    clock.advance(60_000);
    const latest = await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { bookingId, idempotencyKey: `${bookingId}-2`, amount: 9_900, currency: 'EUR' }));
    const unpaid = randomUUID();
    const representations = [
      { __typename: 'Booking', id: bookingId },
      { __typename: 'Booking', id: unpaid },
      { __typename: 'Booking', id: 'not-a-uuid' },
    ];

    const own = await gqlRequest<{ _entities: BookingPayment[] }>(url, BOOKING_PAYMENT, { representations }, await as(viewerOf(orgId, 'traveler')));
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities).toEqual([
      {
        id: bookingId,
        payment: { id: latest.id, status: 'AUTHORIZED', amount: { amount: 9_900, currency: 'EUR' }, provider: 'sandbox', sandbox: true, failureCode: null, booking: { id: bookingId } },
      },
      { id: unpaid, payment: null },
      { id: 'not-a-uuid', payment: null },
    ]);

    const other = await gqlRequest<{ _entities: BookingPayment[] }>(url, BOOKING_PAYMENT, { representations }, await as(viewerOf(randomUUID(), 'travel_admin')));
    expect(other.errors).toBeUndefined();
    expect(other.data!._entities.map((b) => b.payment)).toEqual([null, null, null]);
  });

  it('answers payment(id) within the caller organization only', async () => {
    const orgId = randomUUID();
    const event = confirmationRequested(orgId, { paymentMethod: '5555555555554444' });
    const payment = await publishAndAwaitPayment(runtime, server, event);

    const own = await gqlRequest<{ payment: { id: string; status: string; paymentMethod: string; providerPaymentId: string; booking: { id: string } } | null }>(
      url,
      PAYMENT,
      { id: payment.id },
      await as(viewerOf(orgId, 'traveler')),
    );
    expect(own.data!.payment).toMatchObject({ id: payment.id, status: 'AUTHORIZED', paymentMethod: '****4444', booking: { id: event.payload.bookingId } });
    expect(own.data!.payment!.providerPaymentId).toMatch(/^pi_sandbox_/);

    const other = await gqlRequest<{ payment: null }>(url, PAYMENT, { id: payment.id }, await as(viewerOf(randomUUID(), 'finance')));
    expect(other.errors).toBeUndefined();
    expect(other.data!.payment).toBeNull();
  });

  it('lists the organization payments newest first, in pages, for finance and travel admins', async () => {
    const orgId = randomUUID();
    const created = [];
    for (const paymentMethod of ['pm_card_visa', 'pm_card_chargeDeclinedExpiredCard', 'pm_card_amex']) {
      clock.advance(1_000);
      created.push(await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { paymentMethod })));
    }
    await publishAndAwaitPayment(runtime, server, confirmationRequested(randomUUID()));
    const newestFirst = created.map((p) => p.id).reverse();

    const first = await gqlRequest<PaymentsPage>(url, PAYMENTS, { first: 2 }, await as(viewerOf(orgId, 'finance')));
    expect(first.errors).toBeUndefined();
    expect(first.data!.payments).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.data!.payments.edges.map((e) => e.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.data!.payments.nodes.map((n) => n.id)).toEqual(newestFirst.slice(0, 2));

    const rest = await gqlRequest<PaymentsPage>(
      url,
      PAYMENTS,
      { first: 2, after: first.data!.payments.pageInfo.endCursor },
      await as(viewerOf(orgId, 'travel_admin')),
    );
    expect(rest.data!.payments.edges.map((e) => e.node)).toEqual([{ id: newestFirst[2], status: 'AUTHORIZED' }]);
    expect(rest.data!.payments.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses the payments list to roles other than finance and travel admin', async () => {
    const res = await gqlRequest<PaymentsPage>(url, PAYMENTS, {}, await as(viewerOf(randomUUID(), 'traveler', 'arranger', 'approver')));
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers', async () => {
    const res = await gqlRequest<PaymentsPage>(url, PAYMENTS, {}, await as(null));
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged cursor as VALIDATION_FAILED', async () => {
    const forged = Buffer.from(JSON.stringify(['yesterday', 42])).toString('base64url');
    const res = await gqlRequest<PaymentsPage>(url, PAYMENTS, { after: forged }, await as(viewerOf(randomUUID(), 'finance')));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});
