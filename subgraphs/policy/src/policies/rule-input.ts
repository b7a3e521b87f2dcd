import { DomainError } from '@travel/platform';
import { z } from 'zod';
import { RULE_ACTIONS, type RuleAction, type RuleScope } from '../db/schema.js';
import { EMPLOYEE_LEVELS, parseCondition, type Condition } from '../evaluation/conditions.js';
import { REGIONS } from '../evaluation/regions.js';

/** A rule as an author writes it; the condition may be JSON text (from the graph) or an object (demo data, tests). */
export interface RuleInput {
  name: string;
  description?: string | null;
  action: RuleAction;
  condition: unknown;
  message: string;
  priority: number;
  scope?: Partial<RuleScope> | null;
}

export interface ValidRule {
  name: string;
  description: string | null;
  action: RuleAction;
  condition: Condition;
  message: string;
  priority: number;
  scope: RuleScope;
}

const scopeInput = z
  .object({
    regions: z.array(z.enum(REGIONS, { error: `regions must be among ${REGIONS.join(', ')}` })).max(20).nullish(),
    departments: z.array(z.string().trim().min(1, { error: 'department must not be blank' }).max(200)).max(100).nullish(),
    levels: z.array(z.enum(EMPLOYEE_LEVELS, { error: `levels must be among ${EMPLOYEE_LEVELS.join(', ')}` })).max(10).nullish(),
  })
  .nullish();

const ruleInput = z.object({
  name: z.string().trim().min(1, { error: 'rule name is required' }).max(200),
  description: z.string().trim().max(2000).nullish(),
  action: z.enum(RULE_ACTIONS, { error: `action must be one of ${RULE_ACTIONS.join(', ')}` }),
  condition: z.unknown(),
  message: z.string().trim().min(1, { error: 'message is required' }).max(1000),
  priority: z.int({ error: 'priority must be an integer' }).min(0, { error: 'priority must not be negative' }).max(1_000_000),
  scope: scopeInput,
});

function conditionValue(raw: unknown, field: string, label: string): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new DomainError('INVALID_RULE', `${label}: condition is not valid JSON`, field);
  }
}

/**
 * Validates one rule, condition and scope included. Every problem is an
 * INVALID_RULE whose message names the rule and, for conditions, the path
 * inside the condition (`any[1].not.value`); `field` locates it in the input.
 */
export function parseRule(input: unknown, fieldPrefix = ''): ValidRule {
  const at = (path: readonly PropertyKey[]) => [fieldPrefix, ...path.map(String)].filter(Boolean).join('.');
  const given = (input as { name?: unknown } | null)?.name;
  const label = typeof given === 'string' && given.trim() ? `Rule "${given.trim()}"` : 'Rule';
  const parsed = ruleInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('INVALID_RULE', `${label}: ${issue.message}`, at(issue.path));
  }
  const rule = parsed.data;
  const condition = parseCondition(conditionValue(rule.condition, at(['condition']), label));
  if (!condition.ok) throw new DomainError('INVALID_RULE', `${label}: ${condition.reason}`, at(['condition', ...condition.path]));
  return {
    name: rule.name,
    description: rule.description ?? null,
    action: rule.action,
    condition: condition.condition,
    message: rule.message,
    priority: rule.priority,
    scope: { regions: rule.scope?.regions ?? [], departments: rule.scope?.departments ?? [], levels: rule.scope?.levels ?? [] },
  };
}
