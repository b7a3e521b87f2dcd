import { mergeResolvers, withApiKeyScopes, type Resolvers } from '@travel/platform';
import { budgetsResolvers } from './budgets/budgets.resolvers.js';
import type { AnalyticsContext } from './context.js';
import { reportsResolvers } from './reports/reports.resolvers.js';
import { spendResolvers } from './spend/spend.resolvers.js';

export const resolvers: Resolvers<AnalyticsContext> = withApiKeyScopes(
  mergeResolvers(spendResolvers, reportsResolvers, budgetsResolvers),
  { read: 'analytics_read', write: 'analytics_read', everyField: true },
);
