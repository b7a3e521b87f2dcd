import type { Executor } from '@travel/platform';
import { and, asc, eq, getTableColumns, gt, gte, inArray, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { BOOKABLE_FLIGHT_STATUSES, flightCabins, flights, holds, seats, type Cabin, type FlightRow } from '../db/schema.js';

export type NewFlight = typeof flights.$inferInsert;
export type NewFlightCabin = typeof flightCabins.$inferInsert;

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

/** A flight that can take the party, with the base fare of its cheapest cabin that can. */
export type FlightCandidate = FlightRow & { fareMinor: number; currency: string };

const CHUNK = 1000;

export interface LegSearch {
  origins: readonly string[];
  /** Departures in [from, to). */
  from: Date;
  to: Date;
  cabin: Cabin | null;
  passengers: number;
  now: Date;
  /** Most departures read per origin airport. */
  perOrigin: number;
}

/** Seats of a flight cabin taken now: sold, or held and not run out. */
function takenInCabin(flightId: SQLWrapper, cabin: SQLWrapper, now: Date): SQL {
  return sql`(select count(*) from ${holds} join ${seats} on ${seats.id} = ${holds.seatId}
      where ${holds.flightId} = ${flightId} and ${seats.cabin} = ${cabin}
      and (${holds.status} = 'converted' or (${holds.status} = 'active' and ${holds.expiresAt} > ${at(now)})))`;
}

/**
 * A flight's columns with the base fare of its cheapest cabin (the one asked
 * for, or any) that has `passengers` seats left; null when none has.
 */
function candidateColumns(q: { cabin: Cabin | null; passengers: number; now: Date }) {
  const fare = sql<number | null>`(select min(fc.fare_minor) from ${flightCabins} fc where fc.flight_id = ${flights.id}${
    q.cabin ? sql` and fc.cabin = ${q.cabin}` : sql``
  } and fc.capacity - ${takenInCabin(flights.id, sql`fc.cabin`, q.now)} >= ${q.passengers})`;
  return {
    ...getTableColumns(flights),
    fareMinor: sql<number | null>`${fare}`.as('fare_minor'),
    currency: sql<string>`(select min(c.currency) from ${flightCabins} c where c.flight_id = ${flights.id})`.as('fare_currency'),
  };
}

function fitting<T extends { fareMinor: number | null }>(rows: T[]): (Omit<T, 'fareMinor'> & { fareMinor: number })[] {
  return rows.flatMap((r) => (r.fareMinor === null ? [] : [{ ...r, fareMinor: Number(r.fareMinor) }]));
}

function at(now: Date): SQL {
  return sql`${now.toISOString()}::timestamptz`;
}

export class FlightsRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[], db: Executor = this.db): Promise<FlightRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(flights).where(inArray(flights.id, [...ids]));
  }

  /**
   * Bookable flights of the route and window with a cabin (the one asked
   * for, or any) that has `passengers` seats left. Seats left is the cabin's
   * capacity minus its taken holds (sold, or active and not run out), so this
   * reads flight_cabins and holds, never the seat map.
   */
  async searchCandidates(q: FlightSearch): Promise<FlightCandidate[]> {
    const rows = await this.db
      .select(candidateColumns(q))
      .from(flights)
      .where(
        and(
          eq(flights.originCode, q.origin),
          eq(flights.destinationCode, q.destination),
          gte(flights.departureAt, q.from),
          lt(flights.departureAt, q.to),
          gt(flights.departureAt, q.now),
          inArray(flights.status, [...BOOKABLE_FLIGHT_STATUSES]),
        ),
      );
    return fitting(rows);
  }

  /**
   * Legs leaving each of `origins` in [from, to): per airport the earliest
   * `perOrigin` bookable departures (one index range scan each, through a
   * lateral join), of which those that can take the party are returned with
   * their fare. Fares are computed for the capped rows only, so the cost is
   * bounded by origins × perOrigin whatever the schedule's size; a full leg
   * still counts against its airport's cap.
   */
  async legsFrom(q: LegSearch): Promise<FlightCandidate[]> {
    if (q.origins.length === 0) return [];
    const codes = sql.join(
      q.origins.map((code) => sql`${code}`),
      sql`, `,
    );
    const statuses = sql.join(
      BOOKABLE_FLIGHT_STATUSES.map((status) => sql`${status}`),
      sql`, `,
    );
    const picked = sql`(select l.id from unnest(array[${codes}]::text[]) as o(code) cross join lateral (
      select f.id from ${flights} f
      where f.origin_code = o.code and f.departure_at >= ${at(q.from)} and f.departure_at < ${at(q.to)} and f.departure_at > ${at(q.now)}
        and f.status in (${statuses})
      order by f.departure_at limit ${q.perOrigin}) l)`;
    const rows = await this.db
      .select(candidateColumns(q))
      .from(flights)
      .where(sql`${flights.id} in ${picked}`)
      .orderBy(asc(flights.departureAt));
    return fitting(rows);
  }

  /** Seats left per cabin of the flights: capacity minus taken holds. */
  async cabinsLeft(flightIds: readonly string[], now: Date): Promise<{ flightId: string; cabin: Cabin; seatsLeft: number }[]> {
    if (flightIds.length === 0) return [];
    const rows = await this.db
      .select({ flightId: flightCabins.flightId, cabin: flightCabins.cabin, seatsLeft: sql<number>`(${flightCabins.capacity} - ${takenInCabin(flightCabins.flightId, flightCabins.cabin, now)})::int` })
      .from(flightCabins)
      .where(inArray(flightCabins.flightId, [...flightIds]));
    return rows.map((r) => ({ ...r, seatsLeft: Number(r.seatsLeft) }));
  }

  async insertCabins(values: NewFlightCabin[], db: Executor = this.db): Promise<void> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db.insert(flightCabins).values(values.slice(i, i + CHUNK)).onConflictDoNothing();
    }
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
