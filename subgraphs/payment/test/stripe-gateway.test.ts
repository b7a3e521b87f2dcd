import { randomUUID } from 'node:crypto';
import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig } from '@travel/platform/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError, IdempotencyKeyReusedError, type AuthorizeRequest } from '../src/gateway/payment-gateway.js';
import { StripeGateway } from '../src/gateway/stripe-gateway.js';
import { createPaymentServer, type PaymentServer } from '../src/server.js';
import { confirmationRequested, publishAndAwaitPayment, publishFromBooking, ticketed } from './booking-events.js';
import { FakeStripe, paymentIntent, stripeError, type Reply } from './fake-stripe.js';

const orgId = randomUUID();
const bookingId = randomUUID();

function authorizeRequest(overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return { amount: 48_250, currency: 'USD', paymentMethod: 'pm_card_visa', idempotencyKey: `confirm-${randomUUID()}`, metadata: { orgId, bookingId }, ...overrides };
}

describe('Stripe gateway, through the stripe SDK against a local endpoint', () => {
  const stripe = new FakeStripe();
  let gateway: StripeGateway;

  beforeAll(async () => {
    await stripe.start();
    gateway = new StripeGateway(stripe.client());
  });
  afterAll(() => stripe.stop());
  beforeEach(() => {
    stripe.requests.length = 0;
  });

  it('creates and confirms a manual-capture PaymentIntent with the idempotency key and metadata', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, (r) => paymentIntent({ id: 'pi_auth_1', status: 'requires_capture', amount: Number(r.form['amount']) }));
    const request = authorizeRequest();

    const result = await gateway.authorize(request);

    expect(result).toEqual({ status: 'requires_capture', providerPaymentId: 'pi_auth_1', sandbox: false });
    expect(stripe.requests).toHaveLength(1);
    const [sent] = stripe.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/payment_intents', idempotencyKey: request.idempotencyKey, authorization: 'Bearer sk_test_fake' });
    expect(sent!.form).toMatchObject({
      amount: '48250',
      currency: 'usd',
      capture_method: 'manual',
      confirm: 'true',
      payment_method: 'pm_card_visa',
      'metadata[orgId]': orgId,
      'metadata[bookingId]': bookingId,
      'automatic_payment_methods[allow_redirects]': 'never',
    });
  });

  it('maps requires_action to a 3-D Secure outcome', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () => paymentIntent({ id: 'pi_3ds', status: 'requires_action' }));
    expect(await gateway.authorize(authorizeRequest())).toMatchObject({ status: 'requires_action', providerPaymentId: 'pi_3ds' });
  });

  it('maps a 402 card_declined to a typed decline carrying the decline code and the intent id', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () =>
      stripeError(402, {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        payment_intent: { id: 'pi_declined', object: 'payment_intent', status: 'requires_payment_method' },
      }),
    );
    expect(await gateway.authorize(authorizeRequest({ paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds' }))).toEqual({
      status: 'declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      providerPaymentId: 'pi_declined',
      sandbox: false,
    });
  });

  it('falls back to the error code when a card error has no decline code', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () => stripeError(402, { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' }));
    expect(await gateway.authorize(authorizeRequest())).toMatchObject({ status: 'declined', declineCode: 'expired_card', providerPaymentId: '' });
  });

  it('throws a retryable rate_limited GatewayError on 429', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () => stripeError(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' }));
    const error = await gateway.authorize(authorizeRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, providerCode: 'rate_limit', statusCode: 429 });
  });

  it('throws IdempotencyKeyReusedError when Stripe reports an idempotency_error', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () =>
      stripeError(400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' }),
    );
    await expect(gateway.authorize(authorizeRequest())).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('throws a non-retryable invalid_request GatewayError on a 400', async () => {
    stripe.on('POST', /^\/v1\/payment_intents$/, () => stripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', message: 'Invalid integer' }));
    await expect(gateway.authorize(authorizeRequest())).rejects.toMatchObject({ kind: 'invalid_request', retryable: false, providerCode: 'parameter_invalid_integer' });
  });

  it('retries a 500 inside the SDK with the same idempotency key, so the retry cannot charge twice', async () => {
    let calls = 0;
    stripe.on('POST', /^\/v1\/payment_intents$/, () => {
      calls += 1;
      return calls === 1 ? stripeError(500, { type: 'api_error', message: 'boom' }) : paymentIntent({ id: 'pi_after_retry', status: 'requires_capture' });
    });
    const retrying = new StripeGateway(stripe.client({ maxNetworkRetries: 1 }));
    const request = authorizeRequest();

    expect(await retrying.authorize(request)).toMatchObject({ status: 'requires_capture', providerPaymentId: 'pi_after_retry' });
    expect(stripe.requests.map((r) => r.idempotencyKey)).toEqual([request.idempotencyKey, request.idempotencyKey]);
  });

  it('captures with amount_to_capture, its own idempotency key and metadata, and reports amount_received', async () => {
    stripe.on('POST', /^\/v1\/payment_intents\/pi_cap\/capture$/, (r) =>
      paymentIntent({ id: 'pi_cap', status: 'succeeded', amount: 50_000, amount_received: Number(r.form['amount_to_capture']) }),
    );
    const result = await gateway.capture({ providerPaymentId: 'pi_cap', amount: 45_000, idempotencyKey: 'capture:p1', metadata: { orgId, bookingId } });

    expect(result).toEqual({ amountCaptured: 45_000 });
    expect(stripe.requests[0]).toMatchObject({ idempotencyKey: 'capture:p1', form: { amount_to_capture: '45000', 'metadata[orgId]': orgId, 'metadata[bookingId]': bookingId } });
  });

  it('maps a capture of an expired authorization to a non-retryable GatewayError', async () => {
    stripe.on('POST', /\/capture$/, () =>
      stripeError(400, { type: 'invalid_request_error', code: 'charge_expired_for_capture', message: 'This charge has expired for capture.' }),
    );
    await expect(gateway.capture({ providerPaymentId: 'pi_old', amount: 1, idempotencyKey: 'k', metadata: {} })).rejects.toMatchObject({
      kind: 'invalid_request',
      retryable: false,
      providerCode: 'charge_expired_for_capture',
    });
  });

  it('cancels an authorization with an idempotency key', async () => {
    stripe.on('POST', /^\/v1\/payment_intents\/pi_c\/cancel$/, () => paymentIntent({ id: 'pi_c', status: 'canceled' }));
    await gateway.cancel({ providerPaymentId: 'pi_c', idempotencyKey: 'cancel:p1', metadata: { orgId, bookingId } });
    expect(stripe.requests[0]).toMatchObject({ path: '/v1/payment_intents/pi_c/cancel', idempotencyKey: 'cancel:p1', form: { cancellation_reason: 'requested_by_customer' } });
  });

  it('refunds a partial amount against the PaymentIntent', async () => {
    stripe.on('POST', /^\/v1\/refunds$/, (r): Reply => ({
      status: 200,
      body: { id: 're_1', object: 'refund', amount: Number(r.form['amount']), status: 'succeeded', failure_reason: null, currency: 'usd' },
    }));
    const result = await gateway.refund({ providerPaymentId: 'pi_r', amount: 12_000, idempotencyKey: 'refund:o:q1', metadata: { orgId, bookingId, quoteId: 'q1' } });

    expect(result).toEqual({ providerRefundId: 're_1', status: 'succeeded', amount: 12_000, failureReason: null });
    expect(stripe.requests[0]).toMatchObject({
      idempotencyKey: 'refund:o:q1',
      form: { payment_intent: 'pi_r', amount: '12000', reason: 'requested_by_customer', 'metadata[quoteId]': 'q1', 'metadata[bookingId]': bookingId },
    });
  });

  it('maps Stripe refusing a refund above the unrefunded amount to a non-retryable GatewayError', async () => {
    stripe.on('POST', /^\/v1\/refunds$/, () =>
      stripeError(400, { type: 'invalid_request_error', code: 'amount_too_large', message: 'Refund amount ($600.00) is greater than unrefunded amount on charge ($500.00)' }),
    );
    await expect(gateway.refund({ providerPaymentId: 'pi_r', amount: 60_000, idempotencyKey: 'r2', metadata: {} })).rejects.toMatchObject({
      kind: 'invalid_request',
      retryable: false,
      providerCode: 'amount_too_large',
    });
  });

  it('issues a virtual card with a lifetime spending limit and travel merchant categories, creating the cardholder once', async () => {
    stripe.on('POST', /^\/v1\/issuing\/cardholders$/, (): Reply => ({ status: 200, body: { id: 'ich_1', object: 'issuing.cardholder' } }));
    stripe.on('POST', /^\/v1\/issuing\/cards$/, (r): Reply => ({
      status: 200,
      body: { id: `ic_${r.idempotencyKey}`, object: 'issuing.card', last4: '4242', exp_month: 12, exp_year: 2029, status: 'active' },
    }));
    const card = await gateway.issueCard({
      limit: 48_250,
      currency: 'USD',
      allowedCategories: ['airlines', 'hotels', 'car_rental'],
      idempotencyKey: 'card:b1',
      metadata: { orgId, bookingId },
    });
    await gateway.issueCard({ limit: 100, currency: 'USD', allowedCategories: ['airlines'], idempotencyKey: 'card:b2', metadata: { orgId, bookingId } });

    expect(card).toEqual({ providerCardId: 'ic_card:b1', last4: '4242', expMonth: 12, expYear: 2029 });
    expect(stripe.requests.map((r) => r.path)).toEqual(['/v1/issuing/cardholders', '/v1/issuing/cards', '/v1/issuing/cards']);
    expect(stripe.requests[1]).toMatchObject({
      idempotencyKey: 'card:b1',
      form: {
        cardholder: 'ich_1',
        currency: 'usd',
        type: 'virtual',
        'spending_controls[spending_limits][0][amount]': '48250',
        'spending_controls[spending_limits][0][interval]': 'all_time',
        'spending_controls[allowed_categories][0]': 'airlines_air_carriers',
        'spending_controls[allowed_categories][1]': 'hotels_motels_and_resorts',
        'spending_controls[allowed_categories][2]': 'car_rental_agencies',
        'metadata[bookingId]': bookingId,
      },
    });
  });
});

