import { entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { OrganizationRow, PersonRow } from './db/schema.js';
import type { LoyaltySummary } from './loyalty/loyalty.service.js';
import type { CustomerServices } from './server.js';

export interface CustomerLoaders {
  organization: DataLoader<string, OrganizationRow | null>;
  person: DataLoader<string, PersonRow | null>;
  /** Points, tier and badges per person of the caller's organization. */
  loyalty: DataLoader<string, LoyaltySummary>;
}

export interface CustomerContext extends BaseContext {
  services: CustomerServices;
  loaders: CustomerLoaders;
}

/**
 * Loaders are per request. People are scoped to the caller's organization in
 * the query; organizations are checked against the caller where they are
 * reached by id (queries, references).
 */
export function createContext(base: BaseContext, services: CustomerServices): CustomerContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  return {
    ...base,
    services,
    loaders: {
      organization: entityLoader((ids) => services.repositories.organizations.findByIds(ids)),
      person: entityLoader((ids) => services.repositories.people.findByIds(orgOf(), ids)),
      loyalty: new DataLoader((ids: readonly string[]) => services.loyalty.summaries(orgOf(), ids)),
    },
  };
}
