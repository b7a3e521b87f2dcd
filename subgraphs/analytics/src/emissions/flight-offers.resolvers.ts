import type { Resolvers } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';
import { segmentEmission } from './emissions.js';

/** A FlightOffer representation as the router sends it, with the fields analytics @requires. */
interface FlightOfferRepresentation {
  id: string;
  /** The GraphQL enum value, e.g. PREMIUM_ECONOMY. */
  cabin: string;
  originCode: string;
  destinationCode: string;
}

export const flightOffersResolvers: Resolvers<AnalyticsContext> = {
  FlightOffer: {
    // Inventory owns the offer; the representation carries all the estimate needs, and it is the same for every caller.
    __resolveReference: (ref: FlightOfferRepresentation) => ref,
    co2eKg: (offer: FlightOfferRepresentation) => {
      const emission = segmentEmission(offer.originCode, offer.destinationCode, offer.cabin.toLowerCase());
      return emission ? emission.co2eGrams / 1000 : null;
    },
  },
};
