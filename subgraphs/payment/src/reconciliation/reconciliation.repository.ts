import type { Executor } from '@travel/platform';
import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { payments, reconciliationFlags, virtualCards, type FlagRow, type NewFlag } from '../db/schema.js';

export type FlagCursor = [createdAt: string, id: string];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CurrencyTotal {
  currency: string;
  captured: number;
  refunded: number;
}

export class ReconciliationRepository {
  constructor(private readonly db: Executor) {}

  /** Records a discrepancy once per subject and kind. */
  async flag(values: NewFlag, db: Executor): Promise<void> {
    await db.insert(reconciliationFlags).values(values).onConflictDoNothing({ target: [reconciliationFlags.subjectId, reconciliationFlags.kind] });
  }

  async findById(orgId: string, id: string, db: Executor = this.db): Promise<FlagRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await db.select().from(reconciliationFlags).where(and(eq(reconciliationFlags.orgId, orgId), eq(reconciliationFlags.id, id)));
    return row;
  }

  /** Resolves an open flag; undefined when it was not open (already resolved, concurrently or before). */
  async resolve(orgId: string, id: string, by: string, note: string, at: Date, db: Executor): Promise<FlagRow | undefined> {
    const [row] = await db
      .update(reconciliationFlags)
      .set({ status: 'resolved', resolvedBy: by, resolutionNote: note, resolvedAt: at })
      .where(and(eq(reconciliationFlags.orgId, orgId), eq(reconciliationFlags.id, id), eq(reconciliationFlags.status, 'open')))
      .returning();
    return row;
  }

  async list(orgId: string, status: 'open' | 'resolved', limit: number, after: FlagCursor | null): Promise<FlagRow[]> {
    const t = reconciliationFlags;
    const afterClause = after ? or(lt(t.createdAt, new Date(after[0])), and(eq(t.createdAt, new Date(after[0])), lt(t.id, after[1]))) : undefined;
    return this.db
      .select()
      .from(t)
      .where(and(eq(t.orgId, orgId), eq(t.status, status), afterClause))
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(limit + 1);
  }

  async countByStatus(orgId: string, status: 'open' | 'resolved'): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(reconciliationFlags).where(and(eq(reconciliationFlags.orgId, orgId), eq(reconciliationFlags.status, status)));
    return row?.n ?? 0;
  }

  /** Captured and refunded money per currency. */
  async volume(orgId: string): Promise<CurrencyTotal[]> {
    const rows = await this.db
      .select({ currency: payments.currency, captured: sql<string>`coalesce(sum(${payments.capturedMinor}), 0)`, refunded: sql<string>`coalesce(sum(${payments.refundedMinor}), 0)` })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), inArray(payments.status, ['captured', 'refunded'])))
      .groupBy(payments.currency)
      .orderBy(payments.currency);
    // Sums of bigint come back as numeric strings from PostgreSQL.
    return rows.map((r) => ({ currency: r.currency, captured: Number(r.captured), refunded: Number(r.refunded) }));
  }

  /** Captured payments, and those of them without an open flag on the payment or its booking. */
  async reconciliationCounts(orgId: string): Promise<{ captured: number; clean: number }> {
    const [row] = await this.db
      .select({
        captured: count(),
        // Written out in full: interpolated drizzle columns render unqualified here and would bind to the subquery's own table.
        clean: sql<string>`count(*) filter (where not exists (
          select 1 from "payment"."reconciliation_flags" f
          where f.org_id = "payments"."org_id" and f.booking_id = "payments"."booking_id" and f.status = 'open'))`,
      })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), inArray(payments.status, ['captured', 'refunded'])));
    return { captured: row?.captured ?? 0, clean: Number(row?.clean ?? 0) };
  }

  async activeCards(orgId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(virtualCards).where(and(eq(virtualCards.orgId, orgId), eq(virtualCards.status, 'active')));
    return row?.n ?? 0;
  }
}

export function isFlagCursor(value: unknown): value is FlagCursor {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string' && UUID.test(value[1]);
}
