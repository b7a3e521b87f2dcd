import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BOOKING_STATUSES } from '../bookings/booking-state-machine.js';
import { CANCELLATION_POLICIES } from '../bookings/cancellation-policy.js';
import type { TravelerDetails } from '../bookings/traveler-details.js';

export const booking = pgSchema('booking');

export { BOOKING_STATUSES };
export const SEGMENT_KINDS = ['flight', 'hotel', 'car', 'package'] as const;
/**
 * What booking keeps of each organization's settings, projected from
 * customer.organization.settings_changed: decisions taken while handling an
 * event (rebook a disrupted trip by itself?) read them in their own
 * transaction instead of asking customer.
 */
export const organizationSettings = booking.table('organization_settings', {
  orgId: uuid('org_id').primaryKey(),
  autoRebook: boolean('auto_rebook').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export type SegmentKind = (typeof SEGMENT_KINDS)[number];
/** Same values as inventory's Cabin enum; stored lower case like every enum. */
export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];
export { CANCELLATION_POLICIES };

export const bookings = booking.table(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    travelerId: uuid('traveler_id').notNull(),
    bookedById: uuid('booked_by_id').notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    tripPurpose: text('trip_purpose'),
    /** The traveler's department read from customer when the draft was made, so spend stays with the department it was booked under. */
    travelerDepartment: text('traveler_department'),
    /** Passport, contact and needs of the traveler; validated on the way in, null until given. */
    travelerDetails: jsonb('traveler_details').$type<TravelerDetails>(),
    /** Bumped by every write to the booking or its segments, so a cancellation quote can tell it went stale. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
  },
  (t) => [
    index('bookings_org_created_idx').on(t.orgId, t.createdAt.desc(), t.id),
    index('bookings_org_traveler_created_idx').on(t.orgId, t.travelerId, t.createdAt.desc(), t.id),
  ],
);

/**
 * What was bought, copied from inventory when the draft was made, so the
 * booking still says what it was after the hold or the fare is gone. Ids of
 * other subgraphs' records are text: their format is theirs to choose.
 */
export const segments = booking.table(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    orgId: uuid('org_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: SEGMENT_KINDS }).notNull(),
    holdId: text('hold_id'),
    flightId: text('flight_id'),
    seatId: text('seat_id'),
    cabin: text('cabin', { enum: CABINS }),
    origin: text('origin'),
    destination: text('destination'),
    carrier: text('carrier'),
    flightNumber: text('flight_number'),
    departAt: timestamp('depart_at', { withTimezone: true }),
    arriveAt: timestamp('arrive_at', { withTimezone: true }),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** Hotel or package id for those kinds (flights use flight_id). */
    productId: text('product_id'),
    /** Who provides the service: airline, hotel, car rental company, tour operator. */
    supplier: text('supplier'),
    /** What the service is in words (hotel name, car class, package title). */
    description: text('description'),
    /** Supplier's booking reference, when the client has one (car rentals). */
    supplierReference: text('supplier_reference'),
    /** The refund rule of this segment, fixed when it was added. */
    cancellationPolicy: text('cancellation_policy', { enum: CANCELLATION_POLICIES }).notNull().default('standard'),
  },
  (t) => [
    uniqueIndex('segments_booking_position_idx').on(t.bookingId, t.position),
    // A hold pays for one seat once: two bookings on the same hold would sell the seat twice.
    uniqueIndex('segments_hold_idx').on(t.holdId).where(sql`${t.holdId} is not null`),
    // A flight's disruption looks up every booking on it.
    index('segments_flight_idx').on(t.flightId).where(sql`${t.flightId} is not null`),
  ],
);

/**
 * The audit trail: one row per status change, written with the change.
 * `sequence` orders the steps of one booking (timestamps can tie) and its
 * unique index makes two concurrent writers of the same step collide.
 */
export const bookingTransitions = booking.table(
  'booking_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    orgId: uuid('org_id').notNull(),
    sequence: integer('sequence').notNull(),
    fromStatus: text('from_status', { enum: BOOKING_STATUSES }),
    toStatus: text('to_status', { enum: BOOKING_STATUSES }).notNull(),
    /** Who caused the change; null when the system did (events from payment, sweepers). */
    actorId: uuid('actor_id'),
    reason: text('reason'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('booking_transitions_booking_sequence_idx').on(t.bookingId, t.sequence)],
);

/** One row per (organization, operation, client key): the first request's fingerprint and its booking. */
export const idempotencyKeys = booking.table(
  'idempotency_keys',
  {
    orgId: uuid('org_id').notNull(),
    operation: text('operation').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.operation, t.key] })],
);

