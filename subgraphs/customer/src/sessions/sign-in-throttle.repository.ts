import type { Executor } from '@travel/platform';
import { eq, lt, sql } from 'drizzle-orm';
import { signInThrottle } from '../db/schema.js';

export interface ThrottleRules {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export class SignInThrottleRepository {
  constructor(private readonly db: Executor) {}

  /** Until when the email is locked, or null when it may try. */
  async lockedUntil(email: string, now: Date): Promise<Date | null> {
    const [row] = await this.db.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.email, email));
    return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  }

  /**
   * Counts one failure in a single upsert, so concurrent failures from
   * several processes all count. A failure outside the window starts a new
   * one; the failure that reaches the limit locks the email and resets the
   * count, so the first failure after the lockout starts afresh.
   * Returns the lock's end when this failure locked the email.
   */
  async recordFailure(email: string, now: Date, rules: ThrottleRules): Promise<Date | null> {
    const windowStart = new Date(now.getTime() - rules.windowSeconds * 1000);
    const lockEnd = new Date(now.getTime() + rules.lockoutSeconds * 1000);
    const inWindow = sql`${signInThrottle.windowStartedAt} > ${windowStart.toISOString()}::timestamptz`;
    const counted = sql`(case when ${inWindow} then ${signInThrottle.failures} + 1 else 1 end)`;
    const [row] = await this.db
      .insert(signInThrottle)
      .values({ email, failures: rules.maxFailures <= 1 ? 0 : 1, windowStartedAt: now, lockedUntil: rules.maxFailures <= 1 ? lockEnd : null })
      .onConflictDoUpdate({
        target: signInThrottle.email,
        set: {
          lockedUntil: sql`case when ${counted} >= ${rules.maxFailures} then ${lockEnd.toISOString()}::timestamptz else ${signInThrottle.lockedUntil} end`,
          windowStartedAt: sql`case when ${counted} >= ${rules.maxFailures} or not ${inWindow} then ${now.toISOString()}::timestamptz else ${signInThrottle.windowStartedAt} end`,
          failures: sql`case when ${counted} >= ${rules.maxFailures} then 0 else ${counted} end`,
        },
      })
      .returning({ lockedUntil: signInThrottle.lockedUntil });
    return row?.lockedUntil && row.lockedUntil.getTime() === lockEnd.getTime() ? row.lockedUntil : null;
  }

  async clear(email: string): Promise<void> {
    await this.db.delete(signInThrottle).where(eq(signInThrottle.email, email));
  }

  /** Rows whose window and lock both ended carry no information any more. */
  async deleteStale(now: Date, windowSeconds: number): Promise<number> {
    const windowStart = new Date(now.getTime() - windowSeconds * 1000);
    const rows = await this.db
      .delete(signInThrottle)
      .where(sql`${lt(signInThrottle.windowStartedAt, windowStart)} and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < ${now.toISOString()}::timestamptz)`)
      .returning({ email: signInThrottle.email });
    return rows.length;
  }
}
