import type { Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { CABINS, type Cabin, type FlightRow } from '../db/schema.js';
import type { Money } from '../money.js';

/**
 * A flight in one cabin at one fare, as a search shows it. Inventory has no
 * fare classes yet, so the class is the cabin's usual one; the id still
 * encodes all three so real fare classes can come without changing keys.
 */
export interface FlightOffer {
  id: string;
  flight: FlightRow;
  cabin: Cabin;
  fareClass: string;
  price: Money;
}

const FARE_CLASS: Record<Cabin, string> = { economy: 'Y', premium_economy: 'W', business: 'J', first: 'F' };

export function offerId(flightId: string, cabin: Cabin, fareClass: string): string {
  return `${flightId}:${cabin}:${fareClass}`;
}

function parseOfferId(id: string): { flightId: string; cabin: Cabin; fareClass: string } | null {
  const [flightId, cabin, fareClass, ...rest] = id.split(':');
  if (!flightId || !fareClass || rest.length > 0 || !(CABINS as readonly string[]).includes(cabin ?? '')) return null;
  return { flightId, cabin: cabin as Cabin, fareClass };
}

/** The offer of one cabin of a flight at its lowest fare; null when the cabin has none left. */
async function offerOf(flight: FlightRow, cabin: Cabin, ctx: InventoryContext): Promise<FlightOffer | null> {
  const fare = (await ctx.loaders.cabinsOfFlight.load(flight.id)).find((c) => c.cabin === cabin)?.lowestFare;
  return fare ? { id: offerId(flight.id, cabin, FARE_CLASS[cabin]), flight, cabin, fareClass: FARE_CLASS[cabin], price: fare } : null;
}

export const flightOffersResolvers: Resolvers<InventoryContext> = {
  FlightEdge: {
    /** The edge's fare is its cheapest fitting cabin's; the offer names that cabin (the lower cabin on a tie). */
    offer: async (edge: { node: FlightRow; fare: Money }, _: unknown, ctx: InventoryContext): Promise<FlightOffer> => {
      const cabins = await ctx.loaders.cabinsOfFlight.load(edge.node.id);
      const cabin = CABINS.find((c) => cabins.some((a) => a.cabin === c && a.lowestFare?.amount === edge.fare.amount)) ?? 'economy';
      return { id: offerId(edge.node.id, cabin, FARE_CLASS[cabin]), flight: edge.node, cabin, fareClass: FARE_CLASS[cabin], price: edge.fare };
    },
  },
  FlightOffer: {
    __resolveReference: async (ref: { id: string }, ctx: InventoryContext) => {
      const parsed = parseOfferId(ref.id);
      const flight = parsed ? await ctx.loaders.flight.load(parsed.flightId) : null;
      return parsed && flight ? offerOf(flight, parsed.cabin, ctx) : null;
    },
    departureAt: (offer: FlightOffer) => offer.flight.departureAt,
    arrivalAt: (offer: FlightOffer) => offer.flight.arrivalAt,
    airlineCode: (offer: FlightOffer) => offer.flight.airlineCode,
    originCode: (offer: FlightOffer) => offer.flight.originCode,
    destinationCode: (offer: FlightOffer) => offer.flight.destinationCode,
    destinationCountry: async (offer: FlightOffer, _: unknown, ctx: InventoryContext) => (await ctx.loaders.airport.load(offer.flight.destinationCode))?.country ?? '',
  },
};
