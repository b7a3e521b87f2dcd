import { randomUUID } from 'node:crypto';
import { ManualClock, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, testConfig } from '@travel/platform/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments } from '../src/db/schema.js';
import type { AuthorizeRequest, AuthorizeResult } from '../src/gateway/payment-gateway.js';
import { SandboxGateway } from '../src/gateway/sandbox-gateway.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { confirmationRequested, publishAndAwaitPayment, publishFromBooking } from './booking-events.js';

describe('payment consumes booking.confirmation_requested', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: PaymentServer;

  const eventsOf = (paymentId: string) =>
    runtime.db.select({ type: outbox.type, orgId: outbox.orgId, payload: outbox.payload }).from(outbox).where(eq(outbox.aggregateId, paymentId));
  const paymentsOfBooking = (bookingId: string) => runtime.db.select().from(payments).where(eq(payments.bookingId, bookingId));

  beforeAll(async () => {
    runtime = await createTestRuntime(config, new ManualClock(new Date('2026-03-01T09:00:00Z')));
    server = createPaymentServer(runtime);
    runtime.openBus();
    await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('authorizes an approved card: an authorized payment and payment.authorized in the outbox', async () => {
    const orgId = randomUUID();
    const event = confirmationRequested(orgId, { amount: 48_250, currency: 'USD', paymentMethod: 'pm_card_visa' });
    const payment = await publishAndAwaitPayment(runtime, server, event);

    expect(payment).toMatchObject({
      orgId,
      bookingId: event.payload.bookingId,
      status: 'authorized',
      amountMinor: 48_250,
      currency: 'USD',
      provider: 'sandbox',
      paymentMethod: 'pm_card_visa',
      failureCode: null,
    });
    expect(payment.providerPaymentId).toMatch(/^pi_sandbox_/);
    expect(await eventsOf(payment.id)).toEqual([
      {
        type: 'payment.authorized',
        orgId,
        payload: { paymentId: payment.id, bookingId: event.payload.bookingId, amount: 48_250, currency: 'USD', provider: 'sandbox' },
      },
    ]);
  });

  it.each([
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['4000000000000002', 'generic_decline'],
    ['pm_card_nonsense', 'invalid_payment_method'],
  ])('records a declined %s as failed and emits payment.failed with %s', async (paymentMethod, code) => {
    const orgId = randomUUID();
    const payment = await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId, { paymentMethod }));

    expect(payment).toMatchObject({ status: 'failed', failureCode: code, failureMessage: expect.any(String) });
    const [announced, ...rest] = await eventsOf(payment.id);
    expect(rest).toEqual([]);
    expect(announced).toMatchObject({ type: 'payment.failed', orgId, payload: { paymentId: payment.id, bookingId: payment.bookingId, code } });
  });

  it('reports a card that needs 3-D Secure as payment.failed authentication_required, keeping the row in requires_action', async () => {
    const payment = await publishAndAwaitPayment(runtime, server, confirmationRequested(randomUUID(), { paymentMethod: 'pm_card_authenticationRequired' }));

    expect(payment).toMatchObject({ status: 'requires_action', failureCode: 'authentication_required' });
    expect(await eventsOf(payment.id)).toEqual([expect.objectContaining({ type: 'payment.failed', payload: expect.objectContaining({ code: 'authentication_required' }) })]);
  });

  it('never stores or announces a raw card number', async () => {
    const payment = await publishAndAwaitPayment(runtime, server, confirmationRequested(randomUUID(), { paymentMethod: '4242 4242 4242 4242' }));

    expect(payment).toMatchObject({ status: 'authorized', paymentMethod: '****4242' });
    expect(JSON.stringify(await eventsOf(payment.id))).not.toMatch(/4242\s?4242/);
  });

  it('handles the same event delivered twice once', async () => {
    const orgId = randomUUID();
    const event = confirmationRequested(orgId);
    await publishFromBooking(runtime, event, event);
    // Events of one stream reach the consumer in order, so once this later one is handled both deliveries above were too.
    await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId));

    const rows = await paymentsOfBooking(event.payload.bookingId);
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0]!.id)).toHaveLength(1);
  });

  it('does nothing for a second request with an idempotency key that already has a payment', async () => {
    const orgId = randomUUID();
    const first = confirmationRequested(orgId);
    const payment = await publishAndAwaitPayment(runtime, server, first);
    const retry = confirmationRequested(orgId, { bookingId: first.payload.bookingId, idempotencyKey: first.payload.idempotencyKey });
    await publishFromBooking(runtime, retry);
    await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId));

    expect(await paymentsOfBooking(first.payload.bookingId)).toEqual([payment]);
    expect(await eventsOf(payment.id)).toHaveLength(1);
  });

  it('consumes a malformed event without writing a payment', async () => {
    const orgId = randomUUID();
    const broken = confirmationRequested(orgId, { amount: -5 });
    await publishFromBooking(runtime, broken);
    await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId));

    expect(await server.services.repositories.payments.findByIdempotencyKey(broken.payload.idempotencyKey)).toBeUndefined();
  });
});

/** The sandbox, except that its first call fails as a network fault would. */
class FlakyGateway extends SandboxGateway {
  calls = 0;

  override async authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    this.calls += 1;
    if (this.calls === 1) throw new Error('connection reset by provider');
    return super.authorize(request);
  }
}

describe('payment consumer when the gateway faults', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  const gateway = new FlakyGateway(new ManualClock());

  beforeAll(async () => {
    runtime = await createTestRuntime(config);
    server = createPaymentServer(runtime, { gateway });
    runtime.openBus();
    await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('leaves the event unconsumed, so a redelivery authorizes it exactly once', async () => {
    const event = confirmationRequested(randomUUID());
    // The in-process bus reports the handler's failure to the publisher; Redis leaves the entry pending instead.
    await publishFromBooking(runtime, event).catch(() => undefined);
    await eventually(async () => (gateway.calls >= 1 ? true : undefined), { what: 'first delivery' });
    expect(await server.services.repositories.payments.findByIdempotencyKey(event.payload.idempotencyKey)).toBeUndefined();

    const payment = await publishAndAwaitPayment(runtime, server, event);
    expect(payment.status).toBe('authorized');
    expect(await runtime.db.select().from(payments).where(eq(payments.bookingId, event.payload.bookingId))).toHaveLength(1);
  });
});
