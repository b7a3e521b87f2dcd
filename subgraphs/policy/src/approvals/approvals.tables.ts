import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/*
 * Approval workflows live in the policy schema next to the rules that cause
 * them; they are defined here so the workflow code stays in one folder, and
 * re-exported from db/schema.ts for drizzle-kit and the outbox.
 */
const policy = pgSchema('policy');

/** What happens when an approver lets a step's deadline pass. */
export const MISSED_DEADLINE_ACTIONS = ['escalate', 'auto_approve', 'auto_reject'] as const;
export type MissedDeadlineAction = (typeof MISSED_DEADLINE_ACTIONS)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Who a step asks: the traveler's manager, finance above the threshold, an executive above the executive threshold; a travel admin when the chain would be empty. */
export const STEP_KINDS = ['manager', 'finance', 'executive', 'travel_admin'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** waiting: a later step not yet asked; pending: the step being decided; skipped: never reached because an earlier step rejected. */
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const ACTION_KINDS = ['requested', 'approved', 'rejected', 'escalated', 'auto_approved', 'auto_rejected'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const approvalSettings = policy.table('approval_settings', {
  orgId: uuid('org_id').primaryKey(),
  /** At or above this total (minor units of `currency`) finance must approve too. */
  financeThresholdMinor: bigint('finance_threshold_minor', { mode: 'number' }).notNull(),
  /** At or above this total an executive must approve too. */
  executiveThresholdMinor: bigint('executive_threshold_minor', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  slaHours: integer('sla_hours').notNull(),
  onMissedDeadline: text('on_missed_deadline', { enum: MISSED_DEADLINE_ACTIONS }).notNull(),
  updatedById: uuid('updated_by_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const approvalRequests = policy.table(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    travelerId: uuid('traveler_id').notNull(),
    requestedById: uuid('requested_by_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: APPROVAL_STATUSES }).notNull(),
    /** The settings' missed-deadline action when the chain was built, so a later settings change does not rewrite running requests. */
    onMissedDeadline: text('on_missed_deadline', { enum: MISSED_DEADLINE_ACTIONS }).notNull(),
    slaHours: integer('sla_hours').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    // A booking asks once; a redelivered request finds its row instead of making a second chain.
    uniqueIndex('approval_requests_booking_idx').on(t.orgId, t.bookingId),
    index('approval_requests_traveler_idx').on(t.orgId, t.travelerId, t.requestedAt.desc()),
  ],
);

export const approvalSteps = policy.table(
  'approval_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    orgId: uuid('org_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: STEP_KINDS }).notNull(),
    approverId: uuid('approver_id').notNull(),
    /** Who was asked first, when an escalation handed the step on; null otherwise. */
    escalatedFromId: uuid('escalated_from_id'),
    /** Who takes the step over when its deadline passes and the organization escalates; null when nobody is above. */
    escalationApproverId: uuid('escalation_approver_id'),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    /** Set when the step becomes pending: its SLA deadline. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    actedById: uuid('acted_by_id'),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [
    uniqueIndex('approval_steps_position_idx').on(t.requestId, t.position),
    index('approval_steps_queue_idx').on(t.orgId, t.approverId, t.status),
    index('approval_steps_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** The audit trail of a request: every decision, escalation and automatic outcome, in order. */
export const approvalActions = policy.table(
  'approval_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Write order, so actions of one transaction (same `at`) read back in the order they happened. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id),
    orgId: uuid('org_id').notNull(),
    stepPosition: integer('step_position'),
    kind: text('kind', { enum: ACTION_KINDS }).notNull(),
    /** Null for what the SLA sweeper did. */
    actorId: uuid('actor_id'),
    /** The approver a delegate acted for; null when the approver acted themself. */
    onBehalfOfId: uuid('on_behalf_of_id'),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('approval_actions_request_idx').on(t.requestId, t.seq)],
);

/** One delegate per approver at a time, acting for them until `until`. */
export const approvalDelegations = policy.table(
  'approval_delegations',
  {
    orgId: uuid('org_id').notNull(),
    approverId: uuid('approver_id').notNull(),
    delegateId: uuid('delegate_id').notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.approverId] }), index('approval_delegations_delegate_idx').on(t.orgId, t.delegateId)],
);

/** Whose booking is whose, from booking.drafted: the compliance score follows a person's bookings. */
export const bookingTravelers = policy.table(
  'booking_travelers',
  {
    bookingId: uuid('booking_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    travelerId: uuid('traveler_id').notNull(),
  },
  (t) => [index('booking_travelers_traveler_idx').on(t.orgId, t.travelerId)],
);

export type ApprovalSettingsRow = typeof approvalSettings.$inferSelect;
export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
export type ApprovalStepRow = typeof approvalSteps.$inferSelect;
export type ApprovalActionRow = typeof approvalActions.$inferSelect;
export type ApprovalDelegationRow = typeof approvalDelegations.$inferSelect;
