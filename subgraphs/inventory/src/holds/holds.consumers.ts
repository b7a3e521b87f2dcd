import type { EventConsumer } from '@travel/platform';
import type { HoldsService } from './holds.service.js';

/** Booking outcomes decide what becomes of the holds a booking was made from. */
export function bookingOutcomesConsumer(holds: HoldsService): EventConsumer {
  return {
    from: ['booking'],
    handlers: {
      'booking.confirmed': (event, scope) => holds.convertForBooking(event, scope),
      'booking.canceled': (event, scope) => holds.releaseForBooking(event, scope),
    },
  };
}
