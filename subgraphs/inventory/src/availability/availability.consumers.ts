import type { EventConsumer } from '@travel/platform';
import type { AvailabilityService } from './availability.service.js';

/**
 * Announces availability changed by event handlers. A handler's transaction
 * commits only after it returns, so it cannot announce its own change; this
 * consumer hears the change's event, which the outbox relays only after that
 * commit. Changes made by holdSeat, releaseHold and the sweeper are announced
 * by those directly.
 */
export function availabilityConsumer(availability: AvailabilityService): EventConsumer {
  return {
    from: ['inventory'],
    group: 'inventory-availability',
    handlers: {
      'inventory.hold.converted': async (event, { tx }) => availability.publish([event.payload.flightId], tx),
      'inventory.hold.released': async (event, { tx }) => {
        if (event.payload.reason === 'booking_canceled') await availability.publish([event.payload.flightId], tx);
      },
    },
  };
}
