import { DomainError, parseInput, type Clock, type EventPayloads, type Executor, type Logger, type PubSub, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { AirportsRepository } from '../airports/airports.repository.js';
import type { FlightRow, FlightStatus, FlightStatusChangeKind, FlightStatusChangeRow } from '../db/schema.js';
import type { SeatsRepository } from '../seats/seats.repository.js';
import { toCabinAvailability } from '../availability/availability.service.js';
import { isUuid } from '../validation.js';
import type { FlightStatePatch, FlightStatusRepository } from './flight-status.repository.js';

/** How far after the disrupted departure alternatives are looked for. */
export const ALTERNATIVES_WINDOW_MS = 2 * 86_400_000;

/** Channel of one flight's status changes, and of every flight's (the operations view). */
export function flightStatusChannel(flightId?: string): string {
  return flightId ? `inventory.flight.${flightId}.status` : 'inventory.flight-status';
}

/** What subscribers of flightStatusChanged receive. */
export interface FlightStatusUpdate {
  flightId: string;
  change: FlightStatusChangeRow;
}

const CHANGE_INPUT = { DELAYED: 'delayed', CANCELED: 'canceled', DIVERTED: 'diverted', GATE_CHANGED: 'gate_changed', ON_TIME: 'on_time' } as const;

const recordInput = z.object({
  flightId: z.string().refine(isUuid, { error: 'flightId is not a flight id' }),
  change: z.enum(['delayed', 'canceled', 'diverted', 'gate_changed', 'on_time'] satisfies FlightStatusChangeKind[]),
  estimatedDepartureAt: z.coerce.date().nullish(),
  estimatedArrivalAt: z.coerce.date().nullish(),
  gate: z.string().trim().min(1).max(10, { error: 'gate takes at most 10 characters' }).nullish(),
  divertedTo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{3,10}$/, { error: 'divertedTo is an airport code' })
    .transform((c) => c.toUpperCase())
    .nullish(),
  reason: z.string().trim().max(500, { error: 'reason takes at most 500 characters' }).nullish(),
});
type RecordInput = z.output<typeof recordInput>;

export { CHANGE_INPUT };

/** A state a status report cannot leave: a canceled flight stays canceled, a landed one has landed. */
const FINAL: readonly FlightStatus[] = ['canceled', 'landed'];

/**
 * Flight operations: an operator (platform_admin) records what happens to a
 * flight. The flight row takes the new state, the history gains a row, and
 * `inventory.flight.status_changed` (with alternatives on the same route) is
 * written to the outbox in the same transaction; subscribers hear it after
 * the commit (best effort, like availability).
 */
