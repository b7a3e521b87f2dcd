import { mergeResolvers, withApiKeyScopes, type Resolvers } from '@travel/platform';
import { bookingsResolvers } from './bookings/bookings.resolvers.js';
import type { BookingContext } from './context.js';
import { disruptionsResolvers } from './disruptions/disruptions.resolvers.js';
import { notificationsResolvers } from './notifications/notifications.resolvers.js';

export const resolvers: Resolvers<BookingContext> = withApiKeyScopes(
  mergeResolvers(bookingsResolvers, disruptionsResolvers, notificationsResolvers),
  { read: 'bookings_read', write: 'bookings_write' },
);
