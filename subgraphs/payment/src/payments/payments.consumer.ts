import type { EventConsumer } from '@travel/platform';
import type { CardsService } from '../cards/cards.service.js';
import type { PaymentsService } from './payments.service.js';

/** Booking's commands to payment, as events: authorize on confirmation, a virtual card once confirmed, capture on ticketing, refund on a refund quote. */
export function bookingEventsConsumer(payments: PaymentsService, cards: CardsService): EventConsumer {
  return {
    from: ['booking'],
    handlers: {
      'booking.confirmation_requested': async (event, scope) => {
        await payments.authorizeBooking(event, scope);
      },
      'booking.confirmed': async (event, scope) => {
        await cards.issueForBooking(event, scope);
      },
      'booking.ticketed': async (event, scope) => {
        await payments.captureBooking(event, scope);
      },
      'booking.refund_requested': async (event, scope) => {
        await payments.refundBooking(event, scope);
      },
    },
  };
}
