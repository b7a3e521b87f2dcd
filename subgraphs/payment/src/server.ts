import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { createContext, type PaymentContext } from './context.js';
import * as tables from './db/schema.js';
import { createGateway } from './gateway/create-gateway.js';
import type { PaymentGateway } from './gateway/payment-gateway.js';
import { bookingEventsConsumer } from './payments/payments.consumer.js';
import { PaymentsRepository } from './payments/payments.repository.js';
import { PaymentsService } from './payments/payments.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export { typeDefs, resolvers };

export interface PaymentServices {
  clock: Clock;
  gateway: PaymentGateway;
  repositories: { payments: PaymentsRepository };
  payments: PaymentsService;
}

export type PaymentServer = SubgraphServer<PaymentContext, PaymentServices>;

export interface PaymentServerOptions {
  /** Replaces the gateway chosen from configuration (tests that need a failing provider). */
  gateway?: PaymentGateway;
}

/** Payment: authorizations of booking payments through a card gateway (the sandbox unless Stripe is configured). */
export function createPaymentServer(runtime: SubgraphRuntime, options: PaymentServerOptions = {}): PaymentServer {
  const logger = runtime.logger.child({ subgraph: 'payment' });
  const eventing = createEventing(runtime, 'payment', tables);
  const gateway = options.gateway ?? createGateway(runtime.config, runtime.clock, logger);
  const repositories = { payments: new PaymentsRepository(runtime.db) };
  const services: PaymentServices = {
    clock: runtime.clock,
    gateway,
    repositories,
    payments: new PaymentsService(repositories.payments, gateway, runtime.clock, logger),
  };
  return new SubgraphServer(runtime, {
    name: 'payment',
    dbSchema: 'payment',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [bookingEventsConsumer(services.payments)],
  });
}
