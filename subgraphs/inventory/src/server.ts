import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { AirportsRepository } from './airports/airports.repository.js';
import { availabilityConsumer } from './availability/availability.consumers.js';
import { AvailabilityService } from './availability/availability.service.js';
import { CatalogService } from './catalog/catalog.service.js';
import { createContext, type InventoryContext } from './context.js';
import * as tables from './db/schema.js';
import { FareClassesRepository } from './fare-classes/fare-classes.repository.js';
import { ProductAvailability } from './live-availability/product-availability.js';
import { rebookingHoldsConsumer } from './flight-status/rebooking-holds.consumer.js';
import { FlightStatusRepository } from './flight-status/flight-status.repository.js';
import { FlightStatusService } from './flight-status/flight-status.service.js';
import { FlightsRepository } from './flights/flights.repository.js';
import { FlightsService } from './flights/flights.service.js';
import { HoldSweeper } from './holds/hold-sweeper.js';
import { bookingOutcomesConsumer } from './holds/holds.consumers.js';
import { HoldsRepository } from './holds/holds.repository.js';
import { HoldsService } from './holds/holds.service.js';
import { HotelsRepository } from './hotels/hotels.repository.js';
import { HotelsService } from './hotels/hotels.service.js';
import { PackageHoldsRepository } from './package-holds/package-holds.repository.js';
import { PackageHoldsService } from './package-holds/package-holds.service.js';
import { PackagesRepository } from './packages/packages.repository.js';
import { PackagesService } from './packages/packages.service.js';
import { RoomHoldsRepository } from './room-holds/room-holds.repository.js';
import { RoomHoldsService } from './room-holds/room-holds.service.js';
import { resolvers } from './resolvers.js';
import { FlightSearchCache } from './search/flight-search-cache.js';
import { SearchEvents } from './search/search-events.js';
import { MemorySearchCache, RedisSearchCache, type SearchCache } from './search/search-cache.js';
import { typeDefs } from './schema.js';
import { SeatsRepository } from './seats/seats.repository.js';

export { typeDefs, resolvers };
export { HOLD_TTL_MS, MAX_HOLD_LIFETIME_MS } from './holds/hold-lifetime.js';
export { NARROW_BODY_LAYOUT, WIDE_BODY_LAYOUT, type CabinLayout, type CabinSection } from './seats/seat-layout.js';
export type {
  AirlineInput,
  AirportInput,
  FlightInput,
  HotelInput,
  PackageDepartureInput,
  PackageItineraryDayInput,
  PackageSeasonInput,
  TravelPackageInput,
} from './catalog/catalog.service.js';

export interface InventoryServices {
  clock: Clock;
  repositories: {
    airports: AirportsRepository;
    flights: FlightsRepository;
    seats: SeatsRepository;
    fareClasses: FareClassesRepository;
    holds: HoldsRepository;
    hotels: HotelsRepository;
    packages: PackagesRepository;
    roomHolds: RoomHoldsRepository;
    packageHolds: PackageHoldsRepository;
  };
  flights: FlightsService;
  flightStatus: FlightStatusService;
  productAvailability: ProductAvailability;
  flightSearchCache: FlightSearchCache;
  holds: HoldsService;
  availability: AvailabilityService;
  catalog: CatalogService;
  hotels: HotelsService;
  packages: PackagesService;
  roomHolds: RoomHoldsService;
  packageHolds: PackageHoldsService;
  searchEvents: SearchEvents;
}

export interface InventoryServerOptions {
  /** How often expired holds are swept; 5 s unless given (tests pass less). */
  holdSweepIntervalMs?: number;
  /** How long a flight search result may be served from the cache; 30 s unless given. */
  searchCacheTtlMs?: number;
}

export type InventoryServer = SubgraphServer<InventoryContext, InventoryServices>;

/** Inventory: airports, flights and seats, hotels, packages, their search, and holds on seats, rooms and package places. */
export function createInventoryServer(runtime: SubgraphRuntime, options: InventoryServerOptions = {}): InventoryServer {
  const eventing = createEventing(runtime, 'inventory', tables);
  const logger = runtime.logger.child({ subgraph: 'inventory' });
  const repositories = {
    airports: new AirportsRepository(runtime.db),
    flights: new FlightsRepository(runtime.db),
    seats: new SeatsRepository(runtime.db),
    fareClasses: new FareClassesRepository(runtime.db),
    holds: new HoldsRepository(runtime.db),
    hotels: new HotelsRepository(runtime.db),
    packages: new PackagesRepository(runtime.db),
    roomHolds: new RoomHoldsRepository(runtime.db),
    packageHolds: new PackageHoldsRepository(runtime.db),
  };
  // Redis when configured, so that every inventory process shares cached searches and their invalidation.
  const searchCache: SearchCache = runtime.config.REDIS_URL
    ? new RedisSearchCache(runtime.config.REDIS_URL, `${runtime.config.REDIS_NAMESPACE}:inventory:search`)
    : new MemorySearchCache();
  const flightSearchCache = new FlightSearchCache(searchCache, options.searchCacheTtlMs);
  const availability = new AvailabilityService(repositories.seats, repositories.flights, runtime.pubsub, runtime.clock, logger, flightSearchCache);
  const holds = new HoldsService(eventing.uow, repositories.holds, repositories.seats, repositories.flights, repositories.fareClasses, availability, runtime.clock, logger);
  const roomHolds = new RoomHoldsService(eventing.uow, repositories.roomHolds, repositories.hotels, runtime.clock, logger);
  const packageHolds = new PackageHoldsService(eventing.uow, repositories.packageHolds, repositories.packages, runtime.clock, logger);
  const flightStatusRepository = new FlightStatusRepository(runtime.db);
  const services: InventoryServices = {
    clock: runtime.clock,
    repositories,
    productAvailability: new ProductAvailability(runtime.pubsub, repositories.hotels, repositories.packages, logger),
    flightStatus: new FlightStatusService(eventing.uow, flightStatusRepository, repositories.airports, repositories.seats, runtime.pubsub, runtime.clock, logger),
    flights: new FlightsService(repositories.flights, repositories.airports, runtime.clock, flightSearchCache, repositories.fareClasses),
    flightSearchCache,
    holds,
    availability,
    catalog: new CatalogService(runtime.db, repositories, flightSearchCache),
    hotels: new HotelsService(repositories.hotels, runtime.clock),
    packages: new PackagesService(repositories.packages, runtime.clock),
    roomHolds,
    packageHolds,
    searchEvents: new SearchEvents(eventing.uow, runtime.clock, logger),
  };
  return new SubgraphServer(runtime, {
    name: 'inventory',
    dbSchema: 'inventory',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [bookingOutcomesConsumer(holds, roomHolds, packageHolds, logger), availabilityConsumer(availability), services.productAvailability.consumer(), rebookingHoldsConsumer(holds, flightStatusRepository, logger)],
    workers: [new HoldSweeper([holds, roomHolds, packageHolds], logger, { intervalMs: options.holdSweepIntervalMs }), searchCache, services.searchEvents],
  });
}
