import { DomainError, parseInput, type Clock, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { PolicyRow, PolicyRuleRow, PolicyVersionRow } from '../db/schema.js';
import { byPriority, judgeRule, type RuleOutcome } from '../evaluation/rule-engine.js';
import type { PoliciesRepository } from './policies.repository.js';
import { parseSampleFacts } from './sample-facts.js';
import { parseRule, type RuleInput, type ValidRule } from './rule-input.js';

export interface CreatePolicyInput {
  name: string;
  rules: RuleInput[];
}

export interface PolicyWithRules {
  policy: PolicyRow;
  version: PolicyVersionRow;
  rules: PolicyRuleRow[];
}

const policyName = z.string().trim().min(1, { error: 'policy name is required' }).max(200);
const createPolicyInput = z.object({ name: policyName, rules: z.array(z.unknown()).max(200, { error: 'a policy holds at most 200 rules' }) });
const id = (what: string) => z.guid({ error: `${what} is not a valid id` });
const policyIdInput = z.object({ policyId: id('policyId') });
const versionIdInput = z.object({ versionId: id('versionId') });
const ruleIdInput = z.object({ ruleId: id('ruleId') });
const vendorsInput = z.object({
  vendorCodes: z
    .array(z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,8}$/, { error: 'a vendor code is 2 to 8 letters or digits, e.g. BA' }))
    .max(500),
});

/** The columns a rule's content fills; ids are added by the caller. */
function ruleValues(rule: ValidRule) {
  return {
    name: rule.name,
    description: rule.description,
    action: rule.action,
    condition: rule.condition,
    message: rule.message,
    priority: rule.priority,
    regions: rule.scope.regions,
    departments: rule.scope.departments,
    levels: rule.scope.levels,
  };
}

/** A stored rule as validated content (it was validated when written); also the base an update is merged onto. */
function parsedRow(rule: PolicyRuleRow): ValidRule {
  return {
    name: rule.name,
    description: rule.description,
    action: rule.action,
    condition: rule.condition,
    message: rule.message,
    priority: rule.priority,
    scope: { regions: rule.regions, departments: rule.departments, levels: rule.levels },
  };
}

/**
 * Authoring of travel policies: a policy has numbered versions; rules are
 * edited only in a draft, and activating a draft retires the organization's
 * version in force in the same transaction, so evaluations always see exactly
 * one version. Callers have checked the travel_admin role.
 */
