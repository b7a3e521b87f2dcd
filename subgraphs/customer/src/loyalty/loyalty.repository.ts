import type { Executor } from '@travel/platform';
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { loyaltyLedger, loyaltyTrips, people, referralCodes, referralRedemptions, type LoyaltyLedgerRow, type LoyaltyReason, type LoyaltyTripRow } from '../db/schema.js';

/** Sort key of a person's history: newest first, id for ties. */
export type AwardCursor = [createdAt: string, id: string];

export interface Standing {
  personId: string;
  points: number;
}

export class LoyaltyRepository {
  constructor(private readonly db: Executor) {}

  /** The person a booking event names, with their organization; null for people customer does not know. */
  async personOf(personId: string, db: Executor = this.db): Promise<{ id: string; orgId: string } | undefined> {
    const [row] = await db.select({ id: people.id, orgId: people.orgId }).from(people).where(eq(people.id, personId));
    return row;
  }

  /** Inserts the award unless this (person, reason, source) was awarded already; true when it was new. */
  async award(values: { orgId: string; personId: string; reason: LoyaltyReason; source: string; points: number; at: Date }, db: Executor = this.db): Promise<boolean> {
    const rows = await db
      .insert(loyaltyLedger)
      .values({ orgId: values.orgId, personId: values.personId, reason: values.reason, source: values.source, points: values.points, createdAt: values.at })
      .onConflictDoNothing()
      .returning({ id: loyaltyLedger.id });
    return rows.length > 0;
  }

  async upsertTrip(values: { bookingId: string; orgId: string; personId: string; status: LoyaltyTripRow['status']; at: Date }, db: Executor = this.db): Promise<void> {
    await db
      .insert(loyaltyTrips)
      .values({ ...values, updatedAt: values.at })
      .onConflictDoUpdate({ target: loyaltyTrips.bookingId, set: { status: values.status, updatedAt: values.at } });
  }

  async findTrip(orgId: string, bookingId: string, db: Executor = this.db): Promise<LoyaltyTripRow | undefined> {
    const [row] = await db
      .select()
      .from(loyaltyTrips)
      .where(and(eq(loyaltyTrips.orgId, orgId), eq(loyaltyTrips.bookingId, bookingId)));
    return row;
  }

  /** Records the review unless one exists; true when this call wrote it. */
  async recordReview(bookingId: string, review: { rating: number; text: string | null; at: Date }, db: Executor): Promise<boolean> {
    const rows = await db
      .update(loyaltyTrips)
      .set({ reviewRating: review.rating, reviewText: review.text, reviewedAt: review.at })
      .where(and(eq(loyaltyTrips.bookingId, bookingId), isNull(loyaltyTrips.reviewedAt)))
      .returning({ id: loyaltyTrips.bookingId });
    return rows.length > 0;
  }

  async totals(orgId: string, personIds: readonly string[]): Promise<{ personId: string; reason: LoyaltyReason; points: number; awards: number }[]> {
    if (personIds.length === 0) return [];
    return this.db
      .select({
        personId: loyaltyLedger.personId,
        reason: loyaltyLedger.reason,
        points: sql<number>`sum(${loyaltyLedger.points})::int`,
        awards: sql<number>`count(*)::int`,
      })
      .from(loyaltyLedger)
      .where(and(eq(loyaltyLedger.orgId, orgId), inArray(loyaltyLedger.personId, [...personIds])))
      .groupBy(loyaltyLedger.personId, loyaltyLedger.reason);
  }

  async history(orgId: string, personId: string, limit: number, after: AwardCursor | null): Promise<LoyaltyLedgerRow[]> {
    const afterClause = after
      ? or(lt(loyaltyLedger.createdAt, new Date(after[0])), and(eq(loyaltyLedger.createdAt, new Date(after[0])), lt(loyaltyLedger.id, after[1])))
      : undefined;
    return this.db
      .select()
      .from(loyaltyLedger)
      .where(and(eq(loyaltyLedger.orgId, orgId), eq(loyaltyLedger.personId, personId), afterClause))
      .orderBy(desc(loyaltyLedger.createdAt), desc(loyaltyLedger.id))
      .limit(limit + 1);
  }

  async countHistory(orgId: string, personId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(loyaltyLedger)
      .where(and(eq(loyaltyLedger.orgId, orgId), eq(loyaltyLedger.personId, personId)));
    return row?.n ?? 0;
  }

  /** The organization's people with the most points; ties by name for a stable order. */
  async leaderboard(orgId: string, limit: number): Promise<Standing[]> {
    return this.db
      .select({ personId: loyaltyLedger.personId, points: sql<number>`sum(${loyaltyLedger.points})::int` })
      .from(loyaltyLedger)
      .innerJoin(people, eq(people.id, loyaltyLedger.personId))
      .where(and(eq(loyaltyLedger.orgId, orgId), eq(people.orgId, orgId)))
      .groupBy(loyaltyLedger.personId, people.name)
      .orderBy(desc(sql`sum(${loyaltyLedger.points})`), people.name, loyaltyLedger.personId)
      .limit(limit);
  }

  /** The person's referral code, created on first ask. */
  async referralCodeOf(orgId: string, personId: string, fresh: string): Promise<string> {
    await this.db.insert(referralCodes).values({ code: fresh, orgId, personId }).onConflictDoNothing();
    const [row] = await this.db.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.personId, personId));
    return row!.code;
  }

  async findReferralCode(orgId: string, code: string, db: Executor): Promise<{ personId: string } | undefined> {
    const [row] = await db
      .select({ personId: referralCodes.personId })
      .from(referralCodes)
      .where(and(eq(referralCodes.orgId, orgId), eq(referralCodes.code, code)));
    return row;
  }

  /** True when this call recorded the redemption (a person redeems one code, ever). */
  async redeem(redeemerId: string, code: string, at: Date, db: Executor): Promise<boolean> {
    const rows = await db.insert(referralRedemptions).values({ redeemerId, code, createdAt: at }).onConflictDoNothing().returning({ id: referralRedemptions.redeemerId });
    return rows.length > 0;
  }
}