export class FlightStatusService {
  constructor(
    private readonly uow: UnitOfWork,
    readonly repository: FlightStatusRepository,
    private readonly airports: AirportsRepository,
    private readonly seats: SeatsRepository,
    private readonly pubsub: PubSub,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async record(viewer: Viewer, input: unknown): Promise<{ flight: FlightRow; change: FlightStatusChangeRow }> {
    const data = parseInput(recordInput, input);
    if (data.change === 'diverted') {
      if (!data.divertedTo) throw new DomainError('VALIDATION_FAILED', 'A diversion needs the airport it goes to', 'divertedTo');
      const [airport] = await this.airports.findByCodes([data.divertedTo]);
      if (!airport) throw new DomainError('NOT_FOUND', `Airport ${data.divertedTo} not found`, 'divertedTo');
    }
    if (data.change === 'gate_changed' && !data.gate) throw new DomainError('VALIDATION_FAILED', 'A gate change needs the new gate', 'gate');
    if (data.change === 'delayed' && !data.estimatedDepartureAt) throw new DomainError('VALIDATION_FAILED', 'A delay needs the estimated departure', 'estimatedDepartureAt');

    const now = this.clock.now();
    const result = await this.uow.run(async ({ tx, emit }) => {
      const flight = await this.repository.lockFlight(tx, data.flightId);
      if (!flight) throw new DomainError('NOT_FOUND', `Flight ${data.flightId} not found`, 'flightId');
      if (FINAL.includes(flight.status)) throw new DomainError('INVALID_TRANSITION', `Flight ${flight.flightNumber} is ${flight.status}; its status can no longer change`, 'flightId');
      const patch = this.patchFor(flight, data);
      const updated = await this.repository.updateFlight(tx, flight.id, patch);
      const delayMinutes =
        data.change === 'delayed' && updated.estimatedDepartureAt ? Math.round((updated.estimatedDepartureAt.getTime() - flight.departureAt.getTime()) / 60_000) : null;
      const change = await this.repository.insertChange(tx, {
        flightId: flight.id,
        change: data.change,
        status: updated.status,
        estimatedDepartureAt: updated.estimatedDepartureAt,
        estimatedArrivalAt: updated.estimatedArrivalAt,
        gate: updated.gate,
        divertedToCode: updated.divertedToCode,
        delayMinutes,
        reason: data.reason ?? null,
        recordedById: viewer.personId,
        occurredAt: now,
      });
      const alternatives = ['delayed', 'canceled', 'diverted'].includes(data.change) ? await this.alternatives(updated, now, tx) : [];
      await emit({
        type: 'inventory.flight.status_changed',
        orgId: null,
        aggregateId: flight.id,
        payload: {
          flightId: flight.id,
          flightNumber: flight.flightNumber,
          origin: flight.originCode,
          destination: flight.destinationCode,
          change: data.change,
          status: updated.status,
          scheduledDepartureAt: flight.departureAt.toISOString(),
          scheduledArrivalAt: flight.arrivalAt.toISOString(),
          estimatedDepartureAt: updated.estimatedDepartureAt?.toISOString() ?? null,
          estimatedArrivalAt: updated.estimatedArrivalAt?.toISOString() ?? null,
          delayMinutes,
          gate: updated.gate,
          divertedTo: updated.divertedToCode,
          reason: data.reason ?? null,
          alternatives,
        },
      });
      return { flight: updated, change };
    });
    await this.announce({ flightId: result.flight.id, change: result.change });
    return result;
  }

  /** The flight's status changes from now on: one flight's, or every flight's when none is given. */
  watch(flightId: string | null): AsyncIterableIterator<FlightStatusUpdate> {
    if (flightId !== null && !isUuid(flightId)) throw new DomainError('VALIDATION_FAILED', 'flightId is not a flight id', 'flightId');
    return this.pubsub.subscribe<FlightStatusUpdate>(flightStatusChannel(flightId ?? undefined));
  }

  private patchFor(flight: FlightRow, data: RecordInput): FlightStatePatch {
    switch (data.change) {
      case 'delayed': {
        const departure = data.estimatedDepartureAt!;
        if (departure.getTime() <= flight.departureAt.getTime()) {
          throw new DomainError('VALIDATION_FAILED', 'A delayed departure is later than the scheduled one', 'estimatedDepartureAt');
        }
        const arrival = data.estimatedArrivalAt ?? new Date(flight.arrivalAt.getTime() + (departure.getTime() - flight.departureAt.getTime()));
        if (arrival.getTime() <= departure.getTime()) throw new DomainError('VALIDATION_FAILED', 'The estimated arrival is after the estimated departure', 'estimatedArrivalAt');
        return { status: 'delayed', estimatedDepartureAt: departure, estimatedArrivalAt: arrival };
      }
      case 'canceled':
        return { status: 'canceled' };
      case 'diverted':
        return { status: 'diverted', divertedToCode: data.divertedTo!, estimatedArrivalAt: data.estimatedArrivalAt ?? flight.estimatedArrivalAt };
      case 'gate_changed':
        return { gate: data.gate! };
      case 'on_time':
        return { status: 'scheduled', estimatedDepartureAt: null, estimatedArrivalAt: null };
    }
  }

  /** Bookable flights on the same route within two days after the original departure that still have seats. */
  private async alternatives(flight: FlightRow, now: Date, db: Executor): Promise<EventPayloads['inventory.flight.status_changed']['alternatives']> {
    const from = new Date(Math.max(now.getTime(), flight.departureAt.getTime() - 6 * 3_600_000));
    const candidates = await this.repository.sameRoute(flight, from, new Date(flight.departureAt.getTime() + ALTERNATIVES_WINDOW_MS), db);
    const rows = await this.seats.cabinAvailability(
      candidates.map((c) => c.id),
      now,
      db,
    );
    return candidates.flatMap((c) => {
      const cabins = toCabinAvailability(rows.filter((r) => r.flightId === c.id)).flatMap((cabin) =>
        cabin.seatsLeft > 0 && cabin.lowestFare ? [{ cabin: cabin.cabin, seatsLeft: cabin.seatsLeft, fareAmount: cabin.lowestFare.amount, currency: cabin.lowestFare.currency }] : [],
      );
      return cabins.length === 0
        ? []
        : [{ flightId: c.id, flightNumber: c.flightNumber, departureAt: c.departureAt.toISOString(), arrivalAt: c.arrivalAt.toISOString(), stops: c.stops, cabins }];
    });
  }

  private async announce(update: FlightStatusUpdate): Promise<void> {
    try {
      await Promise.all([this.pubsub.publish(flightStatusChannel(update.flightId), update), this.pubsub.publish(flightStatusChannel(), update)]);
    } catch (error) {
      this.logger.warn({ err: error, flightId: update.flightId }, 'could not publish a flight status change');
    }
  }
}
