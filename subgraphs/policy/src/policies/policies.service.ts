import { DomainError, type Clock, type UnitOfWork } from '@travel/platform';
import { z } from 'zod';
import { RULE_ACTIONS, type PolicyRow, type PolicyRuleRow, type RuleAction } from '../db/schema.js';
import { parseCondition, type Condition } from '../evaluation/conditions.js';
import { byPriority } from '../evaluation/rule-engine.js';
import type { PoliciesRepository } from './policies.repository.js';

export interface NewRuleInput {
  name: string;
  description?: string | null;
  action: RuleAction;
  /** Checked against the condition schema; kept as unknown because authors supply it as JSON. */
  condition: unknown;
  message: string;
  priority: number;
}

export interface CreatePolicyInput {
  name: string;
  rules: NewRuleInput[];
}

export interface PolicyWithRules {
  policy: PolicyRow;
  rules: PolicyRuleRow[];
}

const ruleInput = z.object({
  name: z.string().trim().min(1, { error: 'rule name is required' }).max(200),
  description: z.string().trim().max(2000).nullish(),
  action: z.enum(RULE_ACTIONS, { error: `action must be one of ${RULE_ACTIONS.join(', ')}` }),
  condition: z.unknown(),
  message: z.string().trim().min(1, { error: 'message is required' }).max(1000),
  priority: z.int({ error: 'priority must be an integer' }),
});

const createPolicyInput = z.object({
  name: z.string().trim().min(1, { error: 'policy name is required' }).max(200),
  rules: z.array(ruleInput).max(200, { error: 'a policy holds at most 200 rules' }),
});

type ParsedRule = z.infer<typeof ruleInput> & { condition: Condition };

function ruleLabel(input: unknown, index: number): string {
  const rules = (input as { rules?: { name?: unknown }[] } | null)?.rules;
  const name = rules?.[index]?.name;
  return typeof name === 'string' && name.trim() ? `Rule "${name.trim()}"` : `Rule ${index + 1}`;
}

/** Validates a whole policy, every condition included, before anything is written. */
function validate(input: CreatePolicyInput): { name: string; rules: ParsedRule[] } {
  const parsed = createPolicyInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const prefix = issue.path[0] === 'rules' && typeof issue.path[1] === 'number' ? `${ruleLabel(input, issue.path[1])}: ` : '';
    throw new DomainError('VALIDATION_FAILED', prefix + issue.message, field);
  }
  const rules = parsed.data.rules.map((rule, i): ParsedRule => {
    const condition = parseCondition(rule.condition);
    if (!condition.ok) {
      throw new DomainError('VALIDATION_FAILED', `Rule "${rule.name}": ${condition.reason}`, ['rules', i, 'condition', ...condition.path].join('.'));
    }
    return { ...rule, condition: condition.condition };
  });
  return { name: parsed.data.name, rules };
}

export class PoliciesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PoliciesRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes a new policy the organization's active one (version 1) and retires
   * the previous active policy in the same transaction. Used by demo data and
   * tests until policy authoring gets its own API.
   */
  async createPolicy(orgId: string, input: CreatePolicyInput): Promise<PolicyWithRules> {
    const valid = validate(input);
    const now = this.clock.now();
    return this.uow.run(async ({ tx }) => {
      await this.policies.lockOrganization(orgId, tx);
      await this.policies.deactivateActive(orgId, now, tx);
      const policy = await this.policies.insert({ orgId, name: valid.name, version: 1, active: true, createdAt: now, updatedAt: now }, tx);
      const rules = await this.policies.insertRules(
        valid.rules.map((r) => ({
          policyId: policy.id,
          orgId,
          name: r.name,
          description: r.description ?? null,
          action: r.action,
          condition: r.condition,
          message: r.message,
          priority: r.priority,
        })),
        tx,
      );
      return { policy, rules: rules.sort(byPriority) };
    });
  }
}
