import { requireViewer, type Resolvers } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';

export const spendResolvers: Resolvers<AnalyticsContext> = {
  Organization: {
    // The reference carries all analytics needs (the id); the figures load per field through the batched loader.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    spend: (org: { id: string }, _: unknown, ctx: AnalyticsContext) =>
      org.id === requireViewer(ctx.viewer).orgId ? ctx.loaders.spend.load(org.id) : null,
  },
};
