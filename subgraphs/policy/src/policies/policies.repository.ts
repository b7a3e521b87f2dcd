import type { Executor } from '@travel/platform';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { policies, policyRules, type PolicyRow, type PolicyRuleRow } from '../db/schema.js';

export type NewPolicy = typeof policies.$inferInsert;
export type NewPolicyRule = typeof policyRules.$inferInsert;

export class PoliciesRepository {
  constructor(private readonly db: Executor) {}

  /** The organization's active policy; the tenancy rule lives in the query. */
  async findActive(orgId: string, db: Executor = this.db): Promise<PolicyRow | undefined> {
    const [row] = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, orgId), eq(policies.active, true)));
    return row;
  }

  /** Rules of several policies of one organization, lowest priority number first. */
  async rulesOf(orgId: string, policyIds: readonly string[], db: Executor = this.db): Promise<PolicyRuleRow[]> {
    if (policyIds.length === 0) return [];
    return db
      .select()
      .from(policyRules)
      .where(and(eq(policyRules.orgId, orgId), inArray(policyRules.policyId, [...policyIds])))
      .orderBy(asc(policyRules.priority), asc(policyRules.name), asc(policyRules.id));
  }

  /**
   * Serializes policy changes of one organization until the transaction ends,
   * so two concurrent replacements cannot both find "no active policy".
   */
  async lockOrganization(orgId: string, db: Executor): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${orgId}`}))`);
  }

  async deactivateActive(orgId: string, at: Date, db: Executor): Promise<void> {
    await db
      .update(policies)
      .set({ active: false, updatedAt: at })
      .where(and(eq(policies.orgId, orgId), eq(policies.active, true)));
  }

  async insert(values: NewPolicy, db: Executor = this.db): Promise<PolicyRow> {
    const [row] = await db.insert(policies).values(values).returning();
    return row!;
  }

  async insertRules(values: NewPolicyRule[], db: Executor = this.db): Promise<PolicyRuleRow[]> {
    if (values.length === 0) return [];
    return db.insert(policyRules).values(values).returning();
  }
}
