import { randomUUID } from 'node:crypto';
import { ManualClock, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, testConfig } from '@travel/platform/testkit';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments, webhookEvents, type PaymentRow } from '../src/db/schema.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { confirmationRequested, publishAndAwaitPayment } from './booking-events.js';

const SECRET = 'whsec_test_payment_webhooks';

describe('POST /webhooks/stripe', () => {
  const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  const config = testConfig({ STRIPE_WEBHOOK_SECRET: SECRET });
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  let endpoint: URL;

  const paymentNow = async (id: string) => (await runtime.db.select().from(payments).where(eq(payments.id, id)))[0]!;
  const typesOf = async (id: string) =>
    (await runtime.db.select({ type: outbox.type }).from(outbox).where(eq(outbox.aggregateId, id)).orderBy(outbox.occurredAt, outbox.id)).map((e) => e.type);

  function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_${randomUUID().replace(/-/g, '')}`): string {
    return JSON.stringify({
      id,
      object: 'event',
      type,
      api_version: '2026-10-28',
      created: Math.floor(clock.now().getTime() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    });
  }
  function intent(payment: PaymentRow, fields: Record<string, unknown> = {}) {
    return { id: payment.providerPaymentId, object: 'payment_intent', amount: payment.amountMinor, currency: payment.currency.toLowerCase(), metadata: {}, ...fields };
  }
  function sign(payload: string, { secret = SECRET, ageSeconds = 0 } = {}): string {
    return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(clock.now().getTime() / 1000) - ageSeconds });
  }
  async function deliver(payload: string, signature: string | null = sign(payload)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['stripe-signature'] = signature;
    const res = await fetch(endpoint, { method: 'POST', headers, body: payload });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const needing3ds = () => publishAndAwaitPayment(runtime, server, confirmationRequested(randomUUID(), { paymentMethod: 'pm_card_authenticationRequired' }));
  const authorized = () => publishAndAwaitPayment(runtime, server, confirmationRequested(randomUUID(), { amount: 20_000 }));

  beforeAll(async () => {
    runtime = await createTestRuntime(config, clock);
    server = createPaymentServer(runtime);
    runtime.openBus();
    endpoint = new URL('/webhooks/stripe', await server.start(0));
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('applies a validly signed amount_capturable_updated: the 3-D Secure payment becomes authorized and booking hears payment.authorized', async () => {
    const payment = await needing3ds();
    const payload = stripeEvent('payment_intent.amount_capturable_updated', intent(payment, { status: 'requires_capture', amount_capturable: payment.amountMinor }));

    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'authorized' });
    expect(await typesOf(payment.id)).toEqual(['payment.failed', 'payment.authorized']);
  });

  it('rejects a forged signature with 400 and changes nothing', async () => {
    const payment = await needing3ds();
    const payload = stripeEvent('payment_intent.amount_capturable_updated', intent(payment, { status: 'requires_capture' }));

    expect((await deliver(payload, sign(payload, { secret: 'whsec_attacker' }))).status).toBe(400);
    expect((await deliver(payload, null)).status).toBe(400);
    // A signature over other bytes: the body was altered after signing.
    expect((await deliver(payload.replace('"livemode":false', '"livemode":true'), sign(payload))).status).toBe(400);
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'requires_action' });
    expect(await runtime.db.select().from(webhookEvents).where(eq(webhookEvents.id, JSON.parse(payload).id))).toEqual([]);
  });

  it('rejects a signature older than 300 seconds and accepts one just inside the tolerance', async () => {
    const payment = await needing3ds();
    const stale = stripeEvent('payment_intent.amount_capturable_updated', intent(payment, { status: 'requires_capture' }));
    expect((await deliver(stale, sign(stale, { ageSeconds: 301 }))).status).toBe(400);
    expect((await paymentNow(payment.id)).status).toBe('requires_action');

    const fresh = stripeEvent('payment_intent.amount_capturable_updated', intent(payment, { status: 'requires_capture' }));
    expect((await deliver(fresh, sign(fresh, { ageSeconds: 299 }))).status).toBe(200);
    expect((await paymentNow(payment.id)).status).toBe('authorized');
  });

  it('handles a replayed event once', async () => {
    const payment = await authorized();
    const payload = stripeEvent('payment_intent.succeeded', intent(payment, { status: 'succeeded', amount_received: 20_000 }));
    const signature = sign(payload);

    expect((await deliver(payload, signature)).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(payload, signature)).body).toMatchObject({ outcome: 'duplicate' });
    expect(await typesOf(payment.id)).toEqual(['payment.authorized', 'payment.captured']);
    expect(await runtime.db.select({ outcome: webhookEvents.outcome }).from(webhookEvents).where(eq(webhookEvents.id, JSON.parse(payload).id))).toEqual([
      { outcome: 'applied' },
    ]);
  });

  it('is safe out of order: a success before the capturable update captures, and the late update moves nothing back', async () => {
    const payment = await needing3ds();
    const succeeded = stripeEvent('payment_intent.succeeded', intent(payment, { status: 'succeeded', amount_received: payment.amountMinor }));
    const capturable = stripeEvent('payment_intent.amount_capturable_updated', intent(payment, { status: 'requires_capture' }));
    const failed = stripeEvent('payment_intent.payment_failed', intent(payment, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } }));

    expect((await deliver(succeeded)).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(capturable)).body).toMatchObject({ outcome: 'ignored' });
    expect((await deliver(failed)).body).toMatchObject({ outcome: 'ignored' });

    expect(await paymentNow(payment.id)).toMatchObject({ status: 'captured', capturedMinor: payment.amountMinor, failureCode: 'authentication_required' });
    // Events of one transaction share occurred_at, so the outbox does not order them; the set is what counts here.
    expect((await typesOf(payment.id)).sort()).toEqual(['payment.authorized', 'payment.captured', 'payment.failed']);
  });

  it('marks a failed 3-D Secure payment failed without announcing the failure twice', async () => {
    const payment = await needing3ds();
    const failed = stripeEvent('payment_intent.payment_failed', intent(payment, { last_payment_error: { code: 'card_declined', decline_code: 'do_not_honor', message: 'Declined' } }));
    expect((await deliver(failed)).body).toMatchObject({ outcome: 'applied' });
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'failed', failureCode: 'do_not_honor' });
    expect(await typesOf(payment.id)).toEqual(['payment.failed']);
  });

  it('applies charge.refunded only when the refunded total grows, even before the success webhook', async () => {
    const payment = await authorized();
    const charge = (amountRefunded: number) =>
      stripeEvent('charge.refunded', {
        id: `ch_${randomUUID()}`,
        object: 'charge',
        payment_intent: payment.providerPaymentId,
        amount: 20_000,
        amount_captured: 20_000,
        amount_refunded: amountRefunded,
        refunds: { object: 'list', data: [{ id: 're_dashboard_1', object: 'refund' }] },
      });

    expect((await deliver(charge(5_000))).body).toMatchObject({ outcome: 'applied' });
    expect((await deliver(charge(5_000))).body).toMatchObject({ outcome: 'ignored' });
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'captured', capturedMinor: 20_000, refundedMinor: 5_000 });
    expect((await deliver(charge(20_000))).body).toMatchObject({ outcome: 'applied' });
    expect(await paymentNow(payment.id)).toMatchObject({ status: 'refunded', refundedMinor: 20_000 });

    const refunded = await runtime.db.select({ payload: outbox.payload }).from(outbox).where(eq(outbox.type, 'payment.refunded'));
    expect(refunded.map((r) => r.payload).filter((p) => (p as { paymentId: string }).paymentId === payment.id)).toEqual([
      expect.objectContaining({ amount: 5_000, totalRefunded: 5_000, refundId: 're_dashboard_1', quoteId: null }),
      expect.objectContaining({ amount: 15_000, totalRefunded: 20_000 }),
    ]);
  });

  it('acknowledges event types it does not handle, so Stripe stops retrying them', async () => {
    expect((await deliver(stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }))).body).toMatchObject({ outcome: 'unsupported' });
  });
});