/**
 * A priced offer to cancel a booking. It is valid until `expires_at` and only
 * for the booking `version` it was computed on; `used_at` is set by the
 * cancellation that applied it.
 */
export const cancellationQuotes = booking.table(
  'cancellation_quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    orgId: uuid('org_id').notNull(),
    bookingVersion: integer('booking_version').notNull(),
    refundMinor: bigint('refund_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    lines: jsonb('lines').$type<QuoteLine[]>().notNull(),
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('cancellation_quotes_booking_idx').on(t.bookingId)],
);

/** One segment's refund in a quote. */
export interface QuoteLine {
  segmentId: string;
  policy: (typeof CANCELLATION_POLICIES)[number];
  priceMinor: number;
  refundBasisPoints: number;
  refundMinor: number;
  /** Seconds from the quote to the segment's start; negative once it started. */
  secondsBeforeStart: number | null;
}

/**
 * The audit of segment swaps (another seat, another date): who, when, what
 * was replaced by what, and the price difference. Status changes are in
 * booking_transitions; a swap does not change the status.
 */
export const segmentChanges = booking.table(
  'segment_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    orgId: uuid('org_id').notNull(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id),
    oldHoldId: text('old_hold_id'),
    newHoldId: text('new_hold_id').notNull(),
    oldPriceMinor: bigint('old_price_minor', { mode: 'number' }).notNull(),
    newPriceMinor: bigint('new_price_minor', { mode: 'number' }).notNull(),
    differenceMinor: bigint('difference_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** The segment as it was before the swap (route, times, seat), for the record. */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('segment_changes_booking_idx').on(t.bookingId, t.occurredAt)],
);

/**
 * What a confirm with a soft policy warning left for later: the payment
 * method to charge once policy grants the approval, and the traveler's reason.
 * The payment method is a token (pm_…), never card data.
 */
export const pendingConfirmations = booking.table(
  'pending_confirmations',
  {
    bookingId: uuid('booking_id')
      .primaryKey()
      .references(() => bookings.id),
    orgId: uuid('org_id').notNull(),
    paymentMethod: text('payment_method').notNull(),
    approvalReason: text('approval_reason').notNull(),
    requestedById: uuid('requested_by_id').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** Set when policy granted or rejected the approval. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('pending_confirmations_org_idx').on(t.orgId)],
);

export const DISRUPTION_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type DisruptionSeverity = (typeof DISRUPTION_SEVERITIES)[number];
export const DISRUPTION_KINDS = ['delayed', 'canceled', 'diverted', 'gate_changed'] as const;
export type DisruptionKind = (typeof DISRUPTION_KINDS)[number];
/** open: waiting for someone; rebooked: a suggestion was accepted; superseded: a later report of the same flight replaced it. */
export const DISRUPTION_STATES = ['open', 'rebooked', 'superseded'] as const;
export type DisruptionState = (typeof DISRUPTION_STATES)[number];

/**
 * What a flight status change did to one booking: one row per booking and
 * report. `previous_status` is the booking's status before the disruption
 * moved it to requires_attention (null when it did not move it), so a
 * rebooking can put it back.
 */
export const disruptions = booking.table(
  'disruptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id),
    flightId: text('flight_id').notNull(),
    flightNumber: text('flight_number').notNull(),
    kind: text('kind', { enum: DISRUPTION_KINDS }).notNull(),
    severity: text('severity', { enum: DISRUPTION_SEVERITIES }).notNull(),
    delayMinutes: integer('delay_minutes'),
    estimatedDepartureAt: timestamp('estimated_departure_at', { withTimezone: true }),
    estimatedArrivalAt: timestamp('estimated_arrival_at', { withTimezone: true }),
    gate: text('gate'),
    divertedTo: text('diverted_to'),
    reason: text('reason'),
    previousStatus: text('previous_status', { enum: BOOKING_STATUSES }),
    state: text('state', { enum: DISRUPTION_STATES }).notNull().default('open'),
    /** The inventory event that reported it. */
    sourceEventId: text('source_event_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedById: uuid('resolved_by_id'),
    /** The suggestion that was accepted, when rebooked. */
    acceptedSuggestionId: uuid('accepted_suggestion_id'),
  },
  (t) => [
    index('disruptions_org_occurred_idx').on(t.orgId, t.occurredAt.desc()),
    index('disruptions_booking_idx').on(t.bookingId, t.occurredAt),
    uniqueIndex('disruptions_event_segment_idx').on(t.sourceEventId, t.segmentId),
  ],
);

/** An alternative flight offered for a disruption, in rank order (1 is best). */
export const rebookingSuggestions = booking.table(
  'rebooking_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disruptionId: uuid('disruption_id')
      .notNull()
      .references(() => disruptions.id),
    orgId: uuid('org_id').notNull(),
    rank: integer('rank').notNull(),
    flightId: text('flight_id').notNull(),
    flightNumber: text('flight_number').notNull(),
    cabin: text('cabin', { enum: CABINS }).notNull(),
    departAt: timestamp('depart_at', { withTimezone: true }).notNull(),
    arriveAt: timestamp('arrive_at', { withTimezone: true }).notNull(),
    stops: integer('stops').notNull(),
    fareMinor: bigint('fare_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** Seats left in the cabin when the suggestion was made. */
    seatsLeft: integer('seats_left').notNull(),
  },
  (t) => [uniqueIndex('rebooking_suggestions_rank_idx').on(t.disruptionId, t.rank)],
);

export const NOTIFICATION_KINDS = ['disruption', 'rebooked'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The in-app inbox. A notification is for one person (`recipient_id`) or for
 * everyone of the organization holding a role (`recipient_role`, e.g. the
 * travel admins); reads are per person in notification_reads either way.
 */
export const notifications = booking.table(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    recipientId: uuid('recipient_id'),
    recipientRole: text('recipient_role'),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    severity: text('severity', { enum: DISRUPTION_SEVERITIES }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bookingId: uuid('booking_id').references(() => bookings.id),
    disruptionId: uuid('disruption_id').references(() => disruptions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_person_idx').on(t.orgId, t.recipientId, t.createdAt.desc()),
    index('notifications_role_idx').on(t.orgId, t.recipientRole, t.createdAt.desc()),
    check('notifications_recipient_check', sql`(${t.recipientId} is null) <> (${t.recipientRole} is null)`),
  ],
);

export const notificationReads = booking.table(
  'notification_reads',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    personId: uuid('person_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.personId] })],
);

export const outbox = outboxTable(booking);
export const inbox = inboxTable(booking);

export type BookingRow = typeof bookings.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
export type TransitionRow = typeof bookingTransitions.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type CancellationQuoteRow = typeof cancellationQuotes.$inferSelect;
export type SegmentChangeRow = typeof segmentChanges.$inferSelect;
export type PendingConfirmationRow = typeof pendingConfirmations.$inferSelect;
export type DisruptionRow = typeof disruptions.$inferSelect;
export type RebookingSuggestionRow = typeof rebookingSuggestions.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
