import { alignByKey, childrenLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import { createApprovalLoaders, type ApprovalLoaders } from './approvals/approvals.loaders.js';
import type { EvaluationRow, PolicyRuleRow } from './db/schema.js';
import type { PolicyServices } from './server.js';

export interface PolicyLoaders {
  /** Rules of a policy by policy id, lowest priority number first. */
  rules: DataLoader<string, PolicyRuleRow[]>;
  /** Latest evaluation by booking id. */
  latestEvaluation: DataLoader<string, EvaluationRow | null>;
  approvals: ApprovalLoaders;
}

export interface PolicyContext extends BaseContext {
  services: PolicyServices;
  loaders: PolicyLoaders;
}

/** Booking ids come from other subgraphs' representations; anything that is not a UUID cannot match a row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loaders are per request and scoped to the caller's organization inside their queries. */
export function createContext(base: BaseContext, services: PolicyServices): PolicyContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const { policies, evaluations } = services.repositories;
  return {
    ...base,
    services,
    loaders: {
      rules: childrenLoader((ids) => policies.rulesOf(orgOf(), ids), (r) => r.policyId),
      latestEvaluation: new DataLoader(async (ids) => {
        const rows = await evaluations.latestForBookings(orgOf(), ids.filter((id) => UUID.test(id)));
        return alignByKey(ids, rows, (r) => r.bookingId);
      }),
      approvals: createApprovalLoaders(orgOf, services.repositories.approvals),
    },
  };
}
