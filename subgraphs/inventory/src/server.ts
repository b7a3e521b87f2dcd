import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { AirportsRepository } from './airports/airports.repository.js';
import { availabilityConsumer } from './availability/availability.consumers.js';
import { AvailabilityService } from './availability/availability.service.js';
import { CatalogService } from './catalog/catalog.service.js';
import { createContext, type InventoryContext } from './context.js';
import * as tables from './db/schema.js';
import { FlightsRepository } from './flights/flights.repository.js';
import { FlightsService } from './flights/flights.service.js';
import { HoldSweeper } from './holds/hold-sweeper.js';
import { bookingOutcomesConsumer } from './holds/holds.consumers.js';
import { HoldsRepository } from './holds/holds.repository.js';
import { HoldsService } from './holds/holds.service.js';
import { HotelsRepository } from './hotels/hotels.repository.js';
import { PackagesRepository } from './packages/packages.repository.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { SeatsRepository } from './seats/seats.repository.js';

export { typeDefs, resolvers };
export { HOLD_TTL_MS } from './holds/holds.service.js';
export { NARROW_BODY_LAYOUT, WIDE_BODY_LAYOUT, type CabinLayout, type CabinSection } from './seats/seat-layout.js';
export type { AirlineInput, AirportInput, FlightInput, HotelInput, TravelPackageInput } from './catalog/catalog.service.js';

export interface InventoryServices {
  clock: Clock;
  repositories: {
    airports: AirportsRepository;
    flights: FlightsRepository;
    seats: SeatsRepository;
    holds: HoldsRepository;
    hotels: HotelsRepository;
    packages: PackagesRepository;
  };
  flights: FlightsService;
  holds: HoldsService;
  availability: AvailabilityService;
  catalog: CatalogService;
}

export interface InventoryServerOptions {
  /** How often expired holds are swept; 5 s unless given (tests pass less). */
  holdSweepIntervalMs?: number;
}

export type InventoryServer = SubgraphServer<InventoryContext, InventoryServices>;

/** Inventory: airports, flights and seats, hotels, packages, and seat holds. */
export function createInventoryServer(runtime: SubgraphRuntime, options: InventoryServerOptions = {}): InventoryServer {
  const eventing = createEventing(runtime, 'inventory', tables);
  const logger = runtime.logger.child({ subgraph: 'inventory' });
  const repositories = {
    airports: new AirportsRepository(runtime.db),
    flights: new FlightsRepository(runtime.db),
    seats: new SeatsRepository(runtime.db),
    holds: new HoldsRepository(runtime.db),
    hotels: new HotelsRepository(runtime.db),
    packages: new PackagesRepository(runtime.db),
  };
  const availability = new AvailabilityService(repositories.seats, repositories.flights, runtime.pubsub, runtime.clock, logger);
  const holds = new HoldsService(eventing.uow, repositories.holds, repositories.seats, repositories.flights, availability, runtime.clock, logger);
  const services: InventoryServices = {
    clock: runtime.clock,
    repositories,
    flights: new FlightsService(repositories.flights, repositories.airports, runtime.clock),
    holds,
    availability,
    catalog: new CatalogService(runtime.db, repositories),
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
    consumers: [bookingOutcomesConsumer(holds), availabilityConsumer(availability)],
    workers: [new HoldSweeper(holds, logger, { intervalMs: options.holdSweepIntervalMs })],
  });
}
