import { DomainError, type EventConsumer, type EventPayloads, type Logger } from '@travel/platform';
import { CABINS, type Cabin } from '../db/schema.js';
import type { HoldsService } from '../holds/holds.service.js';
import type { FlightStatusRepository } from './flight-status.repository.js';

/**
 * Holds a seat when booking rebooks a disrupted booking automatically, in the
 * transaction of the request's event, and answers with
 * inventory.rebooking_hold.placed (the hold, or why there is none). The hold
 * belongs to the booking's organization and traveler, as if they had held it.
 */
export function rebookingHoldsConsumer(holds: HoldsService, repository: FlightStatusRepository, logger: Logger): EventConsumer {
  return {
    from: ['booking'],
    group: 'inventory-rebooking-holds',
    handlers: {
      'booking.rebooking_hold_requested': async (event, scope) => {
        const request = event.payload;
        if (!event.orgId || !(CABINS as readonly string[]).includes(request.cabin)) return;
        let hold: EventPayloads['inventory.rebooking_hold.placed']['hold'] = null;
        let failure: string | null = null;
        try {
          const row = await holds.placeHold(scope, { orgId: event.orgId, personId: request.travelerId, roles: ['traveler'] }, { flightId: request.flightId, seatId: null, cabin: request.cabin as Cabin });
          const found = await repository.seatAndFlight(row.seatId, scope.tx);
          if (!found) throw new Error(`Seat ${row.seatId} of hold ${row.id} vanished`);
          const { seat, flight } = found;
          hold = {
            id: row.id,
            expiresAt: row.expiresAt.toISOString(),
            price: { amount: row.priceMinor, currency: row.currency },
            seat: { id: seat.id, cabin: seat.cabin.toUpperCase(), seatNumber: seat.seatNumber },
            flight: {
              id: flight.id,
              flightNumber: flight.flightNumber,
              departureAt: flight.departureAt.toISOString(),
              arrivalAt: flight.arrivalAt.toISOString(),
              airline: { code: flight.airlineCode },
              origin: { code: flight.originCode },
              destination: { code: flight.destinationCode },
            },
          };
        } catch (error) {
          // No seat left, or the flight can no longer be held: booking keeps the disruption open for a person to decide.
          if (!(error instanceof DomainError)) throw error;
          failure = error.message;
          logger.info({ bookingId: request.bookingId, flightId: request.flightId, failure }, 'no seat for an automatic rebooking');
        }
        await scope.emit({
          type: 'inventory.rebooking_hold.placed',
          orgId: event.orgId,
          aggregateId: request.bookingId,
          payload: { bookingId: request.bookingId, disruptionId: request.disruptionId, suggestionId: request.suggestionId, hold, failure },
        });
      },
    },
  };
}
