import { randomUUID } from 'node:crypto';
import { createLogger, ManualClock } from '@travel/platform';
import { createTestRuntime, testConfig } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { createGateway, GatewayConfigurationError } from '../src/gateway/create-gateway.js';
import { IdempotencyKeyReusedError, type AuthorizeRequest } from '../src/gateway/payment-gateway.js';
import { SandboxGateway } from '../src/gateway/sandbox-gateway.js';
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

  it('fails fast with a clear message when a Stripe key is configured, instead of faking Stripe', () => {
    expect(() => createGateway({ STRIPE_SECRET_KEY: 'sk_test_123' }, new ManualClock(), silent)).toThrow(GatewayConfigurationError);
    expect(() => createGateway({ STRIPE_SECRET_KEY: 'sk_test_123' }, new ManualClock(), silent)).toThrow(/payments issue/);
  });

  it('stops the payment server from being built with a Stripe key', async () => {
    const runtime = await createTestRuntime(testConfig({ STRIPE_SECRET_KEY: 'sk_test_123' }));
    try {
      expect(() => createPaymentServer(runtime)).toThrow(/STRIPE_SECRET_KEY is set/);
    } finally {
      await runtime.close();
    }
  });
});
