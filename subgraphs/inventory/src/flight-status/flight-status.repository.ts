import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import { BOOKABLE_FLIGHT_STATUSES, flights, flightStatusChanges, seats, type FlightRow, type FlightStatusChangeRow, type SeatRow } from '../db/schema.js';

export type NewFlightStatusChange = typeof flightStatusChanges.$inferInsert;
export type FlightStatePatch = Pick<Partial<FlightRow>, 'status' | 'estimatedDepartureAt' | 'estimatedArrivalAt' | 'gate' | 'divertedToCode'>;

export class FlightStatusRepository {
  constructor(private readonly db: Executor) {}

  async lockFlight(tx: Transaction, flightId: string): Promise<FlightRow | undefined> {
    const [row] = await tx.select().from(flights).where(eq(flights.id, flightId)).for('update');
    return row;
  }

  async updateFlight(tx: Transaction, flightId: string, patch: FlightStatePatch): Promise<FlightRow> {
    const [row] = await tx.update(flights).set(patch).where(eq(flights.id, flightId)).returning();
    return row!;
  }

  async insertChange(tx: Transaction, change: NewFlightStatusChange): Promise<FlightStatusChangeRow> {
    const [row] = await tx.insert(flightStatusChanges).values(change).returning();
    return row!;
  }

  async seatAndFlight(seatId: string, db: Executor = this.db): Promise<{ seat: SeatRow; flight: FlightRow } | undefined> {
    const [row] = await db.select({ seat: seats, flight: flights }).from(seats).innerJoin(flights, eq(flights.id, seats.flightId)).where(eq(seats.id, seatId));
    return row;
  }

  async historyOf(flightIds: readonly string[], db: Executor = this.db): Promise<FlightStatusChangeRow[]> {
    if (flightIds.length === 0) return [];
    return db
      .select()
      .from(flightStatusChanges)
      .where(inArray(flightStatusChanges.flightId, [...flightIds]))
      .orderBy(asc(flightStatusChanges.occurredAt), asc(flightStatusChanges.id));
  }

  /** Bookable flights of a route departing in (from, to), the disrupted one excepted. */
  async sameRoute(flight: FlightRow, from: Date, to: Date, db: Executor = this.db): Promise<FlightRow[]> {
    return db
      .select()
      .from(flights)
      .where(
        and(
          eq(flights.originCode, flight.originCode),
          eq(flights.destinationCode, flight.destinationCode),
          gt(flights.departureAt, from),
          lt(flights.departureAt, to),
          ne(flights.id, flight.id),
          inArray(flights.status, [...BOOKABLE_FLIGHT_STATUSES]),
        ),
      )
      .orderBy(asc(flights.departureAt))
      .limit(20);
  }
}