describe('payment subgraph on the Stripe gateway (local endpoint)', () => {
  const stripe = new FakeStripe();
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: PaymentServer;
  let url: string;

  beforeAll(async () => {
    await stripe.start();
    runtime = await createTestRuntime(config);
    server = createPaymentServer(runtime, { gateway: new StripeGateway(stripe.client()) });
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
    await stripe.stop();
  });

  it('authorizes through Stripe, then captures on ticketing with metadata and its own idempotency key', async () => {
    const orgId = randomUUID();
    stripe.on('POST', /^\/v1\/payment_intents$/, (r) => paymentIntent({ id: `pi_${r.form['metadata[bookingId]']}`, status: 'requires_capture' }));
    stripe.on('POST', /^\/v1\/payment_intents\/[^/]+\/capture$/, (r) => paymentIntent({ id: 'pi_x', status: 'succeeded', amount_received: Number(r.form['amount_to_capture']) }));
    const event = confirmationRequested(orgId, { amount: 73_000, currency: 'EUR' });
    const payment = await publishAndAwaitPayment(runtime, server, event);
    expect(payment).toMatchObject({ provider: 'stripe', status: 'authorized', providerPaymentId: `pi_${event.payload.bookingId}` });

    await publishFromBooking(runtime, ticketed(orgId, payment.bookingId, 73_000, 'EUR'));
    const captured = await eventually(async () => {
      const row = await server.services.repositories.payments.findByIdempotencyKey(event.payload.idempotencyKey);
      return row?.status === 'captured' ? row : undefined;
    }, { what: 'capture' });
    expect(captured.capturedMinor).toBe(73_000);
    const capture = stripe.requests.find((r) => r.path === `/v1/payment_intents/pi_${event.payload.bookingId}/capture`);
    expect(capture).toMatchObject({
      idempotencyKey: `capture:${payment.id}`,
      form: { amount_to_capture: '73000', 'metadata[orgId]': orgId, 'metadata[bookingId]': payment.bookingId, 'metadata[paymentId]': payment.id },
    });
    const created = stripe.requests.find((r) => r.path === '/v1/payment_intents' && r.form['metadata[bookingId]'] === payment.bookingId);
    expect(created).toMatchObject({ idempotencyKey: event.payload.idempotencyKey, form: { currency: 'eur', amount: '73000', capture_method: 'manual' } });
  });

  it('shows a Stripe card decline in the graph as a FAILED payment with the decline code', async () => {
    const orgId = randomUUID();
    stripe.on('POST', /^\/v1\/payment_intents$/, () =>
      stripeError(402, {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        payment_intent: { id: 'pi_declined_graph', object: 'payment_intent', status: 'requires_payment_method' },
      }),
    );
    const payment = await publishAndAwaitPayment(runtime, server, confirmationRequested(orgId));
    const res = await gqlRequest<{ payment: { status: string; provider: string; sandbox: boolean; failureCode: string; failureMessage: string; providerPaymentId: string } }>(
      url,
      `query ($id: ID!) { payment(id: $id) { status provider sandbox failureCode failureMessage providerPaymentId } }`,
      { id: payment.id },
      await routerHeaders(config, { personId: randomUUID(), orgId, roles: ['traveler'] }),
    );
    expect(res.data!.payment).toEqual({
      status: 'FAILED',
      provider: 'stripe',
      sandbox: false,
      failureCode: 'insufficient_funds',
      failureMessage: 'Your card has insufficient funds.',
      providerPaymentId: 'pi_declined_graph',
    });
  });

  it('leaves a rate-limited authorization for redelivery, which reuses the idempotency key and authorizes once', async () => {
    let limited = true;
    stripe.on('POST', /^\/v1\/payment_intents$/, (r) =>
      limited
        ? stripeError(429, { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' })
        : paymentIntent({ id: `pi_${r.idempotencyKey}`, status: 'requires_capture' }),
    );
    const event = confirmationRequested(randomUUID());
    await publishFromBooking(runtime, event).catch(() => undefined);
    await eventually(async () => (stripe.requests.some((r) => r.idempotencyKey === event.payload.idempotencyKey) ? true : undefined), { what: 'first attempt' });
    expect(await server.services.repositories.payments.findByIdempotencyKey(event.payload.idempotencyKey)).toBeUndefined();

    limited = false;
    const payment = await publishAndAwaitPayment(runtime, server, event);
    expect(payment).toMatchObject({ status: 'authorized', providerPaymentId: `pi_${event.payload.idempotencyKey}` });
    const attempts = stripe.requests.filter((r) => r.idempotencyKey === event.payload.idempotencyKey);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((r) => r.form['amount']))).toEqual(new Set([String(event.payload.amount)]));
  });
});
