import type { Executor } from '@travel/platform';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { evaluations, type EvaluationRow } from '../db/schema.js';

export type NewEvaluation = typeof evaluations.$inferInsert;

export class EvaluationsRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: NewEvaluation, db: Executor = this.db): Promise<EvaluationRow> {
    const [row] = await db.insert(evaluations).values(values).returning();
    return row!;
  }

  /** The newest evaluation of each booking, in one organization only; bookings never evaluated are absent. */
  async latestForBookings(orgId: string, bookingIds: readonly string[]): Promise<EvaluationRow[]> {
    if (bookingIds.length === 0) return [];
    return this.db
      .selectDistinctOn([evaluations.bookingId])
      .from(evaluations)
      .where(and(eq(evaluations.orgId, orgId), inArray(evaluations.bookingId, [...bookingIds])))
      .orderBy(evaluations.bookingId, desc(evaluations.evaluatedAt), desc(evaluations.id));
  }
}
