import { DomainError, enumResolver, payload, requireRole, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import { renewLoaders, type InventoryContext } from '../context.js';
import { FLIGHT_STATUS_CHANGES, type FlightRow, type FlightStatusChangeRow } from '../db/schema.js';
import type { FlightStatusUpdate } from './flight-status.service.js';

/** Flight operations are the platform's, not a customer's: a travel_admin administers one organization, flights are shared by all. */
export const FLIGHT_OPERATIONS_ROLE = 'platform_admin' as const;

export const flightStatusResolvers: Resolvers<InventoryContext> = {
  FlightStatusChange: enumResolver(FLIGHT_STATUS_CHANGES),
  Mutation: {
    recordFlightStatus: (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
      const viewer = requireRole(ctx.viewer, FLIGHT_OPERATIONS_ROLE);
      return payload(async () => {
        const { flight, change } = await ctx.services.flightStatus.record(viewer, args.input);
        ctx.loaders.flight.clear(flight.id).prime(flight.id, flight);
        return { update: change };
      });
    },
  },
  Subscription: {
    flightStatusChanged: {
      subscribe: (_: unknown, args: { flightId?: string | null }, ctx: InventoryContext) => {
        try {
          return ctx.services.flightStatus.watch(args.flightId ?? null);
        } catch (error) {
          // Subscription errors bypass the server's error formatting, so the typed code is attached here.
          if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
          throw error;
        }
      },
      resolve: (update: FlightStatusUpdate, _: unknown, ctx: InventoryContext) => {
        renewLoaders(ctx);
        return update.change;
      },
    },
  },
  FlightStatusUpdate: {
    flight: (change: FlightStatusChangeRow, _: unknown, ctx: InventoryContext) => ctx.loaders.flight.load(change.flightId),
    divertedTo: (change: FlightStatusChangeRow, _: unknown, ctx: InventoryContext) => (change.divertedToCode ? ctx.loaders.airport.load(change.divertedToCode) : null),
  },
  Flight: {
    divertedTo: (flight: FlightRow, _: unknown, ctx: InventoryContext) => (flight.divertedToCode ? ctx.loaders.airport.load(flight.divertedToCode) : null),
    statusHistory: (flight: FlightRow, _: unknown, ctx: InventoryContext) => ctx.loaders.statusHistoryOfFlight.load(flight.id),
  },
};
