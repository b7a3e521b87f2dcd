import type { EventConsumer, EventType, Executor, Logger, PubSub, Viewer } from '@travel/platform';
import type { BookingsRepository } from '../bookings/bookings.repository.js';
import type { BookingStatus } from '../bookings/booking-state-machine.js';
import { TRAVEL_ADMIN_ROLE } from './notifications.service.js';

/** What bookingUpdated subscribers of an organization receive: which booking changed, and how. */
export interface BookingUpdateMessage {
  bookingId: string;
  orgId: string;
  travelerId: string;
  bookedById: string;
  status: BookingStatus;
  event: EventType;
  at: string;
}

/** What disruptionRaised subscribers of an organization receive; the disruption is read again when resolved. */
export interface DisruptionMessage {
  disruptionId: string;
  orgId: string;
}

export function bookingUpdatesChannel(orgId: string): string {
  return `booking.org.${orgId}.bookings`;
}

export function disruptionsChannel(orgId: string): string {
  return `booking.org.${orgId}.disruptions`;
}

/** Booking events that change what a booking shows; each reaches bookingUpdated subscribers. */
export const BOOKING_UPDATE_EVENTS = [
  'booking.drafted',
  'booking.confirmation_requested',
  'booking.confirmed',
  'booking.ticketed',
  'booking.canceled',
  'booking.refunded',
  'booking.segment_changed',
  'booking.traveler_details_updated',
  'booking.disrupted',
  'booking.rebooked',
] as const satisfies readonly EventType[];

/** Keeps the messages `keep` accepts, with `return()` still wired to the source so unsubscribing is immediate. */
export function filtered<T>(source: AsyncIterableIterator<T>, keep: (message: T) => boolean): AsyncIterableIterator<T> {
  return {
    next: async () => {
      for (;;) {
        const result = await source.next();
        if (result.done || keep(result.value)) return result;
      }
    },
    return: async () => (source.return ? source.return() : { value: undefined, done: true }),
    throw: async (error?: unknown) => (source.throw ? source.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Who hears about a booking: its traveler, its booker, and the travel admins of its organization. */
export function concerns(viewer: Viewer, message: Pick<BookingUpdateMessage, 'orgId' | 'travelerId' | 'bookedById'>): boolean {
  if (viewer.orgId !== message.orgId) return false;
  return viewer.personId === message.travelerId || viewer.personId === message.bookedById || viewer.roles.includes(TRAVEL_ADMIN_ROLE);
}

/**
 * Live booking updates and disruptions, per organization channel. They are
 * published by a consumer of booking's own events, which the relay delivers
 * only after the change committed, so a subscriber (through the router) can
 * read the booking and find it in its new state.
 */
export class LiveUpdates {
  constructor(
    private readonly pubsub: PubSub,
    private readonly bookings: BookingsRepository,
    private readonly logger: Logger,
  ) {}

  watchBookings(viewer: Viewer, bookingId: string | null): AsyncIterableIterator<BookingUpdateMessage> {
    return filtered(this.pubsub.subscribe<BookingUpdateMessage>(bookingUpdatesChannel(viewer.orgId)), (m) => concerns(viewer, m) && (bookingId === null || m.bookingId === bookingId));
  }

  watchDisruptions(viewer: Viewer): AsyncIterableIterator<DisruptionMessage> {
    return filtered(this.pubsub.subscribe<DisruptionMessage>(disruptionsChannel(viewer.orgId)), (m) => m.orgId === viewer.orgId);
  }

  consumer(): EventConsumer {
    const onBooking = async (type: EventType, orgId: string | null, bookingId: string, db: Executor) => {
      if (!orgId) return;
      const [booking] = await this.bookings.findByIds(orgId, [bookingId], db);
      if (!booking) return;
      const message: BookingUpdateMessage = {
        bookingId,
        orgId,
        travelerId: booking.travelerId,
        bookedById: booking.bookedById,
        status: booking.status,
        event: type,
        at: booking.updatedAt.toISOString(),
      };
      await this.publish(bookingUpdatesChannel(orgId), message);
    };
    const handlers: EventConsumer['handlers'] = Object.fromEntries(
      BOOKING_UPDATE_EVENTS.map((type) => [type, async (event: { type: EventType; orgId: string | null; aggregateId: string }, { tx }: { tx: Executor }) => onBooking(event.type, event.orgId, event.aggregateId, tx)]),
    );
    handlers['booking.disrupted'] = async (event, { tx }) => {
      await onBooking(event.type, event.orgId, event.aggregateId, tx);
      if (event.orgId) await this.publish(disruptionsChannel(event.orgId), { disruptionId: event.payload.disruptionId, orgId: event.orgId } satisfies DisruptionMessage);
    };
    return { from: ['booking'], group: 'booking-live', handlers };
  }

  /** Best effort: the database stays the truth, a lost message costs one live update. */
  private async publish(channel: string, message: unknown): Promise<void> {
    try {
      await this.pubsub.publish(channel, message);
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'could not publish a live booking update');
    }
  }
}
