import { inboxTable, outboxTable } from '@travel/platform';
import { bigint, check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const analytics = pgSchema('analytics');

export const BOOKING_FACT_STATUSES = ['confirmed', 'canceled'] as const;
export type BookingFactStatus = (typeof BOOKING_FACT_STATUSES)[number];

/**
 * One row per booking, projected from booking.confirmed / booking.canceled.
 * Amount and currency are null only while a cancel has arrived before its
 * confirm (the cancel event carries no amount); such a row is canceled.
 * `last_event_at` is the occurredAt of the event that set `status`, so an
 * older event arriving late never overwrites a newer state.
 */
export const bookingFacts = analytics.table(
  'booking_facts',
  {
    bookingId: uuid('booking_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    travelerId: uuid('traveler_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    status: text('status', { enum: BOOKING_FACT_STATUSES }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }).notNull(),
    /** Trip shape from the confirm's segments (null until a confirm arrives): first and last departure, first destination. */
    firstDepartAt: timestamp('first_depart_at', { withTimezone: true }),
    lastDepartAt: timestamp('last_depart_at', { withTimezone: true }),
    /** The latest segment end (arrival, check-out); null when the confirm named none. */
    lastArriveAt: timestamp('last_arrive_at', { withTimezone: true }),
    destination: text('destination'),
    /** The traveler's department as booking snapshotted it on the draft; null when none was set. */
    department: text('department'),
    segmentCount: integer('segment_count').notNull().default(0),
    /** CO2e of the flight segments with a known distance, and how many flight segments lack one. */
    co2eGrams: bigint('co2e_grams', { mode: 'number' }).notNull().default(0),
    distanceKm: bigint('distance_km', { mode: 'number' }).notNull().default(0),
    flightCount: integer('flight_count').notNull().default(0),
    /** Flight segments per cabin, so the cabin report reads one row per booking instead of joining segments. */
    economySegments: integer('economy_segments').notNull().default(0),
    premiumEconomySegments: integer('premium_economy_segments').notNull().default(0),
    businessSegments: integer('business_segments').notNull().default(0),
    firstSegments: integer('first_segments').notNull().default(0),
    flightsWithoutDistance: integer('flights_without_distance').notNull().default(0),
    /** Sum of the booking's refunds (booking_adjustments of kind refund); net spend is amount + changed - refunded. */
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    /** Sum of the price differences of segment changes made after payment (signed). */
    changedMinor: bigint('changed_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('booking_facts_org_idx').on(t.orgId, t.status, t.currency),
    index('booking_facts_org_confirmed_idx').on(t.orgId, t.confirmedAt),
    index('booking_facts_org_traveler_idx').on(t.orgId, t.travelerId, t.confirmedAt),
    index('booking_facts_org_depart_idx').on(t.orgId, t.firstDepartAt),
    index('booking_facts_org_department_idx').on(t.orgId, t.department, t.confirmedAt),
    check('booking_facts_amount_nonnegative', sql`${t.amountMinor} >= 0`),
    check('booking_facts_confirmed_has_amount', sql`${t.status} <> 'confirmed' or (${t.amountMinor} is not null and ${t.currency} is not null)`),
  ],
);

/**
 * Every event analytics consumed, once per id, exactly as received. Every
 * projection below is a function of these rows and can be rebuilt from them.
 */
export const eventLog = analytics.table(
  'event_log',
  {
    eventId: uuid('event_id').primaryKey(),
    type: text('type').notNull(),
    source: text('source').notNull(),
    orgId: uuid('org_id'),
    aggregateId: text('aggregate_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_log_org_idx').on(t.orgId, t.occurredAt)],
);

/** One row per segment of a confirmed booking, with its emissions when its airports are known. */
export const segmentFacts = analytics.table(
  'segment_facts',
  {
    bookingId: uuid('booking_id').notNull(),
    position: integer('position').notNull(),
    orgId: uuid('org_id').notNull(),
    travelerId: uuid('traveler_id').notNull(),
    kind: text('kind').notNull(),
    supplier: text('supplier').notNull(),
    origin: text('origin'),
    destination: text('destination'),
    cabin: text('cabin'),
    departAt: timestamp('depart_at', { withTimezone: true }),
    arriveAt: timestamp('arrive_at', { withTimezone: true }),
    /** The segment's price in the booking's currency; null for confirms published before segments were priced. */
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    distanceKm: integer('distance_km'),
    haul: text('haul'),
    co2eGrams: bigint('co2e_grams', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.position] }), index('segment_facts_org_idx').on(t.orgId, t.bookingId)],
);

