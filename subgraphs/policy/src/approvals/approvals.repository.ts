import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { evaluations } from '../db/schema.js';
import {
  approvalActions,
  approvalDelegations,
  approvalRequests,
  approvalSettings,
  approvalSteps,
  bookingTravelers,
  type ApprovalActionRow,
  type ApprovalDelegationRow,
  type ApprovalRequestRow,
  type ApprovalSettingsRow,
  type ApprovalStepRow,
} from './approvals.tables.js';

export type NewApprovalRequest = typeof approvalRequests.$inferInsert;
export type NewApprovalStep = typeof approvalSteps.$inferInsert;
export type NewApprovalAction = typeof approvalActions.$inferInsert;
export type ApprovalSettingsValues = typeof approvalSettings.$inferInsert;

/** Newest first: [requestedAt ISO, id]. */
export type RequestCursor = [string, string];

export interface ComplianceCounts {
  travelerId: string;
  evaluated: number;
  compliant: number;
}

export class ApprovalsRepository {
  constructor(private readonly db: Executor) {}

  async settingsOf(orgId: string, db: Executor = this.db): Promise<ApprovalSettingsRow | undefined> {
    const [row] = await db.select().from(approvalSettings).where(eq(approvalSettings.orgId, orgId));
    return row;
  }

  async saveSettings(values: ApprovalSettingsValues, db: Executor = this.db): Promise<ApprovalSettingsRow> {
    const { orgId: _orgId, ...changes } = values;
    const [row] = await db.insert(approvalSettings).values(values).onConflictDoUpdate({ target: approvalSettings.orgId, set: changes }).returning();
    return row!;
  }

  /** Inserts the request unless the booking already has one; undefined for a repeat. */
  async insertRequest(values: NewApprovalRequest, db: Executor): Promise<ApprovalRequestRow | undefined> {
    const [row] = await db.insert(approvalRequests).values(values).onConflictDoNothing().returning();
    return row;
  }

  async insertSteps(values: NewApprovalStep[], db: Executor): Promise<ApprovalStepRow[]> {
    if (values.length === 0) return [];
    return db.insert(approvalSteps).values(values).returning();
  }

  async insertAction(values: NewApprovalAction, db: Executor): Promise<void> {
    await db.insert(approvalActions).values(values);
  }

