import { enumResolver, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { CABINS, SEAT_POSITIONS } from '../db/schema.js';
import { money } from '../money.js';
import type { SeatView } from './seats.repository.js';

export const seatsResolvers: Resolvers<InventoryContext> = {
  Cabin: enumResolver(CABINS),
  SeatPosition: enumResolver(SEAT_POSITIONS),
  Seat: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.seat.load(ref.id),
    flight: (seat: SeatView, _: unknown, ctx: InventoryContext) => ctx.loaders.flight.load(seat.flightId),
    price: (seat: SeatView) => money(seat.priceMinor, seat.currency),
  },
};
