import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { CardsRepository } from './cards/cards.repository.js';
import { CardsService } from './cards/cards.service.js';
import { createContext, type PaymentContext } from './context.js';
import * as tables from './db/schema.js';
import { createGateway } from './gateway/create-gateway.js';
import type { PaymentGateway } from './gateway/payment-gateway.js';
import { bookingEventsConsumer } from './payments/payments.consumer.js';
import { PaymentsRepository } from './payments/payments.repository.js';
import { PaymentsService } from './payments/payments.service.js';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository.js';
import { ReconciliationService } from './reconciliation/reconciliation.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { WebhooksRepository } from './webhooks/webhooks.repository.js';
import { mountStripeWebhooks } from './webhooks/webhooks.routes.js';
import { StripeWebhooksService } from './webhooks/webhooks.service.js';

export { typeDefs, resolvers };

export interface PaymentServices {
  clock: Clock;
  gateway: PaymentGateway;
  repositories: { payments: PaymentsRepository; webhooks: WebhooksRepository; cards: CardsRepository; reconciliation: ReconciliationRepository };
  payments: PaymentsService;
  reconciliation: ReconciliationService;
  cards: CardsService;
  webhooks: StripeWebhooksService;
}

export type PaymentServer = SubgraphServer<PaymentContext, PaymentServices>;

export interface PaymentServerOptions {
  /** Replaces the gateway chosen from configuration (tests that need a failing provider). */
  gateway?: PaymentGateway;
}

/** Payment: authorizations, captures and refunds of booking payments through a card gateway (the sandbox unless Stripe is configured), and Stripe's webhooks. */
export function createPaymentServer(runtime: SubgraphRuntime, options: PaymentServerOptions = {}): PaymentServer {
  const logger = runtime.logger.child({ subgraph: 'payment' });
  const eventing = createEventing(runtime, 'payment', tables);
  const gateway = options.gateway ?? createGateway(runtime.config, runtime.clock, logger);
  const repositories = {
    payments: new PaymentsRepository(runtime.db),
    webhooks: new WebhooksRepository(runtime.db),
    cards: new CardsRepository(runtime.db),
    reconciliation: new ReconciliationRepository(runtime.db),
  };
  const reconciliation = new ReconciliationService(repositories.reconciliation, eventing.uow, runtime.clock);
  const services: PaymentServices = {
    clock: runtime.clock,
    gateway,
    repositories,
    reconciliation,
    payments: new PaymentsService(repositories.payments, gateway, runtime.clock, logger, reconciliation),
    cards: new CardsService(repositories.cards, gateway, eventing.uow, runtime.clock, logger, reconciliation),
    webhooks: new StripeWebhooksService(runtime.config.STRIPE_WEBHOOK_SECRET, eventing.uow, repositories.webhooks, repositories.payments, runtime.clock, logger),
  };
  services.webhooks.issuingAuthorization = async (authorization, scope) => {
    const decision = await services.cards.decide(
      {
        providerAuthorizationId: authorization.id,
        providerCardId: authorization.card.id,
        // A pending request carries the amount being asked for; `amount` is 0 until Stripe decides.
        amount: authorization.pending_request?.amount ?? authorization.amount,
        currency: authorization.pending_request?.currency ?? authorization.currency,
        merchantCategory: authorization.merchant_data.category,
        merchantName: authorization.merchant_data.name,
      },
      scope,
    );
    return { approved: decision.approved, reason: decision.approved ? 'approved' : decision.reason };
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
    consumers: [bookingEventsConsumer(services.payments, services.cards)],
    routes: (app) => mountStripeWebhooks(app, services.webhooks, logger),
  });
}
