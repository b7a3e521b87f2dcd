import { mergeResolvers, withApiKeyScopes, type Resolvers } from '@travel/platform';
import { airportsResolvers } from './airports/airports.resolvers.js';
import { availabilityResolvers } from './availability/availability.resolvers.js';
import type { InventoryContext } from './context.js';
import { flightOffersResolvers } from './flights/flight-offers.js';
import { fareClassesResolvers } from './fare-classes/fare-classes.resolvers.js';
import { itinerariesResolvers } from './flights/itineraries.resolvers.js';
import { flightStatusResolvers } from './flight-status/flight-status.resolvers.js';
import { productAvailabilityResolvers } from './live-availability/product-availability.resolvers.js';
import { flightsResolvers } from './flights/flights.resolvers.js';
import { holdsResolvers } from './holds/holds.resolvers.js';
import { hotelsResolvers } from './hotels/hotels.resolvers.js';
import { packageHoldsResolvers } from './package-holds/package-holds.resolvers.js';
import { packagesResolvers } from './packages/packages.resolvers.js';
import { roomHoldsResolvers } from './room-holds/room-holds.resolvers.js';
import { seatsResolvers } from './seats/seats.resolvers.js';

export const resolvers: Resolvers<InventoryContext> = withApiKeyScopes(
  mergeResolvers(
    airportsResolvers,
    flightsResolvers,
    flightOffersResolvers,
    fareClassesResolvers,
    itinerariesResolvers,
    seatsResolvers,
    holdsResolvers,
    hotelsResolvers,
    packagesResolvers,
    availabilityResolvers,
    roomHoldsResolvers,
    packageHoldsResolvers,
    flightStatusResolvers,
    productAvailabilityResolvers,
  ),
  { read: 'inventory_read', write: 'inventory_read' },
);
