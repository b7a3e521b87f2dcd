import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, getTableColumns, inArray, notInArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { holds, seats, type Cabin, type SeatRow } from '../db/schema.js';

export type NewSeat = typeof seats.$inferInsert;
/** A seat with whether it can be held at the time it was read. */
export type SeatView = SeatRow & { available: boolean };

export interface CabinAvailabilityRow {
  flightId: string;
  cabin: Cabin;
  seatsLeft: number;
  lowestFareMinor: number | null;
  currency: string;
}

const CHUNK = 1000;

function at(now: Date): SQL {
  return sql`${now.toISOString()}::timestamptz`;
}

/**
 * The one definition of "taken": a sold hold, or an active one that has not
 * run out. Stale active holds do not count even before the sweeper marks them.
 */
export function seatTaken(seatId: SQLWrapper, now: Date): SQL {
  return sql`exists (select 1 from ${holds} where ${holds.seatId} = ${seatId} and (${holds.status} = 'converted' or (${holds.status} = 'active' and ${holds.expiresAt} > ${at(now)})))`;
}

export class SeatsRepository {
  constructor(private readonly db: Executor) {}

  private withAvailability(now: Date, db: Executor = this.db) {
    return db.select({ ...getTableColumns(seats), available: sql<boolean>`not ${seatTaken(seats.id, now)}` }).from(seats);
  }

  async findByIds(ids: readonly string[], now: Date): Promise<SeatView[]> {
    if (ids.length === 0) return [];
    return this.withAvailability(now).where(inArray(seats.id, [...ids]));
  }

  async findByFlightIds(flightIds: readonly string[], now: Date): Promise<SeatView[]> {
    if (flightIds.length === 0) return [];
    return this.withAvailability(now).where(inArray(seats.flightId, [...flightIds]));
  }

  /** Seats left and cheapest free seat per flight and cabin. */
  async cabinAvailability(flightIds: readonly string[], now: Date, db: Executor = this.db): Promise<CabinAvailabilityRow[]> {
    if (flightIds.length === 0) return [];
    const free = sql`not ${seatTaken(seats.id, now)}`;
    return db
      .select({
        flightId: seats.flightId,
        cabin: seats.cabin,
        seatsLeft: sql<number>`(count(*) filter (where ${free}))::int`,
        lowestFareMinor: sql<number | null>`min(${seats.priceMinor}) filter (where ${free})`,
        currency: sql<string>`min(${seats.currency})`,
      })
      .from(seats)
      .where(inArray(seats.flightId, [...flightIds]))
      .groupBy(seats.flightId, seats.cabin);
  }

  /** Locks one seat of a flight so that holds on it are decided one at a time. */
  async lock(tx: Transaction, flightId: string, seatId: string): Promise<SeatRow | undefined> {
    const [row] = await tx
      .select()
      .from(seats)
      .where(and(eq(seats.id, seatId), eq(seats.flightId, flightId)))
      .for('update');
    return row;
  }

  /**
   * Locks the cheapest seat of a cabin that looked free, skipping seats other
   * transactions are deciding on. The caller re-checks it with `isTaken`: the
   * "free" test ran on a snapshot older than the lock.
   */
  async lockCheapestFree(tx: Transaction, flightId: string, cabin: Cabin, now: Date, skip: string[]): Promise<SeatRow | undefined> {
    const [row] = await tx
      .select()
      .from(seats)
      .where(
        and(
          eq(seats.flightId, flightId),
          eq(seats.cabin, cabin),
          skip.length > 0 ? notInArray(seats.id, skip) : undefined,
          sql`not ${seatTaken(seats.id, now)}`,
        ),
      )
      .orderBy(asc(seats.priceMinor), asc(sql`(substring(${seats.seatNumber} from '^[0-9]+'))::int`), asc(seats.seatNumber))
      .limit(1)
      .for('update', { skipLocked: true });
    return row;
  }

  async isTaken(tx: Transaction, seatId: string, now: Date): Promise<boolean> {
    const [row] = await tx
      .select({ taken: sql<boolean>`${seatTaken(seats.id, now)}` })
      .from(seats)
      .where(eq(seats.id, seatId));
    return row?.taken === true;
  }

  async insertMany(values: NewSeat[], db: Executor = this.db): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db.insert(seats).values(values.slice(i, i + CHUNK));
    }
    return values.length;
  }
}
