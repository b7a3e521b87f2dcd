import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { createContext, type CustomerContext } from './context.js';
import * as tables from './db/schema.js';
import { LoyaltyRepository } from './loyalty/loyalty.repository.js';
import { LoyaltyService } from './loyalty/loyalty.service.js';
import { OrganizationsRepository } from './organizations/organizations.repository.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { PeopleRepository } from './people/people.repository.js';
import { PeopleService } from './people/people.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export { typeDefs, resolvers };

export interface CustomerServices {
  clock: Clock;
  repositories: { organizations: OrganizationsRepository; people: PeopleRepository; apiKeys: ApiKeysRepository; loyalty: LoyaltyRepository };
  organizations: OrganizationsService;
  people: PeopleService;
  apiKeys: ApiKeysService;
  loyalty: LoyaltyService;
}

export type CustomerServer = SubgraphServer<CustomerContext, CustomerServices>;

/** Customer: organizations, people, roles, sign-in, partner API keys and loyalty. */
export function createCustomerServer(runtime: SubgraphRuntime): CustomerServer {
  const eventing = createEventing(runtime, 'customer', tables);
  const repositories = { organizations: new OrganizationsRepository(runtime.db), people: new PeopleRepository(runtime.db), apiKeys: new ApiKeysRepository(runtime.db), loyalty: new LoyaltyRepository(runtime.db) };
  const services: CustomerServices = {
    clock: runtime.clock,
    repositories,
    organizations: new OrganizationsService(eventing.uow, repositories.organizations, repositories.people),
    people: new PeopleService(repositories.people, runtime.config),
    apiKeys: new ApiKeysService(repositories.apiKeys, runtime.clock),
    loyalty: new LoyaltyService(eventing.uow, repositories.loyalty, runtime.clock),
  };
  return new SubgraphServer(runtime, {
    name: 'customer',
    dbSchema: 'customer',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [
      {
        from: ['booking'],
        handlers: {
          'booking.confirmed': (event, scope) => services.loyalty.onBookingConfirmed(event, scope),
          'booking.completed': (event, scope) => services.loyalty.onBookingCompleted(event, scope),
          'booking.canceled': (event, scope) => services.loyalty.onBookingCanceled(event, scope),
        },
      },
    ],
    routes: (app) => apiKeyRoutes(app, services.apiKeys, runtime.config.INTERNAL_SECRET),
  });
}
