import { randomUUID } from 'node:crypto';
import { ManualClock, type DomainEvent, type ProcessRuntime, type WorkScope } from '@travel/platform';
import { createTestRuntime, eventually, testConfig } from '@travel/platform/testkit';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments, refunds, type PaymentRow } from '../src/db/schema.js';
import type { AuthorizeRequest, AuthorizeResult, RefundRequest, RefundResult } from '../src/gateway/payment-gateway.js';
import { SandboxGateway } from '../src/gateway/sandbox-gateway.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { confirmationRequested, publishAndAwaitPayment, publishFromBooking, refundRequested, ticketed } from './booking-events.js';

/** The sandbox, counting the calls that would move money. */
class CountingGateway extends SandboxGateway {
  authorizations = 0;
  refunds = 0;

  override async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    this.authorizations += 1;
    return super.authorize(request);
  }

  override async refund(request: RefundRequest): Promise<RefundResult> {
    this.refunds += 1;
    return super.refund(request);
  }
}

describe('capture on booking.ticketed, refunds on booking.refund_requested', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  const gateway = new CountingGateway(new ManualClock());

  const eventsOf = (aggregateId: string) =>
    runtime.db.select({ type: outbox.type, payload: outbox.payload }).from(outbox).where(eq(outbox.aggregateId, aggregateId)).orderBy(outbox.occurredAt, outbox.id);
  const typesOf = async (aggregateId: string) => (await eventsOf(aggregateId)).map((e) => e.type).sort();
  const paymentNow = async (id: string) => (await runtime.db.select().from(payments).where(eq(payments.id, id)))[0]!;
  const refundOf = (orgId: string, quoteId: string) => eventually(() => server.services.repositories.payments.findRefundByQuote(orgId, quoteId), { what: `refund ${quoteId}` });
  /** Runs a handler the way the consumer does (one unit of work), without the bus, so calls can really overlap. */
  const handleDirectly = <T>(fn: (scope: WorkScope) => Promise<T>) => server.definition.eventing.uow.run(fn);

  async function authorizedPayment(orgId: string, amount = 50_000): Promise<PaymentRow> {
    return publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { amount }));
  }
  async function capturedPayment(orgId: string, amount = 50_000): Promise<PaymentRow> {
    const payment = await authorizedPayment(orgId, amount);
    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, amount));
    return eventually(async () => {
      const row = await paymentNow(payment.id);
      return row.status === 'captured' ? row : undefined;
    }, { what: 'capture' });
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(config, new ManualClock(new Date('2026-03-01T09:00:00Z')));
    server = createPaymentServer(runtime, { gateway });
    runtime.openBus();
    await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('captures the authorized amount once when the booking is ticketed, even when ticketing is announced twice', async () => {
    const orgId = randomUUID();
    const payment = await capturedPayment(orgId, 50_000);
    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, 50_000));
    await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId)); // a later event on the stream: the duplicate was handled before it

    expect(await paymentNow(payment.id)).toMatchObject({ status: 'captured', capturedMinor: 50_000, refundedMinor: 0, capturedAt: expect.any(Date) });
    expect(await eventsOf(payment.id)).toEqual([
      expect.objectContaining({ type: 'payment.authorized' }),
      { type: 'payment.captured', payload: { paymentId: payment.id, bookingId: payment.bookingId, amount: 50_000, currency: 'USD' } },
    ]);
  });

  it('captures no more than was authorized when the ticketed amount is higher', async () => {
    const orgId = randomUUID();
    const payment = await authorizedPayment(orgId, 30_000);
    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, 31_000));
    const captured = await eventually(async () => ((await paymentNow(payment.id)).status === 'captured' ? paymentNow(payment.id) : undefined), { what: 'capture' });
    expect(captured.capturedMinor).toBe(30_000);
  });

  it('refunds partially, then the rest under another quote, ending REFUNDED; a repeated quote is refunded once', async () => {
    const orgId = randomUUID();
    const payment = await capturedPayment(orgId, 50_000);
    const first = refundRequested(orgId, payment.bookingId, 20_000, 'quote-a');
    await publishFromBooking(runtime, first);
    await refundOf(orgId, 'quote-a');
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 20_000, 'quote-a'));
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 30_000, 'quote-b'));
    await refundOf(orgId, 'quote-b');

    expect(await paymentNow(payment.id)).toMatchObject({ status: 'refunded', capturedMinor: 50_000, refundedMinor: 50_000 });
    const refunded = (await eventsOf(payment.id)).filter((e) => e.type === 'payment.refunded').map((e) => e.payload);
    expect(refunded).toEqual([
      expect.objectContaining({ quoteId: 'quote-a', amount: 20_000, totalRefunded: 20_000, currency: 'USD' }),
      expect.objectContaining({ quoteId: 'quote-b', amount: 30_000, totalRefunded: 50_000 }),
    ]);
    expect(await runtime.db.select().from(refunds).where(and(eq(refunds.orgId, orgId), eq(refunds.quoteId, 'quote-a')))).toHaveLength(1);
  });

  it('refuses a refund above what remains captured with payment.refund_failed, moving no money', async () => {
    const orgId = randomUUID();
    const payment = await capturedPayment(orgId, 10_000);
    const before = gateway.refunds;
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 10_001, 'too-much'));
    const refund = await refundOf(orgId, 'too-much');

    expect(refund).toMatchObject({ status: 'failed', failureCode: 'amount_exceeds_captured', amountMinor: 10_001 });
    expect(gateway.refunds).toBe(before);
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'captured', refundedMinor: 0 });
    expect((await eventsOf(payment.id)).find((e) => e.type === 'payment.refund_failed')?.payload).toMatchObject({
      paymentId: payment.id,
      quoteId: 'too-much',
      code: 'amount_exceeds_captured',
    });
  });

  it('refuses a refund in another currency', async () => {
    const orgId = randomUUID();
    const payment = await capturedPayment(orgId, 10_000);
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 100, 'eur-quote', 'EUR'));
    expect(await refundOf(orgId, 'eur-quote')).toMatchObject({ status: 'failed', failureCode: 'currency_mismatch' });
  });

  it('releases the whole authorization for a full refund quote before capture', async () => {
    const orgId = randomUUID();
    const payment = await authorizedPayment(orgId, 40_000);
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 40_000, 'before-ticketing'));
    expect(await refundOf(orgId, 'before-ticketing')).toMatchObject({ status: 'succeeded', amountMinor: 40_000, providerRefundId: null });

    expect(await paymentNow(payment.id)).toMatchObject({ status: 'canceled', capturedMinor: 0, refundedMinor: 0 });
    expect(await typesOf(payment.id)).toEqual(['payment.authorized', 'payment.canceled', 'payment.refunded']);
    expect((await eventsOf(payment.id)).find((e) => e.type === 'payment.refunded')?.payload).toMatchObject({ amount: 40_000, quoteId: 'before-ticketing' });
  });

  it('captures only the cancellation fee and releases the quoted refund for a partial quote before capture; ticketing later collects nothing more', async () => {
    const orgId = randomUUID();
    const payment = await authorizedPayment(orgId, 40_000);
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 30_000, 'with-fee'));
    await refundOf(orgId, 'with-fee');
    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, 40_000));
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 10_001, 'beyond-fee'));
    expect(await refundOf(orgId, 'beyond-fee')).toMatchObject({ status: 'failed', failureCode: 'amount_exceeds_captured' });

    expect(await paymentNow(payment.id)).toMatchObject({ status: 'captured', capturedMinor: 10_000, refundedMinor: 0 });
    expect(await typesOf(payment.id)).toEqual(['payment.authorized', 'payment.captured', 'payment.refund_failed', 'payment.refunded']);
  });

  it('refuses a quote above the authorization before capture', async () => {
    const orgId = randomUUID();
    const payment = await authorizedPayment(orgId, 1_000);
    await publishFromBooking(runtime, refundRequested(orgId, payment.bookingId, 1_001, 'over-auth'));
    expect(await refundOf(orgId, 'over-auth')).toMatchObject({ status: 'failed', failureCode: 'amount_exceeds_captured' });
    expect((await paymentNow(payment.id)).status).toBe('authorized');
  });

  it('answers a refund for a booking without payment with payment.refund_failed', async () => {
    const orgId = randomUUID();
    const bookingId = randomUUID();
    await publishFromBooking(runtime, refundRequested(orgId, bookingId, 500, 'orphan'));
    expect(await refundOf(orgId, 'orphan')).toMatchObject({ status: 'failed', failureCode: 'no_captured_payment', paymentId: null });
    expect(await typesOf(bookingId)).toEqual(['payment.refund_failed']);
  });

  it('authorizes a booking confirmed twice at once exactly once, whatever the idempotency keys', async () => {
    const orgId = randomUUID();
    const bookingId = randomUUID();
    const before = gateway.authorizations;
    const attempts: DomainEvent<'booking.confirmation_requested'>[] = [
      confirmationRequested(orgId, { bookingId, idempotencyKey: `${bookingId}-a` }),
      confirmationRequested(orgId, { bookingId, idempotencyKey: `${bookingId}-b` }),
      confirmationRequested(orgId, { bookingId, idempotencyKey: `${bookingId}-a` }),
    ];
    await Promise.all(attempts.map((event) => handleDirectly((scope) => server.services.payments.authorizeBooking(event, scope))));

    const rows = await runtime.db.select().from(payments).where(eq(payments.bookingId, bookingId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('authorized');
    expect(gateway.authorizations - before).toBe(1);
    expect(await typesOf(rows[0]!.id)).toEqual(['payment.authorized']);
  });

  it('never refunds more than was captured when refunds race', async () => {
    const orgId = randomUUID();
    const payment = await capturedPayment(orgId, 10_000);
    const racing = Array.from({ length: 5 }, (_, i) => refundRequested(orgId, payment.bookingId, 3_000, `race-${i}`));
    await Promise.all(racing.map((event) => handleDirectly((scope) => server.services.payments.refundBooking(event, scope))));

    const rows = await runtime.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows.filter((r) => r.status === 'succeeded').map((r) => r.amountMinor)).toEqual([3_000, 3_000, 3_000]);
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.failureCode)).toEqual(['amount_exceeds_captured', 'amount_exceeds_captured']);
    expect(await paymentNow(payment.id)).toMatchObject({ capturedMinor: 10_000, refundedMinor: 9_000, status: 'captured' });
  });
});
