import type { EventConsumer } from '@travel/platform';
import type { PaymentsService } from './payments.service.js';

/** booking asks for payment after a compliant confirm; the answer goes back as payment.authorized or payment.failed. */
export function bookingEventsConsumer(payments: PaymentsService): EventConsumer {
  return {
    from: ['booking'],
    handlers: {
      'booking.confirmation_requested': async (event, scope) => {
        await payments.authorizeBooking(event, scope);
      },
    },
  };
}
