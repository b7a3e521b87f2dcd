import type { BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { AnalyticsServices } from './server.js';
import type { OrganizationSpend } from './spend/spend.service.js';

export interface AnalyticsLoaders {
  /** Spend by organization id: every Organization reference of a request is answered by one query. */
  spend: DataLoader<string, OrganizationSpend>;
}

export interface AnalyticsContext extends BaseContext {
  services: AnalyticsServices;
  loaders: AnalyticsLoaders;
}

/**
 * Loaders are per request. The spend loader is only asked for the caller's
 * organization (the resolver checks), and the query filters by org_id.
 */
export function createContext(base: BaseContext, services: AnalyticsServices): AnalyticsContext {
  return {
    ...base,
    services,
    loaders: {
      spend: new DataLoader((orgIds) => services.spend.forOrganizations(orgIds)),
    },
  };
}
