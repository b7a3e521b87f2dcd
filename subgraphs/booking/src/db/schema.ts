import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BOOKING_STATUSES } from '../bookings/booking-state-machine.js';

export const booking = pgSchema('booking');

export { BOOKING_STATUSES };
export const SEGMENT_KINDS = ['flight', 'hotel', 'car', 'package'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];
/** Same values as inventory's Cabin enum; stored lower case like every enum. */
export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];

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
  },
  (t) => [
    uniqueIndex('segments_booking_position_idx').on(t.bookingId, t.position),
    // A hold pays for one seat once: two bookings on the same hold would sell the seat twice.
    uniqueIndex('segments_hold_idx').on(t.holdId).where(sql`${t.holdId} is not null`),
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

export const outbox = outboxTable(booking);
export const inbox = inboxTable(booking);

export type BookingRow = typeof bookings.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
export type TransitionRow = typeof bookingTransitions.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
