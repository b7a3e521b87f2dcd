import { enumResolver, pageArgs, toConnection, type Resolvers, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { InventoryContext } from '../context.js';
import type { PackageSeasonRow, TravelPackageRow } from '../db/schema.js';
import { money } from '../money.js';
import { stayKey } from '../loaders.js';
import { departurePrice } from '../package-holds/package-holds.service.js';
import { pairCursor } from '../validation.js';
import type { DepartureView } from './packages.repository.js';
import { PACKAGE_SORTS } from './packages.service.js';

const range = z.object({ from: z.iso.date({ error: 'from must be YYYY-MM-DD' }).nullish(), to: z.iso.date({ error: 'to must be YYYY-MM-DD' }).nullish() });

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
    searchTravelPackages: async (_: unknown, args: { input: unknown; first?: number | null; after?: string | null }, ctx: InventoryContext) => {
      const result = await ctx.services.packages.search(args.input, args);
      result.edges.forEach((e) => ctx.loaders.travelPackage.prime(e.node.id, e.node));
      return result;
    },
  },
  PackageSort: enumResolver(PACKAGE_SORTS),
  PackageDeparture: {
    price: async (d: DepartureView, _: unknown, ctx: InventoryContext) => {
      const pkg = (await ctx.loaders.travelPackage.load(d.packageId))!;
      return money(departurePrice(pkg.priceMinor, d.priceMultiplierBp, d.seasonMultiplierBp), pkg.currency);
    },
    priceMultiplier: (d: DepartureView) => (d.priceMultiplierBp * d.seasonMultiplierBp) / 100_000_000,
    season: async (d: DepartureView, _: unknown, ctx: InventoryContext) =>
      (await ctx.loaders.seasonsOfPackage.load(d.packageId)).findLast((s) => s.startsOn <= d.date && d.date <= s.endsOn) ?? null,
  },
  PackageSeason: {
    priceMultiplier: (s: PackageSeasonRow) => s.priceMultiplierBp / 10000,
  },
  TravelPackage: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.travelPackage.load(ref.id),
    price: (pkg: TravelPackageRow) => money(pkg.priceMinor, pkg.currency),
    itinerary: (pkg: TravelPackageRow, _: unknown, ctx: InventoryContext) => ctx.loaders.itineraryOfPackage.load(pkg.id),
    seasons: (pkg: TravelPackageRow, _: unknown, ctx: InventoryContext) => ctx.loaders.seasonsOfPackage.load(pkg.id),
    departures: (pkg: TravelPackageRow, args: { from?: string | null; to?: string | null }, ctx: InventoryContext) => {
      const { from, to } = parseInput(range, args);
      return ctx.loaders.departures.load(stayKey(pkg.id, from ?? ctx.now.toISOString().slice(0, 10), to ?? ''));
    },
  },
};
