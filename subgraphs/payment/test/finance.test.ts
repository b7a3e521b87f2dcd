import { randomUUID } from 'node:crypto';
import { ManualClock, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments } from '../src/db/schema.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { bookingConfirmed, confirmationRequested, publishAndAwaitPayment, publishFromBooking, refundRequested, ticketed } from './booking-events.js';

const SUMMARY = `{ financeSummary { volume { captured { amount currency } refunded { amount } net { amount } } capturedPayments reconciledPayments reconciliationRate flaggedTransactions activeCards } }`;
const FLAGS = `query ($status: ReconciliationFlagStatus, $first: Int, $after: String) {
  reconciliationFlags(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id kind status subjectType amount { amount currency } detail booking { id } resolvedBy resolutionNote }
  }
}`;
const RESOLVE = `mutation ($input: ResolveReconciliationFlagInput!) {
  resolveReconciliationFlag(input: $input) { flag { id status resolutionNote resolvedBy } errors { code field } }
}`;

interface Flag {
  id: string;
  kind: string;
  status: string;
  subjectType: string;
  amount: { amount: number; currency: string };
  detail: string;
  booking: { id: string };
  resolvedBy: string | null;
  resolutionNote: string | null;
}
interface Summary {
  volume: { captured: { amount: number; currency: string }; refunded: { amount: number }; net: { amount: number } }[];
  capturedPayments: number;
  reconciledPayments: number;
  reconciliationRate: number | null;
  flaggedTransactions: number;
  activeCards: number;
}

