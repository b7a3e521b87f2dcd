import { enumResolver, pageArgs, toConnection, type Resolvers, parseInput } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import type { HotelRow, RoomTypeRow } from '../db/schema.js';
import { money } from '../money.js';
import { stayKey } from '../loaders.js';
import { stay } from '../room-holds/room-holds.service.js';
import { pairCursor } from '../validation.js';
import { HOTEL_SORTS } from './hotels.service.js';

export const hotelsResolvers: Resolvers<InventoryContext> = {
  Query: {
    hotels: async (_: unknown, args: { city: string; first?: number | null; after?: string | null }, ctx: InventoryContext) => {
      const { limit } = pageArgs({ first: args.first });
      const after = pairCursor(args.after);
      const repo = ctx.services.repositories.hotels;
      const [rows, total] = await Promise.all([repo.listByCity(args.city, limit, after), repo.countByCity(args.city)]);
      rows.forEach((h) => ctx.loaders.hotel.prime(h.id, h));
      return toConnection(rows, limit, (h) => [h.name, h.id], total);
    },
    searchHotels: async (_: unknown, args: { input: unknown; first?: number | null; after?: string | null }, ctx: InventoryContext) => {
      const result = await ctx.services.hotels.search(args.input, args);
      result.edges.forEach((e) => ctx.loaders.hotel.prime(e.node.id, e.node));
      return result;
    },
  },
  HotelSort: enumResolver(HOTEL_SORTS),
  Hotel: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.hotel.load(ref.id),
    airport: (hotel: HotelRow, _: unknown, ctx: InventoryContext) => (hotel.airportCode ? ctx.loaders.airport.load(hotel.airportCode) : null),
    roomTypes: (hotel: HotelRow, _: unknown, ctx: InventoryContext) => ctx.loaders.roomTypesOfHotel.load(hotel.id),
  },
  RoomType: {
    nightlyRate: (room: RoomTypeRow) => money(room.nightlyRateMinor, room.currency),
    nights: (room: RoomTypeRow, args: { checkIn: string; checkOut: string }, ctx: InventoryContext) => {
      const { checkIn, checkOut } = parseInput(stay, args);
      return ctx.loaders.roomNights.load(stayKey(room.id, checkIn, checkOut));
    },
  },
};
