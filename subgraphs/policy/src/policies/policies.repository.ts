import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  policies,
  policyRules,
  policyVersions,
  preferredVendors,
  type PolicyRow,
  type PolicyRuleRow,
  type PolicyVersionRow,
  type VersionStatus,
} from '../db/schema.js';

export type NewPolicy = typeof policies.$inferInsert;
export type NewPolicyVersion = typeof policyVersions.$inferInsert;
export type NewPolicyRule = typeof policyRules.$inferInsert;
export type RulePatch = Partial<Pick<NewPolicyRule, 'name' | 'description' | 'action' | 'condition' | 'message' | 'priority' | 'regions' | 'departments' | 'levels'>>;

export interface ActiveVersion {
  policy: PolicyRow;
  version: PolicyVersionRow;
}

/** Every query filters by the caller's organization; the tenancy rule lives here, not in callers. */
export class PoliciesRepository {
  constructor(private readonly db: Executor) {}

  /** The organization's version in force and its policy. */
  async findActive(orgId: string, db: Executor = this.db): Promise<ActiveVersion | undefined> {
    const [row] = await db
      .select({ policy: policies, version: policyVersions })
      .from(policyVersions)
      .innerJoin(policies, eq(policies.id, policyVersions.policyId))
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.status, 'active')));
    return row;
  }

  async findPolicies(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<PolicyRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, orgId), inArray(policies.id, [...ids])));
  }

  async listPolicies(orgId: string, db: Executor = this.db): Promise<PolicyRow[]> {
    return db.select().from(policies).where(eq(policies.orgId, orgId)).orderBy(asc(policies.createdAt), asc(policies.id));
  }

  async findVersion(orgId: string, versionId: string, db: Executor = this.db): Promise<PolicyVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.id, versionId)));
    return row;
  }

  /** Versions of several policies, newest first. */
  async versionsOf(orgId: string, policyIds: readonly string[], db: Executor = this.db): Promise<PolicyVersionRow[]> {
    if (policyIds.length === 0) return [];
    return db
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.orgId, orgId), inArray(policyVersions.policyId, [...policyIds])))
      .orderBy(desc(policyVersions.version));
  }

  /** Rules of several versions of one organization, lowest priority number first. */
  async rulesOf(orgId: string, versionIds: readonly string[], db: Executor = this.db): Promise<PolicyRuleRow[]> {
    if (versionIds.length === 0) return [];
    return db
      .select()
      .from(policyRules)
      .where(and(eq(policyRules.orgId, orgId), inArray(policyRules.versionId, [...versionIds])))
      .orderBy(asc(policyRules.priority), asc(policyRules.name), asc(policyRules.id));
  }

  async findRule(orgId: string, ruleId: string, db: Executor = this.db): Promise<PolicyRuleRow | undefined> {
    const [row] = await db
      .select()
      .from(policyRules)
      .where(and(eq(policyRules.orgId, orgId), eq(policyRules.id, ruleId)));
    return row;
  }

  /**
   * Serializes policy changes of one organization until the transaction ends,
   * so two concurrent activations cannot both find "no active version".
   */
  async lockOrganization(orgId: string, db: Executor): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${orgId}`}))`);
  }

  /** Retires the version in force, if any, and returns it. */
  async retireActive(orgId: string, at: Date, db: Executor): Promise<PolicyVersionRow | undefined> {
    const [row] = await db
      .update(policyVersions)
      .set({ status: 'retired', retiredAt: at })
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.status, 'active')))
      .returning();
    return row;
  }

  async setVersionStatus(orgId: string, versionId: string, status: VersionStatus, at: Date, db: Executor): Promise<PolicyVersionRow> {
    const [row] = await db
      .update(policyVersions)
      .set(status === 'active' ? { status, activatedAt: at } : { status, retiredAt: at })
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.id, versionId)))
      .returning();
    return row!;
  }

  async nextVersionNumber(policyId: string, db: Executor): Promise<number> {
    const [row] = await db
      .select({ max: sql<number | null>`max(${policyVersions.version})` })
      .from(policyVersions)
      .where(eq(policyVersions.policyId, policyId));
    return Number(row?.max ?? 0) + 1;
  }

  async touchPolicy(orgId: string, policyId: string, at: Date, db: Executor): Promise<void> {
    await db
      .update(policies)
      .set({ updatedAt: at })
      .where(and(eq(policies.orgId, orgId), eq(policies.id, policyId)));
  }

  async insert(values: NewPolicy, db: Executor = this.db): Promise<PolicyRow> {
    const [row] = await db.insert(policies).values(values).returning();
    return row!;
  }

  async insertVersion(values: NewPolicyVersion, db: Executor = this.db): Promise<PolicyVersionRow> {
    const [row] = await db.insert(policyVersions).values(values).returning();
    return row!;
  }

  async insertRules(values: NewPolicyRule[], db: Executor = this.db): Promise<PolicyRuleRow[]> {
    if (values.length === 0) return [];
    return db.insert(policyRules).values(values).returning();
  }

  async updateRule(orgId: string, ruleId: string, patch: RulePatch, db: Executor): Promise<PolicyRuleRow> {
    const [row] = await db
      .update(policyRules)
      .set(patch)
      .where(and(eq(policyRules.orgId, orgId), eq(policyRules.id, ruleId)))
      .returning();
    return row!;
  }

  async deleteRule(orgId: string, ruleId: string, db: Executor): Promise<void> {
    await db.delete(policyRules).where(and(eq(policyRules.orgId, orgId), eq(policyRules.id, ruleId)));
  }

  async preferredVendors(orgId: string, db: Executor = this.db): Promise<string[]> {
    const rows = await db
      .select({ code: preferredVendors.vendorCode })
      .from(preferredVendors)
      .where(eq(preferredVendors.orgId, orgId))
      .orderBy(asc(preferredVendors.vendorCode));
    return rows.map((r) => r.code);
  }

  async replacePreferredVendors(orgId: string, codes: readonly string[], at: Date, db: Executor): Promise<void> {
    await db.delete(preferredVendors).where(eq(preferredVendors.orgId, orgId));
    if (codes.length > 0) await db.insert(preferredVendors).values(codes.map((vendorCode) => ({ orgId, vendorCode, createdAt: at })));
  }
}
