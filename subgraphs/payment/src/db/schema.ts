import { inboxTable, outboxTable } from '@travel/platform';
import { bigint, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const payment = pgSchema('payment');

/**
 * Lifecycle of a payment. `authorized` is Stripe's requires_capture (funds
 * held, capture_method manual); captured/canceled/refunded arrive with the
 * capture and refund flows.
 */
export const PAYMENT_STATUSES = ['requires_action', 'authorized', 'captured', 'canceled', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const payments = payment.table(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    provider: text('provider').notNull(),
    providerPaymentId: text('provider_payment_id'),
    /** A provider PaymentMethod id or a masked card number; a full card number is never stored. */
    paymentMethod: text('payment_method').notNull(),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /** Booking's key for this payment attempt; unique so a redelivered or repeated request cannot charge twice. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Booking.payment: the latest payment of a booking.
    index('payments_org_booking_idx').on(t.orgId, t.bookingId, t.createdAt.desc()),
    // Query.payments: an organization's payments, newest first, keyset-paginated.
    index('payments_org_created_idx').on(t.orgId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const outbox = outboxTable(payment);
export const inbox = inboxTable(payment);

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
