import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Condition, EmployeeLevel, Scalar } from '../evaluation/conditions.js';
import type { Region } from '../evaluation/regions.js';

export const policy = pgSchema('policy');

/** What a triggered rule does to a booking; track_only is recorded but never changes the result. */
export const RULE_ACTIONS = ['hard_stop', 'soft_warning', 'track_only'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

export const POLICY_RESULTS = ['compliant', 'soft_warning', 'hard_stop'] as const;
export type PolicyResult = (typeof POLICY_RESULTS)[number];

/** A version is drafted, then activated (at most one per organization), then retired by the next activation. */
export const VERSION_STATUSES = ['draft', 'active', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Who and where a rule applies to; an empty list means no restriction. */
export interface RuleScope {
  regions: Region[];
  departments: string[];
  levels: EmployeeLevel[];
}

/**
 * One rule's verdict as stored with an evaluation, so it stays readable after
 * the rule changes. `applies` and `details` are absent on evaluations recorded
 * before scopes existed (every rule applied then).
 */
export interface StoredOutcome {
  ruleId: string;
  ruleName: string;
  action: RuleAction;
  triggered: boolean;
  message: string;
  applies?: boolean;
  /** The facts the rule read, by field name. */
  details?: Record<string, Scalar | null>;
}

export const policies = policy.table(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policies_org_idx').on(t.orgId, t.createdAt)],
);

export const policyVersions = policy.table(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    orgId: uuid('org_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  // The database, not care, keeps one version in force per organization and one draft per policy.
  (t) => [
    uniqueIndex('policy_versions_number_idx').on(t.policyId, t.version),
    uniqueIndex('policy_versions_one_active_per_org_idx').on(t.orgId).where(sql`${t.status} = 'active'`),
    uniqueIndex('policy_versions_one_draft_per_policy_idx').on(t.policyId).where(sql`${t.status} = 'draft'`),
  ],
);

export const policyRules = policy.table(
  'policy_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => policyVersions.id),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    action: text('action', { enum: RULE_ACTIONS }).notNull(),
    condition: jsonb('condition').$type<Condition>().notNull(),
    message: text('message').notNull(),
    priority: integer('priority').notNull(),
    regions: text('regions').array().$type<Region[]>().notNull().default(sql`'{}'::text[]`),
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    levels: text('levels').array().$type<EmployeeLevel[]>().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('policy_rules_version_idx').on(t.versionId, t.priority)],
);

/** Suppliers (airline or hotel chain codes) an organization prefers; rules read it as segment.vendorPreferred. */
export const preferredVendors = policy.table(
  'preferred_vendors',
  {
    orgId: uuid('org_id').notNull(),
    vendorCode: text('vendor_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.vendorCode] })],
);

export const evaluations = policy.table(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    policyId: uuid('policy_id').references(() => policies.id),
    policyVersion: integer('policy_version'),
    versionId: uuid('version_id').references(() => policyVersions.id),
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
export type PolicyVersionRow = typeof policyVersions.$inferSelect;
export type PolicyRuleRow = typeof policyRules.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
