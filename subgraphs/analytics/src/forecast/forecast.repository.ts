import type { Executor } from '@travel/platform';
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { bookingFacts } from '../db/schema.js';

const b = bookingFacts;

export class ForecastRepository {
  constructor(private readonly db: Executor) {}

  /** Confirmed bookings (canceled ones included: they were demand) per destination and ISO week of confirmation, UTC. */
  async weeklyBookings(orgId: string, from: Date, to: Date): Promise<{ destination: string; weekStart: Date; bookings: number }[]> {
    const week = sql`(date_trunc('week', ${b.confirmedAt} at time zone 'UTC') at time zone 'UTC')`;
    const rows = await this.db
      .select({ destination: sql<string>`${b.destination}`, weekStart: sql<string>`to_char(${week}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`, bookings: sql<number>`count(*)::int` })
      .from(b)
      .where(and(eq(b.orgId, orgId), isNotNull(b.destination), gte(b.confirmedAt, from), lt(b.confirmedAt, to)))
      .groupBy(b.destination, week);
    return rows.map((x) => ({ destination: x.destination, weekStart: new Date(x.weekStart), bookings: Number(x.bookings) }));
  }
}