/**
 * The latest policy evaluation of each booking (latest by occurredAt, then
 * evaluation id, so any arrival order ends in the same row).
 */
export const policyFacts = analytics.table(
  'policy_facts',
  {
    bookingId: uuid('booking_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    evaluationId: uuid('evaluation_id').notNull(),
    result: text('result', { enum: ['COMPLIANT', 'SOFT_WARNING', 'HARD_STOP'] }).notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('policy_facts_org_idx').on(t.orgId, t.evaluatedAt)],
);

/** Seat holds: each event fills its own columns, so arrival order does not matter. */
export const holdFacts = analytics.table(
  'hold_facts',
  {
    holdId: uuid('hold_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    bookingId: uuid('booking_id'),
  },
  (t) => [index('hold_facts_org_idx').on(t.orgId, t.createdAt)],
);

/** Payments: authorized and failed fill separate columns; the later one decides the outcome. */
export const paymentFacts = analytics.table(
  'payment_facts',
  {
    paymentId: uuid('payment_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    currency: text('currency'),
    authorizedAt: timestamp('authorized_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [index('payment_facts_org_idx').on(t.orgId, t.authorizedAt)],
);

/** A segment as booking.confirmed and booking.segment_changed carry it. */
export interface AdjustedSegment {
  kind: string;
  supplier: string;
  origin: string | null;
  destination: string | null;
  cabin: string | null;
  departAt: string | null;
  arriveAt?: string | null;
  amount?: number | null;
}

export const ADJUSTMENT_KINDS = ['refund', 'change'] as const;

/**
 * Money that moved on a booking after its confirm: a refund (payment.refunded,
 * keyed by the refund id so a refund published twice counts once) or a paid
 * segment change (booking.segment_changed, keyed by the event id). Amounts are
 * as the event states them: a refund positive, a change's difference signed.
 * booking_facts carries their sums, recomputed from these rows on every event,
 * so the order events arrive in never matters.
 */
export const bookingAdjustments = analytics.table(
  'booking_adjustments',
  {
    adjustmentId: text('adjustment_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    kind: text('kind', { enum: ADJUSTMENT_KINDS }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** A change's segment position and new content (booking.confirmed's segment shape); null for refunds and older changes. */
    position: integer('position'),
    segment: jsonb('segment').$type<AdjustedSegment>(),
  },
  (t) => [index('booking_adjustments_booking_idx').on(t.bookingId), index('booking_adjustments_org_idx').on(t.orgId, t.kind, t.occurredAt)],
);

/**
 * Flight searches as inventory reports them in buffered batches
 * (inventory.search.performed): one row per route of a batch, with how many
 * searches it stands for.
 */
export const searchFacts = analytics.table(
  'search_facts',
  {
    eventId: uuid('event_id').notNull(),
    position: integer('position').notNull(),
    orgId: uuid('org_id').notNull(),
    origin: text('origin').notNull(),
    destination: text('destination').notNull(),
    searches: integer('searches').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.position] }), index('search_facts_org_idx').on(t.orgId, t.occurredAt)],
);

/**
 * The fare finance expects to pay for a route and cabin (a market or
 * negotiated benchmark). Not a projection: set by setBenchmarkFare, so a
 * rebuild leaves it alone; savings are computed against it when read.
 */
export const benchmarkFares = analytics.table(
  'benchmark_fares',
  {
    orgId: uuid('org_id').notNull(),
    origin: text('origin').notNull(),
    destination: text('destination').notNull(),
    cabin: text('cabin').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedById: uuid('updated_by_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.origin, t.destination, t.cabin] }), check('benchmark_fares_amount_nonnegative', sql`${t.amountMinor} >= 0`)],
);

export type BenchmarkFareRow = typeof benchmarkFares.$inferSelect;

export const BUDGET_PERIODS = ['month', 'year'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/**
 * Spending limits finance sets per department and period. Not a projection:
 * set by the setDepartmentBudget mutation, so a rebuild leaves it alone.
 */
export const departmentBudgets = analytics.table(
  'department_budgets',
  {
    orgId: uuid('org_id').notNull(),
    department: text('department').notNull(),
    period: text('period', { enum: BUDGET_PERIODS }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedById: uuid('updated_by_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.department, t.period] }), check('department_budgets_amount_nonnegative', sql`${t.amountMinor} >= 0`)],
);

export type DepartmentBudgetRow = typeof departmentBudgets.$inferSelect;

export const outbox = outboxTable(analytics);
export const inbox = inboxTable(analytics);

export type BookingFactRow = typeof bookingFacts.$inferSelect;
