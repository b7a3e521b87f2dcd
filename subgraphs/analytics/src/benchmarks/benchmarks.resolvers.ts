import { payload, type Resolvers } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';
import type { BenchmarkFareRow } from '../db/schema.js';
import { orgWide } from '../reports/reports.resolvers.js';

export const benchmarksResolvers: Resolvers<AnalyticsContext> = {
  Mutation: {
    setBenchmarkFare: (_: unknown, args: { input: unknown }, ctx: AnalyticsContext) =>
      payload(async () => ({ benchmark: await ctx.services.benchmarks.set(ctx.viewer, args.input) })),
  },
  Organization: {
    benchmarkFares: (org: { id: string }, _: unknown, ctx: AnalyticsContext) => (orgWide(ctx, org.id) ? ctx.services.benchmarks.list(org.id) : null),
  },
  BenchmarkFare: {
    amount: (f: BenchmarkFareRow) => ({ amount: f.amountMinor, currency: f.currency }),
  },
  BookingSavings: {
    booking: (x: { bookingId: string }) => ({ __typename: 'Booking', id: x.bookingId }),
  },
};
