import { payload, requireViewer, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import type { RoomHoldRow } from '../db/schema.js';
import { effectiveStatus } from '../holds/hold-lifetime.js';
import { money } from '../money.js';

type Action = 'holdRoom' | 'releaseHold' | 'extendHold';

function roomHoldMutation(action: Action) {
  return (_: unknown, args: { input: unknown }, ctx: InventoryContext) => {
    const viewer = requireViewer(ctx.viewer);
    return payload(async () => {
      const roomHold = await ctx.services.roomHolds[action](viewer, args.input);
      ctx.loaders.roomHold.clear(roomHold.id).prime(roomHold.id, roomHold);
      return { roomHold };
    });
  };
}

export const roomHoldsResolvers: Resolvers<InventoryContext> = {
  Query: {
    roomHold: (_: unknown, args: { id: string }, ctx: InventoryContext) => ctx.loaders.roomHold.load(args.id),
  },
  Mutation: {
    holdRoom: roomHoldMutation('holdRoom'),
    releaseRoomHold: roomHoldMutation('releaseHold'),
    extendRoomHold: roomHoldMutation('extendHold'),
  },
  RoomHold: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.roomHold.load(ref.id),
    status: (hold: RoomHoldRow, _: unknown, ctx: InventoryContext) => effectiveStatus(hold, ctx.now),
    price: (hold: RoomHoldRow) => money(hold.priceMinor, hold.currency),
    hotel: (hold: RoomHoldRow, _: unknown, ctx: InventoryContext) => ctx.loaders.hotel.load(hold.hotelId),
    roomType: (hold: RoomHoldRow, _: unknown, ctx: InventoryContext) => ctx.loaders.roomType.load(hold.roomTypeId),
  },
};