describe('reconciliation and the finance view', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  let url: string;

  const viewerOf = (orgId: string, ...roles: Role[]): Viewer => ({ personId: randomUUID(), orgId, roles });
  const ask = async <T>(viewer: Viewer, query: string, variables: Record<string, unknown> = {}) => gqlRequest<T>(url, query, variables, await routerHeaders(config, viewer));

  async function capture(orgId: string, authorized: number, ticketedAmount: number, daysLater = 0) {
    const payment = await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { amount: authorized }));
    clock.advance(daysLater * 24 * 60 * 60 * 1000);
    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, ticketedAmount));
    await eventually(async () => ((await runtime.db.select().from(payments).where(eq(payments.id, payment.id)))[0]?.status === 'captured' ? true : undefined), {
      what: 'capture',
    });
    return payment;
  }

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

  it('flags amount mismatches, late captures, unusual categories and unknown merchants; finance resolves them', async () => {
    const orgId = randomUUID();
    const finance = viewerOf(orgId, 'finance');
    const clean = await capture(orgId, 10_000, 10_000);
    const mismatched = await capture(orgId, 10_000, 10_400);
    const late = await capture(orgId, 5_000, 5_000, 8);
    await publishFromBooking(runtime, refundRequested(orgId, clean.bookingId, 2_500));

    const cardBooking = randomUUID();
    await publishFromBooking(runtime, bookingConfirmed(orgId, cardBooking, 30_000));
    const card = await eventually(() => server.services.repositories.cards.findByBooking(cardBooking), { what: 'card' });
    const cardCharge = (merchantCategory: string, merchantName: string | null) =>
      server.services.cards.authorizeCardTransaction({ providerAuthorizationId: randomUUID(), providerCardId: card.providerCardId, amount: 1_000, currency: 'USD', merchantCategory, merchantName });
    await cardCharge('hotels_motels_and_resorts', 'Grand Hotel');
    await cardCharge('betting_casino_gambling', 'Casino');
    await cardCharge('airlines_air_carriers', '');

    const open = await ask<{ reconciliationFlags: { totalCount: number; nodes: Flag[] } }>(finance, FLAGS, {});
    expect(open.errors).toBeUndefined();
    const byKind = new Map(open.data!.reconciliationFlags.nodes.map((f) => [f.kind, f]));
    expect(open.data!.reconciliationFlags.totalCount).toBe(4);
    expect(byKind.get('AMOUNT_MISMATCH')).toMatchObject({ subjectType: 'PAYMENT', booking: { id: mismatched.bookingId }, amount: { amount: 400, currency: 'USD' }, status: 'OPEN' });
    expect(byKind.get('LATE_CAPTURE')).toMatchObject({ subjectType: 'PAYMENT', booking: { id: late.bookingId }, amount: { amount: 5_000 } });
    expect(byKind.get('UNUSUAL_CATEGORY')).toMatchObject({ subjectType: 'CARD_TRANSACTION', booking: { id: cardBooking }, detail: expect.stringContaining('betting_casino_gambling') });
    expect(byKind.get('UNKNOWN_MERCHANT')).toMatchObject({ subjectType: 'CARD_TRANSACTION', booking: { id: cardBooking } });

    const before = await ask<{ financeSummary: Summary }>(finance, SUMMARY);
    expect(before.data!.financeSummary).toEqual({
      volume: [{ captured: { amount: 25_000, currency: 'USD' }, refunded: { amount: 2_500 }, net: { amount: 22_500 } }],
      capturedPayments: 3,
      reconciledPayments: 1,
      reconciliationRate: 1 / 3,
      flaggedTransactions: 4,
      activeCards: 1,
    });

    const flagId = byKind.get('AMOUNT_MISMATCH')!.id;
    const resolved = await ask<{ resolveReconciliationFlag: { flag: { id: string; status: string; resolutionNote: string; resolvedBy: string } | null; errors: { code: string }[] } }>(
      finance,
      RESOLVE,
      { input: { flagId, note: 'Fare difference paid by the traveler at the airport.' } },
    );
    expect(resolved.data!.resolveReconciliationFlag).toEqual({
      flag: { id: flagId, status: 'RESOLVED', resolutionNote: 'Fare difference paid by the traveler at the airport.', resolvedBy: finance.personId },
      errors: [],
    });
    const again = await ask<{ resolveReconciliationFlag: { flag: null; errors: { code: string; field: string }[] } }>(finance, RESOLVE, { input: { flagId, note: 'again' } });
    expect(again.data!.resolveReconciliationFlag).toEqual({ flag: null, errors: [{ code: 'INVALID_TRANSITION', field: 'flagId' }] });

    const after = await ask<{ financeSummary: Summary }>(finance, SUMMARY);
    expect(after.data!.financeSummary).toMatchObject({ reconciledPayments: 2, reconciliationRate: 2 / 3, flaggedTransactions: 3 });
    const resolvedList = await ask<{ reconciliationFlags: { nodes: Flag[] } }>(finance, FLAGS, { status: 'RESOLVED' });
    expect(resolvedList.data!.reconciliationFlags.nodes.map((f) => f.id)).toEqual([flagId]);
  });

  it('pages flags newest first', async () => {
    const orgId = randomUUID();
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await capture(orgId, 1_000, 1_001 + i);
    }
    const finance = viewerOf(orgId, 'finance');
    const first = await ask<{ reconciliationFlags: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Flag[] } }>(finance, FLAGS, { first: 2 });
    expect(first.data!.reconciliationFlags).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.data!.reconciliationFlags.nodes.map((f) => f.amount.amount)).toEqual([3, 2]);
    const rest = await ask<{ reconciliationFlags: { pageInfo: { hasNextPage: boolean }; nodes: Flag[] } }>(finance, FLAGS, { first: 2, after: first.data!.reconciliationFlags.pageInfo.endCursor });
    expect(rest.data!.reconciliationFlags.nodes.map((f) => f.amount.amount)).toEqual([1]);
    expect(rest.data!.reconciliationFlags.pageInfo.hasNextPage).toBe(false);
  });

  it('answers an empty organization with zero volume and no rate', async () => {
    const res = await ask<{ financeSummary: Summary }>(viewerOf(randomUUID(), 'finance'), SUMMARY);
    expect(res.data!.financeSummary).toEqual({ volume: [], capturedPayments: 0, reconciledPayments: 0, reconciliationRate: null, flaggedTransactions: 0, activeCards: 0 });
  });

  it('keeps the finance view to the finance role, and flags to their organization', async () => {
    const orgId = randomUUID();
    await capture(orgId, 1_000, 2_000);
    const traveler = await ask<{ financeSummary: Summary }>(viewerOf(orgId, 'traveler', 'travel_admin'), SUMMARY);
    expect(traveler.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const other = await ask<{ reconciliationFlags: { totalCount: number } }>(viewerOf(randomUUID(), 'finance'), FLAGS, {});
    expect(other.data!.reconciliationFlags.totalCount).toBe(0);

    const [flag] = (await ask<{ reconciliationFlags: { nodes: Flag[] } }>(viewerOf(orgId, 'finance'), FLAGS, {})).data!.reconciliationFlags.nodes;
    const foreign = await ask<{ resolveReconciliationFlag: { errors: { code: string }[] } }>(viewerOf(randomUUID(), 'finance'), RESOLVE, { input: { flagId: flag!.id, note: 'not mine' } });
    expect(foreign.data!.resolveReconciliationFlag.errors).toEqual([{ code: 'NOT_FOUND', field: 'flagId' }]);
    const blank = await ask<{ resolveReconciliationFlag: { errors: { code: string; field: string }[] } }>(viewerOf(orgId, 'finance'), RESOLVE, { input: { flagId: flag!.id, note: '  ' } });
    expect(blank.data!.resolveReconciliationFlag.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'note' }]);
  });
});
