import type { Clock, Config, Logger } from '@travel/platform';
import type { PaymentGateway } from './payment-gateway.js';
import { SandboxGateway } from './sandbox-gateway.js';

export class GatewayConfigurationError extends Error {
  override name = 'GatewayConfigurationError';
}

/**
 * The sandbox unless a Stripe key is configured. A configured key without a
 * Stripe gateway must stop the process: silently falling back to the sandbox
 * would confirm bookings that nobody paid for.
 */
export function createGateway(config: Pick<Config, 'STRIPE_SECRET_KEY'>, clock: Clock, logger: Logger): PaymentGateway {
  if (config.STRIPE_SECRET_KEY?.trim()) {
    throw new GatewayConfigurationError(
      'STRIPE_SECRET_KEY is set, but the Stripe payment gateway is not part of this build yet: it arrives with the payments issue ' +
        '(Stripe SDK, captures, refunds, webhooks). Unset STRIPE_SECRET_KEY to run with the built-in payment sandbox.',
    );
  }
  logger.warn(
    { provider: 'sandbox' },
    'payment gateway: SANDBOX. Stripe test-mode behaviour, no real money moves. Use pm_card_visa or 4242424242424242 to approve, pm_card_chargeDeclined to decline.',
  );
  return new SandboxGateway(clock);
}
