import type { Executor } from '@travel/platform';
import { and, eq, inArray } from 'drizzle-orm';
import { delegations, type DelegationRow } from '../db/schema.js';

export class DelegationsRepository {
  constructor(private readonly db: Executor) {}

  /** Delegations of these principals, in the caller's organization only. */
  async findByPrincipals(orgId: string, principalIds: readonly string[]): Promise<DelegationRow[]> {
    return this.db
      .select()
      .from(delegations)
      .where(and(eq(delegations.orgId, orgId), inArray(delegations.principalId, [...principalIds])));
  }

  /** Which of `principalIds` let `delegateId` book for them. */
  async principalsDelegatingTo(orgId: string, delegateId: string, principalIds: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .select({ principalId: delegations.principalId })
      .from(delegations)
      .where(and(eq(delegations.orgId, orgId), eq(delegations.delegateId, delegateId), inArray(delegations.principalId, [...principalIds])));
    return rows.map((r) => r.principalId);
  }

  /** Granting twice is harmless: the first grant stays. */
  async insert(values: { orgId: string; principalId: string; delegateId: string; grantedById: string }, db: Executor = this.db): Promise<void> {
    await db.insert(delegations).values(values).onConflictDoNothing({ target: [delegations.principalId, delegations.delegateId] });
  }

  async delete(orgId: string, principalId: string, delegateId: string): Promise<boolean> {
    const rows = await this.db
      .delete(delegations)
      .where(and(eq(delegations.orgId, orgId), eq(delegations.principalId, principalId), eq(delegations.delegateId, delegateId)))
      .returning({ id: delegations.id });
    return rows.length > 0;
  }
}
