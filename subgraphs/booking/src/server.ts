import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type SubgraphRuntime } from '@travel/platform';
import { ApprovalOutcomesService } from './approvals/approval-outcomes.service.js';
import { PendingConfirmationsRepository } from './approvals/pending-confirmations.repository.js';
import { BookingsRepository } from './bookings/bookings.repository.js';
import { BookingsService } from './bookings/bookings.service.js';
import { CancellationsService } from './bookings/cancellations.service.js';
import { ChangesService } from './bookings/changes.service.js';
import { EntityReads } from './bookings/entity-reads.js';
import { Idempotency } from './bookings/idempotency.js';
import { IdempotencyKeysRepository } from './bookings/idempotency-keys.repository.js';
import { StatusMoves } from './bookings/status-moves.js';
import { ProjectedAutoRebookSetting } from './disruptions/auto-rebook.js';
import { DisruptionsRepository } from './disruptions/disruptions.repository.js';
import { DisruptionsService } from './disruptions/disruptions.service.js';
import { defaultRebookingFilter } from './disruptions/rebooking-options.js';
import { LiveUpdates } from './notifications/live-updates.js';
import { NotificationsRepository } from './notifications/notifications.repository.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { createContext, type BookingContext } from './context.js';
import * as tables from './db/schema.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';

export { typeDefs, resolvers };

export interface BookingServices {
  clock: Clock;
  repositories: { bookings: BookingsRepository; idempotencyKeys: IdempotencyKeysRepository };
  bookings: BookingsService;
  cancellations: CancellationsService;
  changes: ChangesService;
  disruptions: DisruptionsService;
  notifications: NotificationsService;
  live: LiveUpdates;
}

export type BookingServer = SubgraphServer<BookingContext, BookingServices>;

/** Booking: bookings and their segments, traveler details, the booking state machine, idempotent commands, cancellation quotes, segment changes and the audit trail. */
export function createBookingServer(runtime: SubgraphRuntime): BookingServer {
  const eventing = createEventing(runtime, 'booking', tables);
  const repositories = { bookings: new BookingsRepository(runtime.db), idempotencyKeys: new IdempotencyKeysRepository(runtime.db) };
  const idempotency = new Idempotency(repositories.idempotencyKeys, repositories.bookings);
  const moves = new StatusMoves(repositories.bookings);
  const reads = new EntityReads(runtime.entities);
  const approvals = new ApprovalOutcomesService(
    repositories.bookings,
    new PendingConfirmationsRepository(runtime.db),
    moves,
    runtime.clock,
    runtime.logger.child({ subgraph: 'booking', component: 'approvals' }),
  );
  const bookings = new BookingsService(
    eventing.uow,
    repositories.bookings,
    repositories.idempotencyKeys,
    idempotency,
    moves,
    reads,
    runtime.clock,
    runtime.logger.child({ subgraph: 'booking', component: 'bookings' }),
    approvals,
  );
  const cancellations = new CancellationsService(
    eventing.uow,
    repositories.bookings,
    idempotency,
    moves,
    runtime.clock,
    runtime.logger.child({ subgraph: 'booking', component: 'cancellations' }),
  );
  const changes = new ChangesService(eventing.uow, repositories.bookings, idempotency, reads, runtime.clock);
  const notifications = new NotificationsService(new NotificationsRepository(runtime.db), runtime.clock);
  const disruptionsRepository = new DisruptionsRepository(runtime.db);
  const autoRebook = new ProjectedAutoRebookSetting(runtime.db);
  const disruptions = new DisruptionsService(
    eventing.uow,
    disruptionsRepository,
    repositories.bookings,
    moves,
    changes,
    notifications,
    defaultRebookingFilter,
    autoRebook,
    runtime.clock,
    runtime.logger.child({ subgraph: 'booking', component: 'disruptions' }),
  );
  const live = new LiveUpdates(runtime.pubsub, repositories.bookings, runtime.logger.child({ subgraph: 'booking', component: 'live' }));
  const services: BookingServices = { clock: runtime.clock, repositories, bookings, cancellations, changes, disruptions, notifications, live };
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
          'payment.refunded': (event, scope) => cancellations.onPaymentRefunded(event, scope),
        },
      },
      {
        from: ['policy'],
        handlers: {
          'policy.approval.granted': (event, scope) => approvals.onGranted(event, scope),
          'policy.approval.rejected': (event, scope) => approvals.onRejected(event, scope),
        },
      },
      {
        from: ['inventory'],
        group: 'booking-disruptions',
        handlers: {
          'inventory.flight.status_changed': (event, scope) => disruptions.onFlightStatusChanged(event, scope),
          'inventory.rebooking_hold.placed': (event, scope) => disruptions.onRebookingHold(event, scope),
        },
      },
      {
        from: ['customer'],
        handlers: {
          'customer.organization.settings_changed': (event, scope) => autoRebook.onSettingsChanged(event, scope),
        },
      },
      live.consumer(),
    ],
  });
}
