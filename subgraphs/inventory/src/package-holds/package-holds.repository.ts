import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { packageHolds, type HoldStatus, type PackageHoldRow } from '../db/schema.js';

export type NewPackageHold = typeof packageHolds.$inferInsert;

export class PackageHoldsRepository {
  constructor(private readonly db: Executor) {}

  /** Holds of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<PackageHoldRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(packageHolds)
      .where(and(eq(packageHolds.orgId, orgId), inArray(packageHolds.id, [...ids])));
  }

  async lock(tx: Transaction, orgId: string, id: string): Promise<PackageHoldRow | undefined> {
    const [row] = await tx
      .select()
      .from(packageHolds)
      .where(and(eq(packageHolds.id, id), eq(packageHolds.orgId, orgId)))
      .for('update');
    return row;
  }

  async insert(tx: Transaction, values: NewPackageHold): Promise<PackageHoldRow> {
    const [row] = await tx.insert(packageHolds).values(values).returning();
    return row!;
  }

  async update(tx: Transaction, id: string, values: { status?: HoldStatus; expiresAt?: Date; bookingId?: string }, now: Date): Promise<PackageHoldRow> {
    const [row] = await tx
      .update(packageHolds)
      .set({ ...values, updatedAt: now })
      .where(eq(packageHolds.id, id))
      .returning();
    return row!;
  }

  /** Releases the organization's held or sold holds among `ids` (a canceled booking gives its places back); returns the ones released. */
  async expireDue(tx: Transaction, now: Date, limit: number): Promise<PackageHoldRow[]> {
    const due = tx
      .select({ id: packageHolds.id })
      .from(packageHolds)
      .where(and(inArray(packageHolds.status, ['active', 'converted']), lte(packageHolds.expiresAt, now)))
      .orderBy(asc(packageHolds.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx.update(packageHolds).set({ status: 'expired', updatedAt: now }).where(inArray(packageHolds.id, due)).returning();
  }

  async releaseHeldOrSold(tx: Transaction, orgId: string, ids: readonly string[], now: Date): Promise<PackageHoldRow[]> {
    if (ids.length === 0) return [];
    return tx
      .update(packageHolds)
      .set({ status: 'released', updatedAt: now })
      .where(and(eq(packageHolds.orgId, orgId), inArray(packageHolds.id, [...ids]), inArray(packageHolds.status, ['active', 'converted'])))
      .returning();
  }
}
