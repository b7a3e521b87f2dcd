import { DomainError, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import type { InventoryContext } from '../context.js';
import type { FlightAvailability } from './availability.service.js';

export const availabilityResolvers: Resolvers<InventoryContext> = {
  Subscription: {
    flightAvailabilityChanged: {
      subscribe: async (_: unknown, args: { flightId: string }, ctx: InventoryContext) => {
        try {
          return await ctx.services.availability.watch(args.flightId);
        } catch (error) {
          // Subscription errors bypass the server's error formatting, so the typed code is attached here.
          if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
          throw error;
        }
      },
      resolve: (state: FlightAvailability) => state,
    },
  },
};
