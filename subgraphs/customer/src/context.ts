import { entityLoader, requireViewer, type BaseContext } from '@travel/platform';
import type DataLoader from 'dataloader';
import type { OrganizationRow, PersonRow } from './db/schema.js';
import type { CustomerServices } from './server.js';

export interface CustomerLoaders {
  organization: DataLoader<string, OrganizationRow | null>;
  person: DataLoader<string, PersonRow | null>;
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
    },
  };
}
