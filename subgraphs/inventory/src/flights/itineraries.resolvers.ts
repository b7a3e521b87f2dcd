import type { Resolvers } from '@travel/platform';
import type { InventoryContext } from '../context.js';
import { money } from '../money.js';
import type { ItineraryCandidate } from './connections.js';

interface LayoverView {
  airportCode: string;
  arrivalAt: Date;
  departureAt: Date;
  minutes: number;
}

export const itinerariesResolvers: Resolvers<InventoryContext> = {
  Itinerary: {
    fare: (it: ItineraryCandidate) => money(it.fareMinor, it.currency),
    layovers: (it: ItineraryCandidate): LayoverView[] =>
      it.legs.slice(1).map((leg, i) => {
        const inbound = it.legs[i]!;
        return {
          airportCode: leg.originCode,
          arrivalAt: inbound.arrivalAt,
          departureAt: leg.departureAt,
          minutes: Math.round((leg.departureAt.getTime() - inbound.arrivalAt.getTime()) / 60_000),
        };
      }),
  },
  Layover: {
    airport: (l: LayoverView, _: unknown, ctx: InventoryContext) => ctx.loaders.airport.load(l.airportCode),
  },
};
