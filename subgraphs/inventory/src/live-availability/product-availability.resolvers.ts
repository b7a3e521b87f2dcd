import { DomainError, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import { renewLoaders, type InventoryContext } from '../context.js';
import type { ProductChanged } from './product-availability.js';

async function typed<T>(subscribe: () => Promise<T>): Promise<T> {
  try {
    return await subscribe();
  } catch (error) {
    // Subscription errors bypass the server's error formatting, so the typed code is attached here.
    if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
    throw error;
  }
}

export const productAvailabilityResolvers: Resolvers<InventoryContext> = {
  Subscription: {
    roomAvailabilityChanged: {
      subscribe: (_: unknown, args: { roomTypeId: string }, ctx: InventoryContext) => typed(() => ctx.services.productAvailability.watchRoomType(args.roomTypeId)),
      resolve: (message: ProductChanged, _: unknown, ctx: InventoryContext) => renewLoaders(ctx).loaders.roomType.load(message.id),
    },
    packageAvailabilityChanged: {
      subscribe: (_: unknown, args: { packageId: string }, ctx: InventoryContext) => typed(() => ctx.services.productAvailability.watchPackage(args.packageId)),
      resolve: (message: ProductChanged, _: unknown, ctx: InventoryContext) => renewLoaders(ctx).loaders.travelPackage.load(message.id),
    },
  },
};
