import { enumResolver, type Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { FLIGHT_STATUSES, type Cabin, type FlightRow } from '../db/schema.js';
import { compareSeatNumbers } from '../seats/seat-layout.js';
import { FLIGHT_SORTS } from './flights.service.js';

export const flightsResolvers: Resolvers<InventoryContext> = {
  FlightStatus: enumResolver(FLIGHT_STATUSES),
  FlightSort: enumResolver(FLIGHT_SORTS),
  AirlineFacet: {
    airline: (facet: { airlineCode: string }, _: unknown, ctx: InventoryContext) => ctx.loaders.airline.load(facet.airlineCode),
  },
  Query: {
    searchFlights: async (_: unknown, args: { input: unknown; first?: number | null; after?: string | null }, ctx: InventoryContext) => {
      const connection = await ctx.services.flights.search(args.input, args);
      ctx.services.searchEvents.record(ctx.viewer, args.input);
      connection.nodes.forEach((f) => ctx.loaders.flight.prime(f.id, f));
      return connection;
    },
    flight: (_: unknown, args: { id: string }, ctx: InventoryContext) => ctx.loaders.flight.load(args.id),
  },
  Flight: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.flight.load(ref.id),
    airline: (flight: FlightRow, _: unknown, ctx: InventoryContext) => ctx.loaders.airline.load(flight.airlineCode),
    origin: (flight: FlightRow, _: unknown, ctx: InventoryContext) => ctx.loaders.airport.load(flight.originCode),
    destination: (flight: FlightRow, _: unknown, ctx: InventoryContext) => ctx.loaders.airport.load(flight.destinationCode),
    cabins: (flight: FlightRow, _: unknown, ctx: InventoryContext) => ctx.loaders.cabinsOfFlight.load(flight.id),
    seats: async (flight: FlightRow, args: { cabin?: Cabin | null }, ctx: InventoryContext) => {
      const seats = await ctx.loaders.seatsOfFlight.load(flight.id);
      return seats.filter((s) => !args.cabin || s.cabin === args.cabin).sort((a, b) => compareSeatNumbers(a.seatNumber, b.seatNumber));
    },
    lowestFare: async (flight: FlightRow, args: { cabin?: Cabin | null }, ctx: InventoryContext) => {
      const fares = (await ctx.loaders.cabinsOfFlight.load(flight.id))
        .filter((c) => !args.cabin || c.cabin === args.cabin)
        .flatMap((c) => (c.lowestFare ? [c.lowestFare] : []));
      return fares.reduce<(typeof fares)[number] | null>((min, fare) => (min === null || fare.amount < min.amount ? fare : min), null);
    },
  },
};
