import type { Executor } from '@travel/platform';
import { and, eq, isNull } from 'drizzle-orm';
import { pendingConfirmations, type PendingConfirmationRow } from '../db/schema.js';

export type NewPendingConfirmation = typeof pendingConfirmations.$inferInsert;

export class PendingConfirmationsRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: NewPendingConfirmation, db: Executor = this.db): Promise<PendingConfirmationRow> {
    const [row] = await db.insert(pendingConfirmations).values(values).returning();
    return row!;
  }

  /** The unresolved confirmation of a booking of one organization, if it still waits. */
  async findOpen(orgId: string, bookingId: string, db: Executor = this.db): Promise<PendingConfirmationRow | undefined> {
    const [row] = await db
      .select()
      .from(pendingConfirmations)
      .where(and(eq(pendingConfirmations.orgId, orgId), eq(pendingConfirmations.bookingId, bookingId), isNull(pendingConfirmations.resolvedAt)));
    return row;
  }

  async resolve(bookingId: string, at: Date, db: Executor): Promise<void> {
    await db.update(pendingConfirmations).set({ resolvedAt: at }).where(eq(pendingConfirmations.bookingId, bookingId));
  }
}
