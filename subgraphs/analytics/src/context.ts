import { requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import type { AnalyticsServices } from './server.js';
import type { OrganizationSpend } from './spend/spend.service.js';
import type { ReportsService, YearToDate } from './reports/reports.service.js';

type TripsTo = Awaited<ReturnType<ReportsService['tripsTo']>>[number];
type BookingEmissions = Awaited<ReturnType<ReportsService['bookingEmissions']>>[number];

export interface AnalyticsLoaders {
  /** Spend by organization id: every Organization reference of a request is answered by one query. */
  spend: DataLoader<string, OrganizationSpend>;
  /** Year to date by traveler id, in the caller's organization. */
  yearToDate: DataLoader<string, YearToDate | null>;
  /** Emissions by booking id, in the caller's organization. */
  bookingEmissions: DataLoader<string, BookingEmissions>;
  /** Trips to destinations by airport code, one loader per interval asked for in the request. */
  tripsTo(from: Date, to: Date): DataLoader<string, TripsTo>;
}

export interface AnalyticsContext extends BaseContext {
  services: AnalyticsServices;
  loaders: AnalyticsLoaders;
}

/**
 * Loaders are per request. The spend loader is only asked for the caller's
 * organization (the resolver checks); the others read the viewer's
 * organization when they run, so every query filters by org_id.
 */
export function createContext(base: BaseContext, services: AnalyticsServices): AnalyticsContext {
  const orgOf = () => requireViewer(base.viewer).orgId;
  const tripsLoaders = new Map<string, DataLoader<string, TripsTo>>();
  return {
    ...base,
    services,
    loaders: {
      spend: new DataLoader((orgIds) => services.spend.forOrganizations(orgIds)),
      yearToDate: new DataLoader((ids) => services.reports.yearToDate(orgOf(), ids)),
      bookingEmissions: new DataLoader((ids) => services.reports.bookingEmissions(orgOf(), ids)),
      tripsTo: (from, to) => {
        const key = `${from.toISOString()}/${to.toISOString()}`;
        let loader = tripsLoaders.get(key);
        if (!loader) {
          const range = services.reports.range(from, to);
          loader = new DataLoader((codes) => services.reports.tripsTo(orgOf(), codes, range));
          tripsLoaders.set(key, loader);
        }
        return loader;
      },
    },
  };
}
