import { pageArgs, toConnection, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import type { TravelPackageRow } from '../db/schema.js';
import { money } from '../money.js';
import { pairCursor } from '../validation.js';

export const packagesResolvers: Resolvers<InventoryContext> = {
  Query: {
    travelPackages: async (_: unknown, args: { first?: number | null; after?: string | null }, ctx: InventoryContext) => {
      const { limit } = pageArgs({ first: args.first });
      const after = pairCursor(args.after);
      const repo = ctx.services.repositories.packages;
      const [rows, total] = await Promise.all([repo.list(limit, after), repo.count()]);
      rows.forEach((p) => ctx.loaders.travelPackage.prime(p.id, p));
      return toConnection(rows, limit, (p) => [p.title, p.id], total);
    },
  },
  TravelPackage: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.travelPackage.load(ref.id),
    price: (pkg: TravelPackageRow) => money(pkg.priceMinor, pkg.currency),
  },
};
