import { enumResolver, payload, requireViewer, type Resolvers } from '@travel/platform';
import type { PolicyContext } from '../context.js';
import { POLICY_RESULTS } from '../db/schema.js';

export const evaluationsResolvers: Resolvers<PolicyContext> = {
  PolicyResult: enumResolver(POLICY_RESULTS),
  Mutation: {
    evaluateBookingPolicy: (_: unknown, args: { input: { bookingId: string } }, ctx: PolicyContext) =>
      payload(async () => ({
        evaluation: await ctx.services.evaluations.evaluateBooking(requireViewer(ctx.viewer), ctx.identity, args.input),
      })),
  },
  Booking: {
    // The booking subgraph owns the booking and its tenancy; policy only needs the id to find its own rows.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    policyEvaluation: (booking: { id: string }, _: unknown, ctx: PolicyContext) => ctx.loaders.latestEvaluation.load(booking.id),
  },
};
