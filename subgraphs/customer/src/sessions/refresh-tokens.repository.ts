import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@travel/platform';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { refreshTokens, type RefreshTokenRow } from '../db/schema.js';

/** A new opaque refresh token: 256 random bits, only its hash is stored. */
export function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString('base64url')}`;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class RefreshTokensRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: { orgId: string; personId: string; familyId: string; token: string; expiresAt: Date }, db: Executor = this.db): Promise<RefreshTokenRow> {
    const [row] = await db
      .insert(refreshTokens)
      .values({ orgId: values.orgId, personId: values.personId, familyId: values.familyId, tokenHash: hashRefreshToken(values.token), expiresAt: values.expiresAt })
      .returning();
    return row!;
  }

  async findByToken(token: string, db: Executor = this.db): Promise<RefreshTokenRow | undefined> {
    const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(token)));
    return row;
  }

  /**
   * Marks the token used if nobody has yet. The condition is in the UPDATE,
   * so of two processes refreshing with the same token at once exactly one
   * wins; the other sees reuse.
   */
  async markUsed(id: string, now: Date, db: Executor = this.db): Promise<boolean> {
    const rows = await db
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length === 1;
  }

  async revokeFamily(familyId: string, now: Date, db: Executor = this.db): Promise<void> {
    await db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  /** Deletes up to `limit` tokens that expired before `now` (batches keep each delete short); returns how many. */
  async deleteExpired(now: Date, limit = 1000): Promise<number> {
    const due = this.db.select({ id: refreshTokens.id }).from(refreshTokens).where(lt(refreshTokens.expiresAt, now)).limit(limit);
    const rows = await this.db.delete(refreshTokens).where(inArray(refreshTokens.id, due)).returning({ id: refreshTokens.id });
    return rows.length;
  }
}
