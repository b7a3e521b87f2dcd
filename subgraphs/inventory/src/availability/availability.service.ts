import { DomainError, type Clock, type Executor, type Logger, type PubSub } from '@travel/platform';
import { CABINS, type Cabin } from '../db/schema.js';
import type { FlightsRepository } from '../flights/flights.repository.js';
import type { FlightSearchCache } from '../search/flight-search-cache.js';
import { money, type Money } from '../money.js';
import type { CabinAvailabilityRow, SeatsRepository } from '../seats/seats.repository.js';
import { isUuid } from '../validation.js';

export interface CabinAvailability {
  cabin: Cabin;
  seatsLeft: number;
  lowestFare: Money | null;
}

/** What subscribers of a flight receive; cabins carry database enum values, mapped to GraphQL names by the Cabin resolver. */
export interface FlightAvailability {
  flightId: string;
  cabins: CabinAvailability[];
}

export function availabilityChannel(flightId: string): string {
  return `inventory.flight.${flightId}.availability`;
}

/** One flight's cabin rows as the API shows them: cheapest cabin first. */
export function toCabinAvailability(rows: CabinAvailabilityRow[]): CabinAvailability[] {
  return [...rows]
    .sort((a, b) => CABINS.indexOf(a.cabin) - CABINS.indexOf(b.cabin))
    .map((r) => ({
      cabin: r.cabin,
      seatsLeft: r.seatsLeft,
      lowestFare: r.lowestFareMinor === null ? null : money(Number(r.lowestFareMinor), r.currency),
    }));
}

/** Prepends one value to an iterator while keeping `return()` wired to it, so unsubscribing never waits for a message. */
export function startWith<T>(first: () => Promise<T>, rest: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let pending: (() => Promise<T>) | undefined = first;
  return {
    next: async () => {
      if (!pending) return rest.next();
      const take = pending;
      pending = undefined;
      return { value: await take(), done: false };
    },
    return: async () => {
      pending = undefined;
      return rest.return ? rest.return() : { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      pending = undefined;
      return rest.throw ? rest.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Live availability of flights. Changes are announced after they commit,
 * to subscribers and to the search cache (which drops the searches of the
 * flight's route and date);
 * announcing is best effort (the database stays the truth), so a failure is
 * logged and never undoes or fails the change that caused it.
 */
export class AvailabilityService {
  constructor(
    private readonly seats: SeatsRepository,
    private readonly flights: FlightsRepository,
    private readonly pubsub: PubSub,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly searchCache: FlightSearchCache,
  ) {}

  async current(flightIds: readonly string[], db?: Executor): Promise<FlightAvailability[]> {
    const rows = await this.seats.cabinAvailability(flightIds, this.clock.now(), db);
    return flightIds.map((flightId) => ({ flightId, cabins: toCabinAvailability(rows.filter((r) => r.flightId === flightId)) }));
  }

  async publish(flightIds: Iterable<string>, db?: Executor): Promise<void> {
    const ids = [...new Set(flightIds)];
    if (ids.length === 0) return;
    try {
      await this.searchCache.invalidate(await this.flights.findByIds(ids, db));
    } catch (error) {
      // Cached searches then live out their (short) TTL; the database stays right.
      this.logger.warn({ err: error, flightIds: ids }, 'could not invalidate cached flight searches');
    }
    try {
      const states = await this.current(ids, db);
      await Promise.all(states.map((state) => this.pubsub.publish(availabilityChannel(state.flightId), state)));
    } catch (error) {
      this.logger.warn({ err: error, flightIds: ids }, 'could not publish flight availability');
    }
  }

  /** The flight's availability now, then after every change, until the subscriber leaves. */
  async watch(flightId: string): Promise<AsyncIterableIterator<FlightAvailability>> {
    if (!isUuid(flightId)) throw new DomainError('VALIDATION_FAILED', 'flightId is not a flight id', 'flightId');
    const [flight] = await this.flights.findByIds([flightId]);
    if (!flight) throw new DomainError('NOT_FOUND', `Flight ${flightId} not found`, 'flightId');
    // Subscribe before reading the current state, so a change in between is not lost.
    const updates = this.pubsub.subscribe<FlightAvailability>(availabilityChannel(flightId));
    return startWith(async () => (await this.current([flightId]))[0]!, updates);
  }
}
