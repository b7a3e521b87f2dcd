import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { ApprovalSweeper } from './approvals/approval-sweeper.js';
import { ApprovalUpdates } from './approvals/approval-updates.js';
import { ApprovalsRepository } from './approvals/approvals.repository.js';
import { ApprovalsService } from './approvals/approvals.service.js';
import { CustomerOrgDirectory, type OrgDirectory } from './approvals/org-directory.js';
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
  repositories: { policies: PoliciesRepository; evaluations: EvaluationsRepository; approvals: ApprovalsRepository };
  facts: BookingFactsReader;
  policies: PoliciesService;
  evaluations: EvaluationsService;
  approvals: ApprovalsService;
  updates: ApprovalUpdates;
  /** Acts on missed approval deadlines; tests call its `sweep` after moving the clock. */
  approvalSweeper: ApprovalSweeper;
}

export interface PolicyServerOptions {
  /** How often missed approval deadlines are looked for. */
  approvalSweepIntervalMs?: number;
  /** Who is who in an organization; customer's entities unless a test supplies its own. */
  orgDirectory?: OrgDirectory;
}

export type PolicyServer = SubgraphServer<PolicyContext, PolicyServices>;

/** Policy: travel policies with versioned rules, evaluations of bookings, verdicts on offers, and approval workflows for policy exceptions. */
export function createPolicyServer(runtime: SubgraphRuntime, options: PolicyServerOptions = {}): PolicyServer {
  const eventing = createEventing(runtime, 'policy', tables);
  const repositories = { policies: new PoliciesRepository(runtime.db), evaluations: new EvaluationsRepository(runtime.db), approvals: new ApprovalsRepository(runtime.db) };
  const facts = new BookingFactsReader(runtime.entities);
  const approvalsLogger = runtime.logger.child({ subgraph: 'policy', component: 'approvals' });
  const updates = new ApprovalUpdates(runtime.pubsub, repositories.approvals, runtime.clock, approvalsLogger);
  const approvals = new ApprovalsService(
    eventing.uow,
    repositories.approvals,
    options.orgDirectory ?? new CustomerOrgDirectory(runtime.entities, runtime.config.INTERNAL_SECRET),
    updates,
    runtime.clock,
    approvalsLogger,
  );
  const approvalSweeper = new ApprovalSweeper(approvals, approvalsLogger, { intervalMs: options.approvalSweepIntervalMs });
  const services: PolicyServices = {
    clock: runtime.clock,
    repositories,
    facts,
    policies: new PoliciesService(eventing.uow, repositories.policies, runtime.clock),
    evaluations: new EvaluationsService(eventing.uow, repositories.policies, repositories.evaluations, facts, runtime.clock),
    approvals,
    updates,
    approvalSweeper,
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
    consumers: [
      {
        from: ['booking'],
        handlers: {
          'booking.drafted': (event, scope) => approvals.onBookingDrafted(event, scope),
          'booking.approval_requested': (event, scope) => approvals.onApprovalRequested(event, scope),
        },
      },
    ],
    workers: [approvalSweeper],
  });
}
