import { mergeResolvers, withApiKeyScopes, type Resolvers } from '@travel/platform';
import { bookingsResolvers } from './bookings/bookings.resolvers.js';
import type { BookingContext } from './context.js';

export const resolvers: Resolvers<BookingContext> = withApiKeyScopes(
  mergeResolvers(bookingsResolvers),
  { read: 'bookings_read', write: 'bookings_write' },
);
