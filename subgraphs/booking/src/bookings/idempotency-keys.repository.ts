import type { Executor } from '@travel/platform';
import { and, eq, sql } from 'drizzle-orm';
import { idempotencyKeys, type IdempotencyKeyRow } from '../db/schema.js';

export type NewIdempotencyKey = typeof idempotencyKeys.$inferInsert;

export class IdempotencyKeysRepository {
  constructor(private readonly db: Executor) {}

  async find(orgId: string, operation: string, key: string, db: Executor = this.db): Promise<IdempotencyKeyRow | undefined> {
    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.operation, operation), eq(idempotencyKeys.key, key)));
    return row;
  }

  /**
   * Serializes requests carrying one key until the transaction ends: the
   * second waits here, then finds the first one's row and replays it. An
   * advisory lock rather than the row itself, because the row can only be
   * written once the booking it points at exists.
   */
  async lock(orgId: string, operation: string, key: string, tx: Executor): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking-idempotency:${orgId}:${operation}:${key}`}, 0))`);
  }

  /**
   * Inserts the key unless it exists. A concurrent transaction holding the same
   * key makes this wait on the primary key until it commits (then false) or
   * rolls back (then true).
   */
  async claim(values: NewIdempotencyKey, tx: Executor): Promise<boolean> {
    const rows = await tx.insert(idempotencyKeys).values(values).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    return rows.length > 0;
  }
}
