import type { EventConsumer } from '@travel/platform';
import type { SpendService } from './spend.service.js';

/** booking.confirmed / booking.canceled feed the spend projection. */
export function spendConsumer(spend: SpendService): EventConsumer {
  return {
    from: ['booking'],
    handlers: {
      'booking.confirmed': (event, { tx }) => spend.recordConfirmed(event, tx),
      'booking.canceled': (event, { tx }) => spend.recordCanceled(event, tx),
    },
  };
}
