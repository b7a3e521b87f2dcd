import { childrenLoader, entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { DelegationRow, OrganizationRow, PersonRow } from './db/schema.js';
import type { LoyaltySummary } from './loyalty/loyalty.service.js';
import type { CustomerServices } from './server.js';

export interface CustomerLoaders {
  organization: DataLoader<string, OrganizationRow | null>;
  person: DataLoader<string, PersonRow | null>;
  /** Points, tier and badges per person of the caller's organization. */
  loyalty: DataLoader<string, LoyaltySummary>;
  /** principal id → the delegations they granted */
  delegations: DataLoader<string, DelegationRow[]>;
  /** principal id → whether they let the caller book for them */
  delegatedToViewer: DataLoader<string, boolean>;
}

export interface CustomerContext extends BaseContext {
  services: CustomerServices;
  loaders: CustomerLoaders;
}

/**
 * Loaders are per request. People and delegations are scoped to the caller's
 * organization in the query; organizations are checked against the caller
 * where they are reached by id (queries, references).
 */
export function createContext(base: BaseContext, services: CustomerServices): CustomerContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const { people, organizations, delegations } = services.repositories;
  return {
    ...base,
    services,
    loaders: {
      organization: entityLoader((ids) => organizations.findByIds(ids)),
      person: entityLoader((ids) => people.findByIds(orgOf(), ids)),
      loyalty: new DataLoader((ids: readonly string[]) => services.loyalty.summaries(orgOf(), ids)),
      delegations: childrenLoader((ids) => delegations.findByPrincipals(orgOf(), ids), (d) => d.principalId),
      delegatedToViewer: new DataLoader(async (ids) => {
        const viewer = requireViewer(base.viewer);
        const yes = new Set(await delegations.principalsDelegatingTo(viewer.orgId, viewer.personId, ids));
        return ids.map((id) => yes.has(id));
      }),
    },
  };
}
