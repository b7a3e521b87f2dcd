import { enumResolver, payload, requireViewer, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { HOLD_STATUSES, type HoldRow } from '../db/schema.js';
import { money } from '../money.js';
import { effectiveStatus } from './holds.service.js';

export const holdsResolvers: Resolvers<InventoryContext> = {
  HoldStatus: enumResolver(HOLD_STATUSES),
  Query: {
    hold: (_: unknown, args: { id: string }, ctx: InventoryContext) => ctx.loaders.hold.load(args.id),
  },
  Mutation: {
    holdSeat: (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
      const viewer = requireViewer(ctx.viewer);
      return payload(async () => {
        const hold = await ctx.services.holds.holdSeat(viewer, args.input);
        ctx.loaders.hold.prime(hold.id, hold);
        return { hold };
      });
    },
    holdSeats: async (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
      const viewer = requireViewer(ctx.viewer);
      const result = await payload(async () => {
        const holds = await ctx.services.holds.holdSeats(viewer, args.input);
        holds.forEach((h) => ctx.loaders.hold.prime(h.id, h));
        return { holds };
      });
      // All or nothing: a failed attempt returns no holds, never some of them.
      return { holds: [], ...result };
    },
    releaseHold: (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
      const viewer = requireViewer(ctx.viewer);
      return payload(async () => {
        const hold = await ctx.services.holds.releaseHold(viewer, args.input);
        ctx.loaders.hold.clear(hold.id).prime(hold.id, hold);
        return { hold };
      });
    },
    extendHold: (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
      const viewer = requireViewer(ctx.viewer);
      return payload(async () => {
        const hold = await ctx.services.holds.extendHold(viewer, args.input);
        ctx.loaders.hold.clear(hold.id).prime(hold.id, hold);
        return { hold };
      });
    },
  },
  Hold: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.hold.load(ref.id),
    status: (hold: HoldRow, _: unknown, ctx: InventoryContext) => effectiveStatus(hold, ctx.now),
    price: (hold: HoldRow) => money(hold.priceMinor, hold.currency),
    flight: (hold: HoldRow, _: unknown, ctx: InventoryContext) => ctx.loaders.flight.load(hold.flightId),
    seat: (hold: HoldRow, _: unknown, ctx: InventoryContext) => ctx.loaders.seat.load(hold.seatId),
  },
};
