import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Condition } from '../evaluation/conditions.js';

export const policy = pgSchema('policy');

/** What a triggered rule does to a booking; track_only is recorded but never changes the result. */
export const RULE_ACTIONS = ['hard_stop', 'soft_warning', 'track_only'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export const POLICY_RESULTS = ['compliant', 'soft_warning', 'hard_stop'] as const;
export type PolicyResult = (typeof POLICY_RESULTS)[number];

/** One rule's verdict as stored with an evaluation, so it stays readable after the rule changes. */
export interface StoredOutcome {
  ruleId: string;
  ruleName: string;
  action: RuleAction;
  triggered: boolean;
  message: string;
}

export const policies = policy.table(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // At most one active policy per organization, enforced by the database rather than by care.
  (t) => [uniqueIndex('policies_one_active_per_org_idx').on(t.orgId).where(sql`${t.active}`), index('policies_org_idx').on(t.orgId, t.createdAt)],
);

export const policyRules = policy.table(
  'policy_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    action: text('action', { enum: RULE_ACTIONS }).notNull(),
    condition: jsonb('condition').$type<Condition>().notNull(),
    message: text('message').notNull(),
    priority: integer('priority').notNull(),
  },
  (t) => [index('policy_rules_policy_idx').on(t.policyId, t.priority)],
);

export const evaluations = policy.table(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    policyId: uuid('policy_id').references(() => policies.id),
    policyVersion: integer('policy_version'),
    result: text('result', { enum: POLICY_RESULTS }).notNull(),
    outcomes: jsonb('outcomes').$type<StoredOutcome[]>().notNull(),
    evaluatedBy: uuid('evaluated_by').notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluations_latest_idx').on(t.orgId, t.bookingId, t.evaluatedAt.desc().nullsFirst())],
);

export * from '../approvals/approvals.tables.js';

export const outbox = outboxTable(policy);
export const inbox = inboxTable(policy);

export type PolicyRow = typeof policies.$inferSelect;
export type PolicyRuleRow = typeof policyRules.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
