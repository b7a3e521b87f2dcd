import type { Executor } from '@travel/platform';
import type { PolicyRuleRow } from '../db/schema.js';
import type { PoliciesRepository } from '../policies/policies.repository.js';
import { byPriority, type EngineRule } from './rule-engine.js';

/** Everything an evaluation needs from the database, loaded once and shared by every offer or booking it judges. */
export interface JudgingPolicy {
  policyId: string | null;
  versionId: string | null;
  version: number | null;
  /** Sorted by priority once, so a bulk evaluation never re-sorts. */
  rules: EngineRule[];
  preferredVendors: ReadonlySet<string>;
}

export function toEngineRule(row: PolicyRuleRow): EngineRule {
  return {
    id: row.id,
    name: row.name,
    action: row.action,
    condition: row.condition,
    message: row.message,
    priority: row.priority,
    scope: { regions: row.regions, departments: row.departments, levels: row.levels },
  };
}

/** The organization's version in force (none: no rules, everything compliant) and its preferred vendors. */
export async function loadJudgingPolicy(policies: PoliciesRepository, orgId: string, db?: Executor): Promise<JudgingPolicy> {
  // Sequential on purpose: inside a transaction both reads share one connection.
  const active = await policies.findActive(orgId, db);
  const vendors = await policies.preferredVendors(orgId, db);
  const rules = active ? await policies.rulesOf(orgId, [active.version.id], db) : [];
  return {
    policyId: active?.policy.id ?? null,
    versionId: active?.version.id ?? null,
    version: active?.version.version ?? null,
    rules: rules.map(toEngineRule).sort(byPriority),
    preferredVendors: new Set(vendors),
  };
}
