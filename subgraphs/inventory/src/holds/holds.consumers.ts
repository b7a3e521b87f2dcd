import type { EventConsumer, Logger, WorkScope } from '@travel/platform';
import type { PackageHoldsService } from '../package-holds/package-holds.service.js';
import type { RoomHoldsService } from '../room-holds/room-holds.service.js';
import type { HoldsService } from './holds.service.js';

/**
 * Booking outcomes decide what becomes of the holds a booking was made from.
 * A booking lists hold ids of any kind (seat, room, package); each service
 * acts on the ids that are its own, in the organization of the event only.
 */
export function bookingOutcomesConsumer(holds: HoldsService, roomHolds: RoomHoldsService, packageHolds: PackageHoldsService, logger: Logger): EventConsumer {
  const convert = async (orgId: string, bookingId: string, holdIds: readonly string[], scope: WorkScope) => {
    const found = [
      ...(await holds.convertForBooking(orgId, bookingId, holdIds, scope)),
      ...(await roomHolds.convertForBooking(orgId, bookingId, holdIds, scope)),
      ...(await packageHolds.convertForBooking(orgId, bookingId, holdIds, scope)),
    ];
    const missing = holdIds.filter((id) => !found.includes(id));
    if (missing.length > 0) logger.warn({ bookingId, holdIds: missing }, 'a booking names holds this organization does not have');
  };
  const release = async (orgId: string, holdIds: readonly string[], reason: 'released' | 'booking_canceled', scope: WorkScope) => {
    await holds.releaseForBooking(orgId, holdIds, reason, scope);
    await roomHolds.releaseForBooking(orgId, holdIds, reason, scope);
    await packageHolds.releaseForBooking(orgId, holdIds, reason, scope);
  };
  return {
    from: ['booking'],
    handlers: {
      'booking.confirmed': async (event, scope) => {
        if (!event.orgId) return logger.warn({ eventId: event.id }, 'booking.confirmed without organization; holds left as they are');
        await convert(event.orgId, event.payload.bookingId, event.payload.holdIds, scope);
      },
      'booking.canceled': async (event, scope) => {
        if (!event.orgId) return logger.warn({ eventId: event.id }, 'booking.canceled without organization; holds left as they are');
        await release(event.orgId, event.payload.holdIds, 'booking_canceled', scope);
      },
      // A changed segment: the old hold is given back; the new one is sold at once when the booking is already paid.
      'booking.segment_changed': async (event, scope) => {
        if (!event.orgId) return logger.warn({ eventId: event.id }, 'booking.segment_changed without organization; holds left as they are');
        const { bookingId, releasedHoldId, newHoldId, convertNewHold } = event.payload;
        if (convertNewHold) await convert(event.orgId, bookingId, [newHoldId], scope);
        await release(event.orgId, [releasedHoldId], 'released', scope);
      },
    },
  };
}
