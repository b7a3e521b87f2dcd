import { DomainError, enumResolver, pageArgs, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import { payloadWithFieldErrors as payload } from '../bookings/validation.js';
import { renewLoaders, type BookingContext } from '../context.js';
import { NOTIFICATION_KINDS } from '../db/schema.js';
import type { BookingUpdateMessage } from './live-updates.js';
import type { NotificationCursor, NotificationView } from './notifications.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const notificationsResolvers: Resolvers<BookingContext> = {
  NotificationKind: enumResolver(NOTIFICATION_KINDS),
  Query: {
    myNotifications: async (_: unknown, args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null }, ctx: BookingContext) => {
      const viewer = requireViewer(ctx.viewer);
      const { limit, after } = pageArgs<NotificationCursor>(args);
      const [rows, unreadCount] = await Promise.all([ctx.services.notifications.list(viewer, args.unreadOnly ?? false, limit, after), ctx.services.notifications.unreadCount(viewer)]);
      return { ...toConnection(rows, limit, (n): NotificationCursor => [n.createdAt.toISOString(), n.id]), unreadCount };
    },
  },
  Mutation: {
    markNotificationsRead: (_: unknown, args: { input: unknown }, ctx: BookingContext) => {
      const viewer = requireViewer(ctx.viewer);
      return payload(async () => {
        const ids = await ctx.services.notifications.markRead(viewer, args.input);
        return { ids, unreadCount: await ctx.services.notifications.unreadCount(viewer) };
      });
    },
  },
  Subscription: {
    bookingUpdated: {
      subscribe: (_: unknown, args: { bookingId?: string | null }, ctx: BookingContext) => {
        try {
          const viewer = requireViewer(ctx.viewer);
          if (args.bookingId && !UUID.test(args.bookingId)) throw new DomainError('VALIDATION_FAILED', 'bookingId is not a booking id', 'bookingId');
          return ctx.services.live.watchBookings(viewer, args.bookingId ?? null);
        } catch (error) {
          // Subscription errors bypass the server's error formatting, so the typed code is attached here.
          if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, field: error.field } });
          throw error;
        }
      },
      resolve: async (message: BookingUpdateMessage, _: unknown, ctx: BookingContext) => {
        const booking = await renewLoaders(ctx).loaders.booking.load(message.bookingId);
        return booking ? { booking, status: booking.status, event: message.event, at: message.at } : null;
      },
    },
  },
  Notification: {
    booking: (n: NotificationView, _: unknown, ctx: BookingContext) => (n.bookingId ? ctx.loaders.booking.load(n.bookingId) : null),
    disruption: (n: NotificationView, _: unknown, ctx: BookingContext) => (n.disruptionId ? ctx.loaders.disruption.load(n.disruptionId) : null),
  },
};
