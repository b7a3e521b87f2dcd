import type { Resolvers } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';
import { orgWide } from '../reports/reports.resolvers.js';

export const forecastResolvers: Resolvers<AnalyticsContext> = {
  Organization: {
    demandForecast: (org: { id: string }, args: { weeks: number; first: number }, ctx: AnalyticsContext) =>
      orgWide(ctx, org.id) ? ctx.services.forecast.forecast(org.id, args.weeks, args.first) : null,
  },
};
