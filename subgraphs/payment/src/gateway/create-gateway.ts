import type { Clock, Config, Logger } from '@travel/platform';
import Stripe from 'stripe';
import type { PaymentGateway } from './payment-gateway.js';
import { SandboxGateway } from './sandbox-gateway.js';
import { StripeGateway } from './stripe-gateway.js';

/**
 * The SDK's own retries (network faults, 409 lock_timeout, 5xx; not 429) are
 * safe because every call carries an idempotency key; two keep a brief
 * blip from costing an event redelivery.
 */
export const STRIPE_NETWORK_RETRIES = 2;

export function stripeClient(secretKey: string, overrides: Stripe.StripeConfig = {}): Stripe {
  return new Stripe(secretKey, { maxNetworkRetries: STRIPE_NETWORK_RETRIES, timeout: 20_000, appInfo: { name: 'travel-payment' }, ...overrides });
}

/** Stripe when a secret key is configured, otherwise the sandbox, which says loudly that no real money moves. */
export function createGateway(config: Pick<Config, 'STRIPE_SECRET_KEY'>, clock: Clock, logger: Logger): PaymentGateway {
  const key = config.STRIPE_SECRET_KEY?.trim();
  if (key) {
    logger.info({ provider: 'stripe', mode: key.startsWith('sk_live_') || key.startsWith('rk_live_') ? 'live' : 'test' }, 'payment gateway: Stripe');
    return new StripeGateway(stripeClient(key));
  }
  logger.warn(
    { provider: 'sandbox' },
    'payment gateway: SANDBOX. Stripe test-mode behaviour, no real money moves. Use pm_card_visa or 4242424242424242 to approve, pm_card_chargeDeclined to decline.',
  );
  return new SandboxGateway(clock);
}
