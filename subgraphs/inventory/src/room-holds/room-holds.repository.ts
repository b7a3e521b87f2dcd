import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { roomHolds, type HoldStatus, type RoomHoldRow } from '../db/schema.js';

export type NewRoomHold = typeof roomHolds.$inferInsert;

export class RoomHoldsRepository {
  constructor(private readonly db: Executor) {}

  /** Holds of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<RoomHoldRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(roomHolds)
      .where(and(eq(roomHolds.orgId, orgId), inArray(roomHolds.id, [...ids])));
  }

  async lock(tx: Transaction, orgId: string, id: string): Promise<RoomHoldRow | undefined> {
    const [row] = await tx
      .select()
      .from(roomHolds)
      .where(and(eq(roomHolds.id, id), eq(roomHolds.orgId, orgId)))
      .for('update');
    return row;
  }

  async insert(tx: Transaction, values: NewRoomHold): Promise<RoomHoldRow> {
    const [row] = await tx.insert(roomHolds).values(values).returning();
    return row!;
  }

  async update(tx: Transaction, id: string, values: { status?: HoldStatus; expiresAt?: Date; bookingId?: string }, now: Date): Promise<RoomHoldRow> {
    const [row] = await tx
      .update(roomHolds)
      .set({ ...values, updatedAt: now })
      .where(eq(roomHolds.id, id))
      .returning();
    return row!;
  }

  /** Releases the organization's held or sold holds among `ids` (a canceled booking gives its places back); returns the ones released. */
  async expireDue(tx: Transaction, now: Date, limit: number): Promise<RoomHoldRow[]> {
    const due = tx
      .select({ id: roomHolds.id })
      .from(roomHolds)
      .where(and(inArray(roomHolds.status, ['active', 'converted']), lte(roomHolds.expiresAt, now)))
      .orderBy(asc(roomHolds.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return tx.update(roomHolds).set({ status: 'expired', updatedAt: now }).where(inArray(roomHolds.id, due)).returning();
  }

  async releaseHeldOrSold(tx: Transaction, orgId: string, ids: readonly string[], now: Date): Promise<RoomHoldRow[]> {
    if (ids.length === 0) return [];
    return tx
      .update(roomHolds)
      .set({ status: 'released', updatedAt: now })
      .where(and(eq(roomHolds.orgId, orgId), inArray(roomHolds.id, [...ids]), inArray(roomHolds.status, ['active', 'converted'])))
      .returning();
  }
}