  async findRequests(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<ApprovalRequestRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.orgId, orgId), inArray(approvalRequests.id, [...ids])));
  }

  async requestsForBookings(orgId: string, bookingIds: readonly string[]): Promise<ApprovalRequestRow[]> {
    if (bookingIds.length === 0) return [];
    return this.db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.orgId, orgId), inArray(approvalRequests.bookingId, [...bookingIds])));
  }

  /** Locks a request so two deciders (or a decider and the sweeper) act one after the other. */
  async lockRequest(orgId: string, id: string, db: Executor): Promise<ApprovalRequestRow | undefined> {
    const [row] = await db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.orgId, orgId), eq(approvalRequests.id, id)))
      .for('update');
    return row;
  }

  async updateRequest(id: string, changes: Partial<Pick<ApprovalRequestRow, 'status' | 'updatedAt' | 'resolvedAt'>>, db: Executor): Promise<ApprovalRequestRow> {
    const [row] = await db.update(approvalRequests).set(changes).where(eq(approvalRequests.id, id)).returning();
    return row!;
  }

  async updateStep(
    id: string,
    changes: Partial<Pick<ApprovalStepRow, 'status' | 'dueAt' | 'actedById' | 'actedAt' | 'comment' | 'approverId' | 'escalatedFromId' | 'escalationApproverId' | 'escalatedAt'>>,
    db: Executor,
  ): Promise<ApprovalStepRow> {
    const [row] = await db.update(approvalSteps).set(changes).where(eq(approvalSteps.id, id)).returning();
    return row!;
  }

  async stepsOf(orgId: string, requestIds: readonly string[], db: Executor = this.db): Promise<ApprovalStepRow[]> {
    if (requestIds.length === 0) return [];
    return db
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.orgId, orgId), inArray(approvalSteps.requestId, [...requestIds])))
      .orderBy(asc(approvalSteps.requestId), asc(approvalSteps.position));
  }

  async actionsOf(orgId: string, requestIds: readonly string[]): Promise<ApprovalActionRow[]> {
    if (requestIds.length === 0) return [];
    return this.db
      .select()
      .from(approvalActions)
      .where(and(eq(approvalActions.orgId, orgId), inArray(approvalActions.requestId, [...requestIds])))
      .orderBy(asc(approvalActions.seq));
  }

  /** Pending steps whose deadline has passed, oldest first, across organizations (the sweeper's work list). */
  async dueSteps(now: Date, limit: number): Promise<ApprovalStepRow[]> {
    return this.db
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.status, 'pending'), isNotNull(approvalSteps.dueAt), lte(approvalSteps.dueAt, now)))
      .orderBy(asc(approvalSteps.dueAt), asc(approvalSteps.id))
      .limit(limit);
  }

  /** Pending requests with no steps yet: their chain was not built because the process stopped right after recording them. */
  async requestsWithoutChain(limit: number): Promise<ApprovalRequestRow[]> {
    return this.db
      .select()
      .from(approvalRequests)
      .where(and(eq(approvalRequests.status, 'pending'), sql`not exists (select 1 from ${approvalSteps} s where s.request_id = ${approvalRequests.id})`))
      .orderBy(asc(approvalRequests.requestedAt))
      .limit(limit);
  }

  /** The delegation an approver gave, whether or not it still runs. */
  async delegationOf(orgId: string, approverId: string, db: Executor = this.db): Promise<ApprovalDelegationRow | undefined> {
    const [row] = await db
      .select()
      .from(approvalDelegations)
      .where(and(eq(approvalDelegations.orgId, orgId), eq(approvalDelegations.approverId, approverId)));
    return row;
  }

  async saveDelegation(values: ApprovalDelegationRow, db: Executor = this.db): Promise<ApprovalDelegationRow> {
    const [row] = await db
      .insert(approvalDelegations)
      .values(values)
      .onConflictDoUpdate({ target: [approvalDelegations.orgId, approvalDelegations.approverId], set: { delegateId: values.delegateId, until: values.until, createdAt: values.createdAt } })
      .returning();
    return row!;
  }

  /** Approvers who named `delegateId` as their delegate and whose delegation still runs at `now`. */
  async approversDelegatingTo(orgId: string, delegateId: string, now: Date): Promise<string[]> {
    const rows = await this.db
      .select({ approverId: approvalDelegations.approverId })
      .from(approvalDelegations)
      .where(and(eq(approvalDelegations.orgId, orgId), eq(approvalDelegations.delegateId, delegateId), gt(approvalDelegations.until, now)));
    return rows.map((r) => r.approverId);
  }

  /**
   * Pending requests whose current step waits for one of `approverIds`,
   * oldest deadline first (the most urgent on top).
   */
  async queue(orgId: string, approverIds: readonly string[], limit: number, after: [string, string] | null): Promise<{ request: ApprovalRequestRow; dueAt: Date }[]> {
    if (approverIds.length === 0) return [];
    const conditions: SQL[] = [eq(approvalSteps.orgId, orgId), eq(approvalSteps.status, 'pending'), inArray(approvalSteps.approverId, [...approverIds])];
    if (after) {
      const at = new Date(after[0]);
      conditions.push(or(gt(approvalSteps.dueAt, at), and(eq(approvalSteps.dueAt, at), gt(approvalSteps.requestId, after[1])))!);
    }
    const rows = await this.db
      .select({ request: approvalRequests, dueAt: approvalSteps.dueAt })
      .from(approvalSteps)
      .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
      .where(and(...conditions))
      .orderBy(asc(approvalSteps.dueAt), asc(approvalSteps.requestId))
      .limit(limit + 1);
    return rows.map((r) => ({ request: r.request, dueAt: r.dueAt! }));
  }

  async countQueue(orgId: string, approverIds: readonly string[]): Promise<number> {
    if (approverIds.length === 0) return 0;
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(approvalSteps)
      .where(and(eq(approvalSteps.orgId, orgId), eq(approvalSteps.status, 'pending'), inArray(approvalSteps.approverId, [...approverIds])));
    return row!.n;
  }

  /**
   * Requests `personId` is concerned with, newest first: as traveler, as
   * requester, or as an approver or actor of one of its steps; every request
   * of the organization when `everyone` (travel admins).
   */
  async history(orgId: string, personId: string, everyone: boolean, limit: number, after: RequestCursor | null): Promise<{ rows: ApprovalRequestRow[]; total: number }> {
    const concerned = everyone
      ? undefined
      : or(
          eq(approvalRequests.travelerId, personId),
          eq(approvalRequests.requestedById, personId),
          sql`exists (select 1 from ${approvalSteps} s where s.request_id = ${approvalRequests.id} and (s.approver_id = ${personId} or s.acted_by_id = ${personId} or s.escalated_from_id = ${personId}))`,
        );
    const base = and(eq(approvalRequests.orgId, orgId), concerned);
    const at = after ? new Date(after[0]) : null;
    const page = after && at ? and(base, or(lt(approvalRequests.requestedAt, at), and(eq(approvalRequests.requestedAt, at), lt(approvalRequests.id, after[1])))) : base;
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(approvalRequests)
        .where(page)
        .orderBy(desc(approvalRequests.requestedAt), desc(approvalRequests.id))
        .limit(limit + 1),
      this.db.select({ n: sql<number>`count(*)::int` }).from(approvalRequests).where(base),
    ]);
    return { rows, total: count!.n };
  }

  async rememberTraveler(values: typeof bookingTravelers.$inferInsert, db: Executor): Promise<void> {
    await db.insert(bookingTravelers).values(values).onConflictDoNothing();
  }

  /**
   * For each traveler: how many of their bookings policy evaluated, and in how
   * many the latest evaluation was compliant.
   */
  async complianceOf(orgId: string, travelerIds: readonly string[]): Promise<ComplianceCounts[]> {
    if (travelerIds.length === 0) return [];
    const theirBookings = this.db
      .select({ bookingId: bookingTravelers.bookingId })
      .from(bookingTravelers)
      .where(and(eq(bookingTravelers.orgId, orgId), inArray(bookingTravelers.travelerId, [...travelerIds])));
    const latest = this.db
      .selectDistinctOn([evaluations.bookingId], { bookingId: evaluations.bookingId, result: evaluations.result })
      .from(evaluations)
      .where(and(eq(evaluations.orgId, orgId), inArray(evaluations.bookingId, theirBookings)))
      .orderBy(evaluations.bookingId, desc(evaluations.evaluatedAt), desc(evaluations.id))
      .as('latest');
    return this.db
      .select({
        travelerId: bookingTravelers.travelerId,
        evaluated: sql<number>`count(*)::int`,
        compliant: sql<number>`(count(*) filter (where ${latest.result} = 'compliant'))::int`,
      })
      .from(bookingTravelers)
      .innerJoin(latest, eq(latest.bookingId, bookingTravelers.bookingId))
      .where(and(eq(bookingTravelers.orgId, orgId), inArray(bookingTravelers.travelerId, [...travelerIds])))
      .groupBy(bookingTravelers.travelerId);
  }
}
