import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { BookingsRepository } from './bookings/bookings.repository.js';
import { BookingsService } from './bookings/bookings.service.js';
import { EntityReads } from './bookings/entity-reads.js';
import { IdempotencyKeysRepository } from './bookings/idempotency-keys.repository.js';
import { createContext, type BookingContext } from './context.js';
import * as tables from './db/schema.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export { typeDefs, resolvers };

export interface BookingServices {
  clock: Clock;
  repositories: { bookings: BookingsRepository; idempotencyKeys: IdempotencyKeysRepository };
  bookings: BookingsService;
}

export type BookingServer = SubgraphServer<BookingContext, BookingServices>;

/** Booking: bookings and their segments, the booking state machine, idempotent confirmation and the audit trail. */
export function createBookingServer(runtime: SubgraphRuntime): BookingServer {
  const eventing = createEventing(runtime, 'booking', tables);
  const repositories = { bookings: new BookingsRepository(runtime.db), idempotencyKeys: new IdempotencyKeysRepository(runtime.db) };
  const bookings = new BookingsService(
    eventing.uow,
    repositories.bookings,
    repositories.idempotencyKeys,
    new EntityReads(runtime.entities),
    runtime.clock,
    runtime.logger.child({ subgraph: 'booking', component: 'bookings' }),
  );
  const services: BookingServices = { clock: runtime.clock, repositories, bookings };
  return new SubgraphServer(runtime, {
    name: 'booking',
    dbSchema: 'booking',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [
      {
        from: ['payment'],
        handlers: {
          'payment.authorized': (event, scope) => bookings.onPaymentAuthorized(event, scope),
          'payment.failed': (event, scope) => bookings.onPaymentFailed(event, scope),
        },
      },
    ],
  });
}
