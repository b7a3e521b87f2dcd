import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { createContext, type PolicyContext } from './context.js';
import * as tables from './db/schema.js';
import { BookingFactsReader } from './evaluation/booking-facts.js';
import { EvaluationsRepository } from './evaluation/evaluations.repository.js';
import { EvaluationsService } from './evaluation/evaluations.service.js';
import { PoliciesRepository } from './policies/policies.repository.js';
import { PoliciesService } from './policies/policies.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export { typeDefs, resolvers };

export interface PolicyServices {
  clock: Clock;
  repositories: { policies: PoliciesRepository; evaluations: EvaluationsRepository };
  facts: BookingFactsReader;
  policies: PoliciesService;
  evaluations: EvaluationsService;
}

export type PolicyServer = SubgraphServer<PolicyContext, PolicyServices>;

/** Policy: travel policies with versioned rules, evaluations of bookings, and verdicts on offers. */
export function createPolicyServer(runtime: SubgraphRuntime): PolicyServer {
  const eventing = createEventing(runtime, 'policy', tables);
  const repositories = { policies: new PoliciesRepository(runtime.db), evaluations: new EvaluationsRepository(runtime.db) };
  const facts = new BookingFactsReader(runtime.entities);
  const services: PolicyServices = {
    clock: runtime.clock,
    repositories,
    facts,
    policies: new PoliciesService(eventing.uow, repositories.policies, runtime.clock),
    evaluations: new EvaluationsService(eventing.uow, repositories.policies, repositories.evaluations, facts, runtime.clock),
  };
  return new SubgraphServer(runtime, {
    name: 'policy',
    dbSchema: 'policy',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
  });
}
