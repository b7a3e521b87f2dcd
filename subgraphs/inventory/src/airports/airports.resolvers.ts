import { DomainError, MAX_PAGE_SIZE, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import type { AirportRow } from '../db/schema.js';
import type { DestinationRow } from './airports.repository.js';

export const airportsResolvers: Resolvers<InventoryContext> = {
  Query: {
    airports: async (_: unknown, args: { search?: string | null; first?: number | null }, ctx: InventoryContext) => {
      const first = args.first ?? 10;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
        throw new DomainError('VALIDATION_FAILED', `first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
      }
      const rows = await ctx.services.repositories.airports.search(args.search ?? null, first);
      rows.forEach((a) => ctx.loaders.airport.prime(a.code, a));
      return rows;
    },
    destinations: async (_: unknown, args: { search: string; first?: number | null }, ctx: InventoryContext) => {
      const first = args.first ?? 10;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
        throw new DomainError('VALIDATION_FAILED', `first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
      }
      if (args.search.trim() === '') return [];
      return ctx.services.repositories.airports.destinations(args.search, first);
    },
  },
  Destination: {
    airports: async (d: DestinationRow, _: unknown, ctx: InventoryContext) =>
      (await ctx.loaders.airport.loadMany(d.airportCodes)).filter((a): a is AirportRow => a !== null && !(a instanceof Error)),
  },
  Airport: {
    __resolveReference: (ref: { code: string }, ctx: InventoryContext) => ctx.loaders.airport.load(ref.code),
  },
};
