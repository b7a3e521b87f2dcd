import { mergeResolvers, withApiKeyScopes, type Resolvers } from '@travel/platform';
import { benchmarksResolvers } from './benchmarks/benchmarks.resolvers.js';
import { budgetsResolvers } from './budgets/budgets.resolvers.js';
import type { AnalyticsContext } from './context.js';
import { flightOffersResolvers } from './emissions/flight-offers.resolvers.js';
import { forecastResolvers } from './forecast/forecast.resolvers.js';
import { reportsResolvers } from './reports/reports.resolvers.js';
import { spendResolvers } from './spend/spend.resolvers.js';

export const resolvers: Resolvers<AnalyticsContext> = withApiKeyScopes(
  mergeResolvers(spendResolvers, reportsResolvers, budgetsResolvers, benchmarksResolvers, forecastResolvers, flightOffersResolvers),
  { read: 'analytics_read', write: 'analytics_read', everyField: true },
);
