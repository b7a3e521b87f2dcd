import { TZDate } from '@date-fns/tz';
import { DomainError, pageArgs, toConnection, type Clock, type Connection } from '@travel/platform';
import { z } from 'zod';
import type { AirportsRepository } from '../airports/airports.repository.js';
import { CABINS, type FlightRow } from '../db/schema.js';
import { pairCursor, parseInput } from '../validation.js';
import type { FlightsRepository } from './flights.repository.js';

export const MAX_PASSENGERS = 9;

const airportCode = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field} is required` })
    .transform((v) => v.toUpperCase());

const searchInput = z
  .object({
    origin: airportCode('origin'),
    destination: airportCode('destination'),
    date: z.iso.date({ error: 'date must be YYYY-MM-DD' }),
    cabin: z.enum(CABINS).nullish(),
    passengers: z
      .number()
      .int()
      .min(1, { error: 'passengers must be at least 1' })
      .max(MAX_PASSENGERS, { error: `passengers must be at most ${MAX_PASSENGERS}` })
      .nullish(),
  })
  .refine((v) => v.origin !== v.destination, { error: 'destination must differ from origin', path: ['destination'] });

/**
 * The UTC instants a local calendar day spans in a time zone: [start, end).
 * Midnight to midnight, so a day with a DST change is 23 or 25 hours long.
 */
export function localDayWindow(date: string, timeZone: string): { from: Date; to: Date } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const from = new TZDate(year, month - 1, day, timeZone);
  const to = new TZDate(year, month - 1, day + 1, timeZone);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

export class FlightsService {
  constructor(
    private readonly flights: FlightsRepository,
    private readonly airports: AirportsRepository,
    private readonly clock: Clock,
  ) {}

  async search(input: unknown, page: { first?: number | null; after?: string | null }): Promise<Connection<FlightRow> & { totalCount: number }> {
    const { origin, destination, date, cabin, passengers } = parseInput(searchInput, input);
    const { limit } = pageArgs({ first: page.first });
    const after = pairCursor(page.after);
    if (after && Number.isNaN(Date.parse(after[0]))) throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
    const found = await this.airports.findByCodes([origin, destination]);
    const originAirport = found.find((a) => a.code === origin);
    if (!originAirport) throw new DomainError('VALIDATION_FAILED', `Unknown airport ${origin}`, 'origin');
    if (!found.some((a) => a.code === destination)) throw new DomainError('VALIDATION_FAILED', `Unknown airport ${destination}`, 'destination');

    const query = {
      origin,
      destination,
      ...localDayWindow(date, originAirport.timeZone),
      cabin: cabin ?? null,
      passengers: passengers ?? 1,
      now: this.clock.now(),
    };
    const [rows, total] = await Promise.all([this.flights.search(query, limit, after), this.flights.countSearch(query)]);
    return { ...toConnection(rows, limit, (f) => [f.departureAt.toISOString(), f.id]), totalCount: total };
  }
}
