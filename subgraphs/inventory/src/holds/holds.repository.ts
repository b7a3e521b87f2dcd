import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { holds, type HoldRow } from '../db/schema.js';

export type NewHold = typeof holds.$inferInsert;

/** Name of the partial unique index that allows one active or sold hold per seat. */
export const SEAT_TAKEN_CONSTRAINT = 'holds_seat_taken_idx';

export class HoldsRepository {
  constructor(private readonly db: Executor) {}

  /** Holds of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<HoldRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(holds)
      .where(and(eq(holds.orgId, orgId), inArray(holds.id, [...ids])));
  }

  async lock(tx: Transaction, orgId: string, id: string): Promise<HoldRow | undefined> {
    const [row] = await tx
      .select()
      .from(holds)
      .where(and(eq(holds.id, id), eq(holds.orgId, orgId)))
      .for('update');
    return row;
  }

  async insert(tx: Transaction, values: NewHold): Promise<HoldRow> {
    const [row] = await tx.insert(holds).values(values).returning();
    return row!;
  }

  /** Marks the seat's active holds that ran out as expired, so a new hold can take the seat. */
  async expireStaleOnSeat(tx: Transaction, seatId: string, now: Date): Promise<HoldRow[]> {
    return tx
      .update(holds)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(holds.seatId, seatId), eq(holds.status, 'active'), lte(holds.expiresAt, now)))
      .returning();
  }

  /**
   * Expires up to `limit` active holds that ran out, oldest first, skipping
   * rows another transaction has locked (a parallel sweeper or a hold being
   * converted): they are decided there.
   */
  async expireDue(tx: Transaction, now: Date, limit: number): Promise<HoldRow[]> {
    const due = tx
      .select({ id: holds.id })
      .from(holds)
      .where(and(eq(holds.status, 'active'), lte(holds.expiresAt, now)))
      .orderBy(asc(holds.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx.update(holds).set({ status: 'expired', updatedAt: now }).where(inArray(holds.id, due)).returning();
  }

  async setStatus(tx: Transaction, id: string, status: HoldRow['status'], now: Date, bookingId?: string): Promise<HoldRow> {
    const [row] = await tx
      .update(holds)
      .set({ status, updatedAt: now, ...(bookingId ? { bookingId } : {}) })
      .where(eq(holds.id, id))
      .returning();
    return row!;
  }

  async setExpiry(tx: Transaction, id: string, expiresAt: Date, now: Date): Promise<HoldRow> {
    const [row] = await tx.update(holds).set({ expiresAt, updatedAt: now }).where(eq(holds.id, id)).returning();
    return row!;
  }

  /** Releases the organization's held or sold holds among `ids` (a canceled booking gives its places back); returns the ones released. */
  async releaseHeldOrSold(tx: Transaction, orgId: string, ids: readonly string[], now: Date): Promise<HoldRow[]> {
    if (ids.length === 0) return [];
    return tx
      .update(holds)
      .set({ status: 'released', updatedAt: now })
      .where(and(eq(holds.orgId, orgId), inArray(holds.id, [...ids]), inArray(holds.status, ['active', 'converted'])))
      .returning();
  }
}
