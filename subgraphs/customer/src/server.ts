import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { createContext, type CustomerContext } from './context.js';
import * as tables from './db/schema.js';
import { DelegationsRepository } from './delegations/delegations.repository.js';
import { DelegationsService } from './delegations/delegations.service.js';
import { employeeImportRoutes } from './imports/employee-import.routes.js';
import { EmployeeImportService } from './imports/employee-import.service.js';
import { LoyaltyRepository } from './loyalty/loyalty.repository.js';
import { LoyaltyService } from './loyalty/loyalty.service.js';
import { OrganizationsRepository } from './organizations/organizations.repository.js';
import { OrganizationsService } from './organizations/organizations.service.js';
import { PeopleRepository } from './people/people.repository.js';
import { PeopleService } from './people/people.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { RefreshTokensRepository } from './sessions/refresh-tokens.repository.js';
import { SessionSweeper } from './sessions/session-sweeper.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SignInThrottleRepository } from './sessions/sign-in-throttle.repository.js';

export { typeDefs, resolvers };

export interface CustomerServices {
  clock: Clock;
  repositories: {
    organizations: OrganizationsRepository;
    people: PeopleRepository;
    delegations: DelegationsRepository;
    refreshTokens: RefreshTokensRepository;
    signInThrottle: SignInThrottleRepository;
    apiKeys: ApiKeysRepository;
    loyalty: LoyaltyRepository;
  };
  organizations: OrganizationsService;
  people: PeopleService;
  sessions: SessionsService;
  delegations: DelegationsService;
  imports: EmployeeImportService;
  sweeper: SessionSweeper;
  apiKeys: ApiKeysService;
  loyalty: LoyaltyService;
}

export type CustomerServer = SubgraphServer<CustomerContext, CustomerServices>;

/** Customer: organizations, people and their profiles, roles, delegations, sessions, employee imports, partner API keys, loyalty. */
export function createCustomerServer(runtime: SubgraphRuntime): CustomerServer {
  const eventing = createEventing(runtime, 'customer', tables);
  const repositories = {
    organizations: new OrganizationsRepository(runtime.db),
    people: new PeopleRepository(runtime.db),
    delegations: new DelegationsRepository(runtime.db),
    refreshTokens: new RefreshTokensRepository(runtime.db),
    signInThrottle: new SignInThrottleRepository(runtime.db),
    apiKeys: new ApiKeysRepository(runtime.db),
    loyalty: new LoyaltyRepository(runtime.db),
  };
  const sweeper = new SessionSweeper(
    repositories.refreshTokens,
    repositories.signInThrottle,
    runtime.clock,
    runtime.config.SIGN_IN_FAILURE_WINDOW_SECONDS,
    runtime.logger.child({ subgraph: 'customer', component: 'session-sweeper' }),
  );
  const services: CustomerServices = {
    clock: runtime.clock,
    repositories,
    organizations: new OrganizationsService(eventing.uow, repositories.organizations, repositories.people, repositories.delegations),
    people: new PeopleService(repositories.people),
    sessions: new SessionsService(
      eventing.uow,
      repositories.people,
      repositories.organizations,
      repositories.refreshTokens,
      repositories.signInThrottle,
      runtime.clock,
      runtime.config,
    ),
    delegations: new DelegationsService(repositories.delegations, repositories.people),
    imports: new EmployeeImportService(eventing.uow, repositories.people),
    sweeper,
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
    workers: [sweeper],
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
    routes: (app) => {
      apiKeyRoutes(app, services.apiKeys, runtime.config.INTERNAL_SECRET);
      employeeImportRoutes({
        imports: services.imports,
        secret: runtime.config.INTERNAL_SECRET,
        logger: runtime.logger.child({ subgraph: 'customer', component: 'employee-import' }),
      })(app);
    },
  });
}
