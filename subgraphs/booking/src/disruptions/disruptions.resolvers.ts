import { DomainError, enumResolver, pageArgs, requireRole, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import { ACTS_FOR_OTHERS } from '../bookings/permissions.js';
import { payloadWithFieldErrors as payload } from '../bookings/validation.js';
import { renewLoaders, type BookingContext } from '../context.js';
import { DISRUPTION_KINDS, DISRUPTION_SEVERITIES, DISRUPTION_STATES, type DisruptionRow, type RebookingSuggestionRow } from '../db/schema.js';
import type { DisruptionMessage } from '../notifications/live-updates.js';
import { TRAVEL_ADMIN_ROLE } from '../notifications/notifications.service.js';
import type { DisruptionCursor } from './disruptions.repository.js';

function ref(typename: string, id: string | null) {
  return id ? { __typename: typename, id } : null;
}

/** Subscription errors bypass the server's error formatting, so typed codes are attached here. */
function asGraphQLError(error: unknown): unknown {
  return error instanceof DomainError ? new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } }) : error;
}

export const disruptionsResolvers: Resolvers<BookingContext> = {
  DisruptionSeverity: enumResolver(DISRUPTION_SEVERITIES),
  DisruptionKind: enumResolver(DISRUPTION_KINDS),
  DisruptionState: enumResolver(DISRUPTION_STATES),
  Query: {
    disruptions: async (_: unknown, args: { openOnly?: boolean | null; first?: number | null; after?: string | null }, ctx: BookingContext) => {
      const viewer = requireViewer(ctx.viewer);
      const { limit, after } = pageArgs<DisruptionCursor>(args);
      const seesAll = viewer.roles.some((r) => ACTS_FOR_OTHERS.includes(r));
      const rows = await ctx.services.disruptions.repository.list(viewer.orgId, args.openOnly ?? false, limit, after, seesAll ? undefined : viewer.personId);
      rows.forEach((d) => ctx.loaders.disruption.prime(d.id, d));
      return toConnection(rows, limit, (d): DisruptionCursor => [d.occurredAt.toISOString(), d.id]);
    },
    disruption: (_: unknown, args: { id: string }, ctx: BookingContext) => ctx.loaders.disruption.load(args.id),
  },
  Mutation: {
    acceptRebooking: (_: unknown, args: { input: unknown }, ctx: BookingContext) =>
      payload(() => ctx.services.disruptions.acceptRebooking(requireViewer(ctx.viewer), ctx.identity, args.input)),
  },
  Subscription: {
    disruptionRaised: {
      subscribe: (_: unknown, __: unknown, ctx: BookingContext) => {
        try {
          return ctx.services.live.watchDisruptions(requireRole(ctx.viewer, TRAVEL_ADMIN_ROLE));
        } catch (error) {
          throw asGraphQLError(error);
        }
      },
      resolve: (message: DisruptionMessage, _: unknown, ctx: BookingContext) => renewLoaders(ctx).loaders.disruption.load(message.disruptionId),
    },
  },
  Disruption: {
    __resolveReference: (reference: { id: string }, ctx: BookingContext) => ctx.loaders.disruption.load(reference.id),
    booking: (d: DisruptionRow, _: unknown, ctx: BookingContext) => ctx.loaders.booking.load(d.bookingId),
    segment: async (d: DisruptionRow, _: unknown, ctx: BookingContext) => (await ctx.loaders.segments.load(d.bookingId)).find((s) => s.id === d.segmentId) ?? null,
    flight: (d: DisruptionRow) => ref('Flight', d.flightId),
    requiresAttention: (d: DisruptionRow) => d.previousStatus !== null,
    resolvedBy: (d: DisruptionRow) => ref('Person', d.resolvedById),
    suggestions: (d: DisruptionRow, _: unknown, ctx: BookingContext) => ctx.loaders.suggestions.load(d.id),
  },
  RebookingSuggestion: {
    flight: (s: RebookingSuggestionRow) => ref('Flight', s.flightId),
    fare: (s: RebookingSuggestionRow) => ({ amount: s.fareMinor, currency: s.currency }),
    fareDifference: async (s: RebookingSuggestionRow, _: unknown, ctx: BookingContext) => {
      const disruption = await ctx.loaders.disruption.load(s.disruptionId);
      const segment = disruption ? (await ctx.loaders.segments.load(disruption.bookingId)).find((x) => x.id === disruption.segmentId) : undefined;
      // After a rebooking the segment holds the new flight; the difference is then against what it costs now.
      return { amount: s.fareMinor - (segment?.priceMinor ?? s.fareMinor), currency: s.currency };
    },
  },
  Booking: {
    disruptions: (b: { id: string }, _: unknown, ctx: BookingContext) => ctx.loaders.disruptionsOfBooking.load(b.id),
  },
  Flight: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    travelersFromMyOrganization: async (flight: { id: string }, _: unknown, ctx: BookingContext) =>
      (await ctx.loaders.travelersOnFlight.load(flight.id)).map((id) => ({ __typename: 'Person', id })),
  },
};
