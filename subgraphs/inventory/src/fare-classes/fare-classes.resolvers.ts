import { enumResolver, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { FARE_FAMILIES, type Cabin, type FareClassRow, type FlightRow, type HoldRow } from '../db/schema.js';
import { money } from '../money.js';

export const fareClassesResolvers: Resolvers<InventoryContext> = {
  FareFamily: enumResolver(FARE_FAMILIES),
  Flight: {
    fareClasses: async (flight: FlightRow, args: { cabin?: Cabin | null }, ctx: InventoryContext) =>
      (await ctx.loaders.fareClassesOfFlight.load(flight.id)).filter((f) => !args.cabin || f.cabin === args.cabin),
  },
  Hold: {
    fareClass: (hold: HoldRow, _: unknown, ctx: InventoryContext) => (hold.fareClassId ? ctx.loaders.fareClass.load(hold.fareClassId) : null),
  },
  FareClass: {
    price: (f: FareClassRow) => money(f.priceMinor, f.currency),
    changeable: (f: FareClassRow) => f.changeFeeMinor !== null,
    changeFee: (f: FareClassRow) => (f.changeFeeMinor === null ? null : money(f.changeFeeMinor, f.currency)),
  },
};
