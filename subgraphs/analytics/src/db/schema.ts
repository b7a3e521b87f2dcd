import { inboxTable, outboxTable } from '@travel/platform';
import { bigint, check, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  },
  (t) => [
    index('booking_facts_org_idx').on(t.orgId, t.status, t.currency),
    check('booking_facts_amount_nonnegative', sql`${t.amountMinor} >= 0`),
    check('booking_facts_confirmed_has_amount', sql`${t.status} <> 'confirmed' or (${t.amountMinor} is not null and ${t.currency} is not null)`),
  ],
);

export const outbox = outboxTable(analytics);
export const inbox = inboxTable(analytics);

export type BookingFactRow = typeof bookingFacts.$inferSelect;
