import { payload, requireViewer, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import type { PackageHoldRow } from '../db/schema.js';
import { effectiveStatus } from '../holds/hold-lifetime.js';
import { money } from '../money.js';

type Action = 'holdPackage' | 'releaseHold' | 'extendHold';

function packageHoldMutation(action: Action) {
  return (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
    const viewer = requireViewer(ctx.viewer);
    return payload(async () => {
      const packageHold = await ctx.services.packageHolds[action](viewer, args.input);
      ctx.loaders.packageHold.clear(packageHold.id).prime(packageHold.id, packageHold);
      return { packageHold };
    });
  };
}

export const packageHoldsResolvers: Resolvers<InventoryContext> = {
  Query: {
    packageHold: (_: unknown, args: { id: string }, ctx: InventoryContext) => ctx.loaders.packageHold.load(args.id),
  },
  Mutation: {
    holdPackage: packageHoldMutation('holdPackage'),
    releasePackageHold: packageHoldMutation('releaseHold'),
    extendPackageHold: packageHoldMutation('extendHold'),
  },
  PackageHold: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.packageHold.load(ref.id),
    status: (hold: PackageHoldRow, _: unknown, ctx: InventoryContext) => effectiveStatus(hold, ctx.now),
    price: (hold: PackageHoldRow) => money(hold.priceMinor, hold.currency),
    travelPackage: (hold: PackageHoldRow, _: unknown, ctx: InventoryContext) => ctx.loaders.travelPackage.load(hold.packageId),
    date: async (hold: PackageHoldRow, _: unknown, ctx: InventoryContext) => (await ctx.loaders.departure.load(hold.departureId))?.date,
  },
};
