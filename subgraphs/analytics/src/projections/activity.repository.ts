import type { Executor } from '@travel/platform';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { bookingAdjustments, holdFacts, paymentFacts, policyFacts, searchFacts, segmentFacts, type AdjustedSegment } from '../db/schema.js';

export interface SegmentFact {
  bookingId: string;
  position: number;
  orgId: string;
  travelerId: string;
  kind: string;
  supplier: string;
  origin: string | null;
  destination: string | null;
  cabin: string | null;
  departAt: Date | null;
  arriveAt: Date | null;
  amountMinor: number | null;
  distanceKm: number | null;
  haul: string | null;
  co2eGrams: number | null;
}

/**
 * Writes of the projections other than booking spend. Every write is an
 * upsert whose outcome does not depend on the order events arrive in, and
 * never touches a row of another organization.
 */
export class ActivityRepository {
  constructor(private readonly db: Executor) {}

  /** A booking is confirmed once, so its segments are written once; a replayed confirm changes nothing. */
  async recordSegments(segments: SegmentFact[], db: Executor = this.db): Promise<void> {
    if (segments.length === 0) return;
    await db.insert(segmentFacts).values(segments).onConflictDoNothing();
  }

  async recordEvaluation(
    fact: { bookingId: string; orgId: string; evaluationId: string; result: 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP'; evaluatedAt: Date },
    db: Executor = this.db,
  ): Promise<void> {
    const t = policyFacts;
    const newer = sql`(excluded.evaluated_at, excluded.evaluation_id) > (${t.evaluatedAt}, ${t.evaluationId})`;
    await db
      .insert(t)
      .values(fact)
      .onConflictDoUpdate({
        target: t.bookingId,
        set: { evaluationId: sql`excluded.evaluation_id`, result: sql`excluded.result`, evaluatedAt: sql`excluded.evaluated_at` },
        setWhere: sql`${t.orgId} = excluded.org_id and ${newer}`,
      });
  }

  async recordHold(
    fact: { holdId: string; orgId: string; createdAt?: Date; releasedAt?: Date; convertedAt?: Date; bookingId?: string },
    db: Executor = this.db,
  ): Promise<void> {
    const t = holdFacts;
    await db
      .insert(t)
      .values(fact)
      .onConflictDoUpdate({
        target: t.holdId,
        set: {
          createdAt: sql`coalesce(${t.createdAt}, excluded.created_at)`,
          releasedAt: sql`coalesce(${t.releasedAt}, excluded.released_at)`,
          convertedAt: sql`coalesce(${t.convertedAt}, excluded.converted_at)`,
          bookingId: sql`coalesce(${t.bookingId}, excluded.booking_id)`,
        },
        setWhere: sql`${t.orgId} = excluded.org_id`,
      });
  }

  async recordPayment(
    fact: { paymentId: string; orgId: string; bookingId: string; amountMinor?: number; currency?: string; authorizedAt?: Date; failedAt?: Date },
    db: Executor = this.db,
  ): Promise<void> {
    const t = paymentFacts;
    await db
      .insert(t)
      .values(fact)
      .onConflictDoUpdate({
        target: t.paymentId,
        set: {
          amountMinor: sql`coalesce(excluded.amount_minor, ${t.amountMinor})`,
          currency: sql`coalesce(excluded.currency, ${t.currency})`,
          authorizedAt: sql`greatest(${t.authorizedAt}, excluded.authorized_at)`,
          failedAt: sql`greatest(${t.failedAt}, excluded.failed_at)`,
        },
        setWhere: sql`${t.orgId} = excluded.org_id`,
      });
  }

  /** Keyed by refund id or change event id: a replay inserts nothing. */
  async recordAdjustment(row: typeof bookingAdjustments.$inferInsert, db: Executor = this.db): Promise<void> {
    await db.insert(bookingAdjustments).values(row).onConflictDoNothing();
  }

  async recordSearches(rows: (typeof searchFacts.$inferInsert)[], db: Executor = this.db): Promise<void> {
    if (rows.length === 0) return;
    await db.insert(searchFacts).values(rows).onConflictDoNothing();
  }

  /** The paid changes of a booking that carry their new segment, oldest first (ties by id, so every replay agrees). */
  async segmentChanges(orgId: string, bookingId: string, db: Executor = this.db): Promise<{ position: number; segment: AdjustedSegment }[]> {
    const a = bookingAdjustments;
    const rows = await db
      .select({ position: a.position, segment: a.segment })
      .from(a)
      .where(and(eq(a.orgId, orgId), eq(a.bookingId, bookingId), eq(a.kind, 'change'), isNotNull(a.position), isNotNull(a.segment)))
      .orderBy(asc(a.occurredAt), asc(a.adjustmentId));
    return rows.map((r) => ({ position: r.position!, segment: r.segment! }));
  }

  async segmentsOf(orgId: string, bookingId: string, db: Executor = this.db): Promise<SegmentFact[]> {
    return db
      .select()
      .from(segmentFacts)
      .where(and(eq(segmentFacts.orgId, orgId), eq(segmentFacts.bookingId, bookingId)))
      .orderBy(asc(segmentFacts.position));
  }

  /** Overwrites one segment row with what a change made of it. */
  async replaceSegment(fact: SegmentFact, db: Executor = this.db): Promise<void> {
    const { bookingId, position, orgId, ...content } = fact;
    await db
      .update(segmentFacts)
      .set(content)
      .where(and(eq(segmentFacts.orgId, orgId), eq(segmentFacts.bookingId, bookingId), eq(segmentFacts.position, position)));
  }
}
