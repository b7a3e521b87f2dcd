import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { createContext, type AnalyticsContext } from './context.js';
import * as tables from './db/schema.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { spendConsumer } from './spend/spend.consumers.js';
import { SpendRepository } from './spend/spend.repository.js';
import { SpendService } from './spend/spend.service.js';

export { typeDefs, resolvers };

export interface AnalyticsServices {
  clock: Clock;
  repositories: { spend: SpendRepository };
  spend: SpendService;
}

export type AnalyticsServer = SubgraphServer<AnalyticsContext, AnalyticsServices>;

/** Analytics: projections built only from domain events (booking spend so far). */
export function createAnalyticsServer(runtime: SubgraphRuntime): AnalyticsServer {
  const eventing = createEventing(runtime, 'analytics', tables);
  const repositories = { spend: new SpendRepository(runtime.db) };
  const services: AnalyticsServices = {
    clock: runtime.clock,
    repositories,
    spend: new SpendService(repositories.spend, runtime.logger.child({ subgraph: 'analytics', component: 'spend' })),
  };
  return new SubgraphServer(runtime, {
    name: 'analytics',
    dbSchema: 'analytics',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [spendConsumer(services.spend)],
  });
}
