import type { Executor } from '@travel/platform';
import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { BOOKABLE_FLIGHT_STATUSES, flights, seats, type Cabin, type FlightRow } from '../db/schema.js';
import { seatTaken } from '../seats/seats.repository.js';

export type NewFlight = typeof flights.$inferInsert;
/** Sort key of flight search: departure instant (ISO), then id for ties. */
export type FlightCursor = [departureAt: string, id: string];

export interface FlightSearch {
  origin: string;
  destination: string;
  /** Departures in [from, to). */
  from: Date;
  to: Date;
  cabin: Cabin | null;
  passengers: number;
  now: Date;
}

const CHUNK = 1000;

export class FlightsRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[], db: Executor = this.db): Promise<FlightRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(flights).where(inArray(flights.id, [...ids]));
  }

  /**
   * Bookable flights of the route and window with at least `passengers`
   * free seats (in the cabin when given). The seat count stops at
   * `passengers`, so a full flight costs no more than a nearly empty one.
   */
  private searchFilter(q: FlightSearch): SQL {
    const freeSeats = sql`(select count(*) from (select 1 from ${seats} where ${seats.flightId} = ${flights.id}${
      q.cabin ? sql` and ${seats.cabin} = ${q.cabin}` : sql``
    } and not ${seatTaken(seats.id, q.now)} limit ${q.passengers}) as free)`;
    return and(
      eq(flights.originCode, q.origin),
      eq(flights.destinationCode, q.destination),
      gte(flights.departureAt, q.from),
      lt(flights.departureAt, q.to),
      gt(flights.departureAt, q.now),
      inArray(flights.status, [...BOOKABLE_FLIGHT_STATUSES]),
      sql`${freeSeats} >= ${q.passengers}`,
    )!;
  }

  async search(q: FlightSearch, limit: number, after: FlightCursor | null): Promise<FlightRow[]> {
    const afterClause = after
      ? or(gt(flights.departureAt, new Date(after[0])), and(eq(flights.departureAt, new Date(after[0])), gt(flights.id, after[1])))
      : undefined;
    return this.db
      .select()
      .from(flights)
      .where(and(this.searchFilter(q), afterClause))
      .orderBy(asc(flights.departureAt), asc(flights.id))
      .limit(limit + 1);
  }

  async countSearch(q: FlightSearch): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(flights).where(this.searchFilter(q));
    return row?.n ?? 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(flights);
    return row?.n ?? 0;
  }

  /** Inserts flights, skipping those whose designator and departure exist; returns only the new rows. */
  async insertNew(values: NewFlight[], db: Executor = this.db): Promise<FlightRow[]> {
    const inserted: FlightRow[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      inserted.push(
        ...(await db
          .insert(flights)
          .values(values.slice(i, i + CHUNK))
          .onConflictDoNothing({ target: [flights.airlineCode, flights.flightNumber, flights.departureAt] })
          .returning()),
      );
    }
    return inserted;
  }
}
