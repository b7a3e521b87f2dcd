import { randomUUID } from 'node:crypto';
import { createLogger, ManualClock } from '@travel/platform';
import { createTestRuntime, testConfig } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../src/gateway/create-gateway.js';
import { GatewayError, IdempotencyKeyReusedError, type AuthorizeRequest } from '../src/gateway/payment-gateway.js';
import { SandboxGateway } from '../src/gateway/sandbox-gateway.js';
import { StripeGateway } from '../src/gateway/stripe-gateway.js';
import { createPaymentServer } from '../src/server.js';

const silent = createLogger({ LOG_LEVEL: 'silent' }, 'test');

function request(paymentMethod: string, overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest {
  return { amount: 12_000, currency: 'USD', paymentMethod, idempotencyKey: randomUUID(), metadata: { bookingId: randomUUID() }, ...overrides };
}

describe('sandbox gateway outcomes (Stripe test mode)', () => {
  const gateway = new SandboxGateway(new ManualClock());

  it.each([
    ['pm_card_visa', 'requires_capture', undefined],
    ['pm_card_mastercard', 'requires_capture', undefined],
    ['pm_card_amex', 'requires_capture', undefined],
    ['pm_card_chargeDeclined', 'declined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'declined', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'declined', 'expired_card'],
    ['pm_card_authenticationRequired', 'requires_action', undefined],
    ['4242424242424242', 'requires_capture', undefined],
    ['5555555555554444', 'requires_capture', undefined],
    ['4000000000000002', 'declined', 'generic_decline'],
    ['4000000000009995', 'declined', 'insufficient_funds'],
    ['4000002500003155', 'requires_action', undefined],
    ['4242 4242 4242 4242', 'requires_capture', undefined],
    ['pm_card_unknown', 'declined', 'invalid_payment_method'],
    ['4111111111111111', 'declined', 'invalid_payment_method'],
    ['', 'declined', 'invalid_payment_method'],
  ])('%j → %s %s', async (paymentMethod, status, declineCode) => {
    const result = await gateway.authorize(request(paymentMethod));
    expect(result.status).toBe(status);
    expect(result.status === 'declined' ? result.declineCode : undefined).toBe(declineCode);
    expect(result.sandbox).toBe(true);
    expect(result.providerPaymentId).toMatch(/^pi_sandbox_[0-9a-f]{24}$/);
    if (result.status !== 'requires_capture') expect(result.message).toEqual(expect.any(String));
  });

  it('never echoes an unknown payment method (it may be a real card number) in its message', async () => {
    const result = await gateway.authorize(request('4111111111111111'));
    expect(result.status === 'declined' && result.message).not.toContain('4111');
  });
});

describe('sandbox gateway idempotency', () => {
  it('answers a repeated idempotency key with the same result and PaymentIntent id', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    const first = await gateway.authorize(request('pm_card_chargeDeclined', { idempotencyKey: 'key-1' }));
    const again = await gateway.authorize(request('pm_card_chargeDeclined', { idempotencyKey: 'key-1' }));
    expect(again).toEqual(first);
    const other = await gateway.authorize(request('pm_card_chargeDeclined', { idempotencyKey: 'key-2' }));
    expect(other.providerPaymentId).not.toBe(first.providerPaymentId);
  });

  it('keeps the PaymentIntent id of a key across instances, so a restarted process reports the same intent', async () => {
    const a = await new SandboxGateway(new ManualClock()).authorize(request('pm_card_visa', { idempotencyKey: 'restart-key' }));
    const b = await new SandboxGateway(new ManualClock()).authorize(request('pm_card_visa', { idempotencyKey: 'restart-key' }));
    expect(b.providerPaymentId).toBe(a.providerPaymentId);
  });

  it('refuses a key reused with different parameters, as Stripe does', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    await gateway.authorize(request('pm_card_visa', { idempotencyKey: 'key-3', amount: 100 }));
    await expect(gateway.authorize(request('pm_card_visa', { idempotencyKey: 'key-3', amount: 200 }))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('forgets keys after 24 hours, like Stripe', async () => {
    const clock = new ManualClock();
    const gateway = new SandboxGateway(clock);
    await gateway.authorize(request('pm_card_visa', { idempotencyKey: 'key-4', amount: 100 }));
    clock.advance(24 * 60 * 60 * 1000 + 1);
    await expect(gateway.authorize(request('pm_card_visa', { idempotencyKey: 'key-4', amount: 200 }))).resolves.toMatchObject({ status: 'requires_capture' });
  });

  it('rejects an amount that is not a positive integer of minor units', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    await expect(gateway.authorize(request('pm_card_visa', { amount: 12.5 }))).rejects.toThrow(/positive integer/);
    await expect(gateway.authorize(request('pm_card_visa', { amount: 0 }))).rejects.toThrow(/positive integer/);
  });
});

describe('gateway selection', () => {
  it('uses the sandbox when no Stripe key is configured', () => {
    const gateway = createGateway({ STRIPE_SECRET_KEY: undefined }, new ManualClock(), silent);
    expect(gateway).toBeInstanceOf(SandboxGateway);
    expect(gateway).toMatchObject({ provider: 'sandbox', sandbox: true });
  });

  it('uses Stripe when a secret key is configured', () => {
    const gateway = createGateway({ STRIPE_SECRET_KEY: 'sk_test_123' }, new ManualClock(), silent);
    expect(gateway).toBeInstanceOf(StripeGateway);
    expect(gateway).toMatchObject({ provider: 'stripe', sandbox: false });
  });

  it('treats a blank key as unset', () => {
    expect(createGateway({ STRIPE_SECRET_KEY: '  ' }, new ManualClock(), silent)).toBeInstanceOf(SandboxGateway);
  });

  it('builds the payment server on Stripe when the key is configured', async () => {
    const runtime = await createTestRuntime(testConfig({ STRIPE_SECRET_KEY: 'sk_test_123' }));
    try {
      expect(createPaymentServer(runtime).services.gateway).toBeInstanceOf(StripeGateway);
    } finally {
      await runtime.close();
    }
  });
});

describe('sandbox gateway capture, cancel and refund (Stripe test-mode semantics)', () => {
  const meta = { bookingId: 'b' };
  async function authorized(gateway: SandboxGateway, amount = 10_000) {
    const result = await gateway.authorize(request('pm_card_visa', { amount }));
    expect(result.status).toBe('requires_capture');
    return result.providerPaymentId;
  }

  it('captures up to the authorized amount, once per idempotency key', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    const id = await authorized(gateway);
    await expect(gateway.capture({ providerPaymentId: id, amount: 10_001, idempotencyKey: 'c0', metadata: meta })).rejects.toMatchObject({
      kind: 'invalid_request',
      providerCode: 'amount_too_large',
    });
    expect(await gateway.capture({ providerPaymentId: id, amount: 8_000, idempotencyKey: 'c1', metadata: meta })).toEqual({ amountCaptured: 8_000 });
    expect(await gateway.capture({ providerPaymentId: id, amount: 8_000, idempotencyKey: 'c1', metadata: meta })).toEqual({ amountCaptured: 8_000 });
    await expect(gateway.capture({ providerPaymentId: id, amount: 8_000, idempotencyKey: 'c2', metadata: meta })).rejects.toMatchObject({
      providerCode: 'payment_intent_unexpected_state',
    });
  });

  it('refunds partially and fully, never more than captured', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    const id = await authorized(gateway);
    await expect(gateway.refund({ providerPaymentId: id, amount: 100, idempotencyKey: 'r0', metadata: meta })).rejects.toMatchObject({
      providerCode: 'payment_intent_unexpected_state',
    });
    await gateway.capture({ providerPaymentId: id, amount: 10_000, idempotencyKey: 'c', metadata: meta });
    const partial = await gateway.refund({ providerPaymentId: id, amount: 4_000, idempotencyKey: 'r1', metadata: meta });
    expect(partial).toMatchObject({ status: 'succeeded', amount: 4_000, providerRefundId: expect.stringMatching(/^re_sandbox_/) });
    await expect(gateway.refund({ providerPaymentId: id, amount: 6_001, idempotencyKey: 'r2', metadata: meta })).rejects.toBeInstanceOf(GatewayError);
    expect(await gateway.refund({ providerPaymentId: id, amount: 6_000, idempotencyKey: 'r3', metadata: meta })).toMatchObject({ amount: 6_000 });
    // A retry of an earlier refund replays it instead of refunding again.
    expect(await gateway.refund({ providerPaymentId: id, amount: 4_000, idempotencyKey: 'r1', metadata: meta })).toEqual(partial);
    await expect(gateway.refund({ providerPaymentId: id, amount: 1, idempotencyKey: 'r4', metadata: meta })).rejects.toMatchObject({ providerCode: 'amount_too_large' });
  });

  it('cancels an uncaptured authorization, and refuses to capture it afterwards', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    const id = await authorized(gateway);
    await gateway.cancel({ providerPaymentId: id, idempotencyKey: 'x1', metadata: meta });
    await expect(gateway.capture({ providerPaymentId: id, amount: 1, idempotencyKey: 'x2', metadata: meta })).rejects.toMatchObject({
      providerCode: 'payment_intent_unexpected_state',
    });
  });

  it('answers an unknown non-sandbox intent as resource_missing', async () => {
    const gateway = new SandboxGateway(new ManualClock());
    await expect(gateway.capture({ providerPaymentId: 'pi_real_123', amount: 1, idempotencyKey: 'u', metadata: meta })).rejects.toMatchObject({
      providerCode: 'resource_missing',
    });
  });
});
