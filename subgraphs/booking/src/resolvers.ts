import { mergeResolvers, type Resolvers } from '@travel/platform';
import { bookingsResolvers } from './bookings/bookings.resolvers.js';
import type { BookingContext } from './context.js';

export const resolvers: Resolvers<BookingContext> = mergeResolvers(bookingsResolvers);