export class PoliciesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PoliciesRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a policy whose version 1 holds `rules` and is activated at once,
   * retiring the version in force. Used by demo data and tests.
   */
  async createPolicy(orgId: string, input: CreatePolicyInput): Promise<PolicyWithRules> {
    const { name, rules } = parseInput(createPolicyInput, input);
    const valid = rules.map((r, i) => parseRule(r, `rules.${i}`));
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      await this.policies.lockOrganization(orgId, tx);
      const previous = await this.policies.retireActive(orgId, now, tx);
      const policy = await this.policies.insert({ orgId, name, createdAt: now, updatedAt: now }, tx);
      const version = await this.policies.insertVersion({ policyId: policy.id, orgId, version: 1, status: 'active', createdAt: now, activatedAt: now }, tx);
      const inserted = await this.policies.insertRules(
        valid.map((r) => ({ ...ruleValues(r), orgId, policyId: policy.id, versionId: version.id })),
        tx,
      );
      await emit({
        type: 'policy.version_activated',
        orgId,
        aggregateId: policy.id,
        payload: { policyId: policy.id, versionId: version.id, version: 1, previousVersionId: previous?.id ?? null, activatedBy: null },
      });
      return { policy, version, rules: inserted.sort(byPriority) };
    });
  }

  /** A new policy with an empty draft version 1; nothing changes for bookings until it is activated. */
  async createDraftPolicy(viewer: Viewer, input: unknown): Promise<PolicyRow> {
    const { name } = parseInput(z.object({ name: policyName }), input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx }) => {
      const policy = await this.policies.insert({ orgId: viewer.orgId, name, createdAt: now, updatedAt: now }, tx);
      await this.policies.insertVersion({ policyId: policy.id, orgId: viewer.orgId, version: 1, status: 'draft', createdAt: now }, tx);
      return policy;
    });
  }

  /** Opens the next version of a policy as a draft holding a copy of the newest version's rules. */
  async draftVersion(viewer: Viewer, input: unknown): Promise<PolicyVersionRow> {
    const { policyId } = parseInput(policyIdInput, input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx }) => {
      await this.policies.lockOrganization(viewer.orgId, tx);
      const [policy] = await this.policies.findPolicies(viewer.orgId, [policyId], tx);
      if (!policy) throw new DomainError('NOT_FOUND', `No policy ${policyId}`, 'policyId');
      const versions = await this.policies.versionsOf(viewer.orgId, [policyId], tx);
      const openDraft = versions.find((v) => v.status === 'draft');
      if (openDraft) throw new DomainError('CONFLICT', `Version ${openDraft.version} of this policy is already a draft`, 'policyId');
      const newest = versions[0];
      const draft = await this.policies.insertVersion(
        { policyId, orgId: viewer.orgId, version: await this.policies.nextVersionNumber(policyId, tx), status: 'draft', createdAt: now },
        tx,
      );
      const rules = newest ? await this.policies.rulesOf(viewer.orgId, [newest.id], tx) : [];
      await this.policies.insertRules(
        rules.map((rule) => ({ ...ruleValues(parsedRow(rule)), orgId: viewer.orgId, policyId, versionId: draft.id })),
        tx,
      );
      await this.policies.touchPolicy(viewer.orgId, policyId, now, tx);
      return draft;
    });
  }

  async addRule(viewer: Viewer, input: unknown): Promise<PolicyRuleRow> {
    const { versionId } = parseInput(versionIdInput, input);
    const rule = parseRule((input as { rule?: unknown }).rule, 'rule');
    return this.uow.run(async ({ tx }) => {
      const version = await this.draftOf(viewer.orgId, versionId, tx);
      const [row] = await this.policies.insertRules([{ ...ruleValues(rule), orgId: viewer.orgId, policyId: version.policyId, versionId }], tx);
      return row!;
    });
  }

  /** Changes the given parts of a draft's rule; the merged rule is validated as a whole. */
  async updateRule(viewer: Viewer, input: unknown): Promise<PolicyRuleRow> {
    const { ruleId } = parseInput(ruleIdInput, input);
    const patch = ((input as { rule?: Partial<RuleInput> | null }).rule ?? {}) as Partial<RuleInput>;
    return this.uow.run(async ({ tx }) => {
      const existing = await this.policies.findRule(viewer.orgId, ruleId, tx);
      if (!existing) throw new DomainError('NOT_FOUND', `No rule ${ruleId}`, 'ruleId');
      await this.draftOf(viewer.orgId, existing.versionId, tx);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null));
      const merged = parseRule({ ...parsedRow(existing), ...defined, description: patch.description === undefined ? existing.description : patch.description }, 'rule');
      return this.policies.updateRule(viewer.orgId, ruleId, ruleValues(merged), tx);
    });
  }

  async removeRule(viewer: Viewer, input: unknown): Promise<PolicyRuleRow> {
    const { ruleId } = parseInput(ruleIdInput, input);
    return this.uow.run(async ({ tx }) => {
      const existing = await this.policies.findRule(viewer.orgId, ruleId, tx);
      if (!existing) throw new DomainError('NOT_FOUND', `No rule ${ruleId}`, 'ruleId');
      await this.draftOf(viewer.orgId, existing.versionId, tx);
      await this.policies.deleteRule(viewer.orgId, ruleId, tx);
      return existing;
    });
  }

  /**
   * Puts a draft in force and retires the organization's previous version (of
   * any policy) in one transaction, announcing policy.version_activated.
   */
  async activateVersion(viewer: Viewer, input: unknown): Promise<PolicyVersionRow> {
    const { versionId } = parseInput(versionIdInput, input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx, emit }) => {
      await this.policies.lockOrganization(viewer.orgId, tx);
      const draft = await this.draftOf(viewer.orgId, versionId, tx);
      const previous = await this.policies.retireActive(viewer.orgId, now, tx);
      const active = await this.policies.setVersionStatus(viewer.orgId, draft.id, 'active', now, tx);
      await this.policies.touchPolicy(viewer.orgId, draft.policyId, now, tx);
      await emit({
        type: 'policy.version_activated',
        orgId: viewer.orgId,
        aggregateId: draft.policyId,
        payload: { policyId: draft.policyId, versionId: draft.id, version: draft.version, previousVersionId: previous?.id ?? null, activatedBy: viewer.personId },
      });
      return active;
    });
  }

  /** Replaces the organization's preferred suppliers; rules see them as segment.vendorPreferred. */
  async setPreferredVendors(viewer: Viewer, input: unknown): Promise<string[]> {
    const { vendorCodes } = parseInput(vendorsInput, input);
    const unique = [...new Set(vendorCodes)].sort();
    await this.uow.run(({ tx }) => this.policies.replacePreferredVendors(viewer.orgId, unique, this.clock.now(), tx));
    return unique;
  }

  /** Tries a rule on sample facts; nothing is read or written. */
  testRule(input: unknown): RuleOutcome {
    const { rule, facts } = input as { rule?: unknown; facts?: unknown };
    const valid = parseRule(rule, 'rule');
    if (typeof facts !== 'string') throw new DomainError('VALIDATION_FAILED', 'facts must be JSON text', 'facts');
    return judgeRule({ id: 'test', ...valid }, parseSampleFacts(facts));
  }

  private async draftOf(orgId: string, versionId: string, tx: Parameters<PoliciesRepository['findVersion']>[2]): Promise<PolicyVersionRow> {
    const version = await this.policies.findVersion(orgId, versionId, tx);
    if (!version) throw new DomainError('NOT_FOUND', `No policy version ${versionId}`, 'versionId');
    if (version.status !== 'draft') {
      throw new DomainError('INVALID_TRANSITION', `Version ${version.version} is ${version.status}; only a draft can change`, 'versionId');
    }
    return version;
  }
}
