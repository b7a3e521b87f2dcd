import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** What was collected; a partial capture leaves it below amount_minor. */
    capturedMinor: bigint('captured_minor', { mode: 'number' }).notNull().default(0),
    /** Sum of succeeded refunds; a check constraint keeps it at or below captured_minor. */
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    capturedAt: timestamp('captured_at', { withTimezone: true }),
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
    // One live authorization per booking, whatever idempotency keys arrive: the backstop behind the per-booking lock. requires_action is left out because it is announced as failed, so booking may try again.
    uniqueIndex('payments_booking_live_idx')
      .on(t.bookingId)
      .where(sql`status in ('authorized', 'captured', 'refunded')`),
    // Webhooks find the payment by the provider's PaymentIntent id.
    index('payments_provider_payment_idx').on(t.providerPaymentId),
    // The last line of "never refund more than captured, never capture more than authorized", whatever the code above does.
    check('payments_amounts_ck', sql`${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.capturedMinor} and ${t.capturedMinor} <= ${t.amountMinor}`),
  ],
);

export const REFUND_STATUSES = ['succeeded', 'pending', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** One row per refund quote booking asked for, refused ones included, so a quote is answered once. */
export const refunds = payment.table(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    /** Null when the booking had no captured payment to refund. */
    paymentId: uuid('payment_id'),
    quoteId: text('quote_id').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    providerRefundId: text('provider_refund_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refunds_org_quote_idx').on(t.orgId, t.quoteId), index('refunds_payment_idx').on(t.paymentId, t.createdAt)],
);

/** Stripe webhook events by their evt_ id: the insert is the "handled once" guard and the audit of what Stripe told us. */
export const webhookEvents = payment.table('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** When Stripe created the event (its `created`), which says nothing about delivery order. */
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  /** What the handler did: applied, ignored (stale or unknown object), or unsupported type. */
  outcome: text('outcome').notNull(),
  payload: jsonb('payload').notNull(),
});

export const CARD_STATUSES = ['active', 'canceled'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/** A single-use virtual card per booking; spend is tracked here, so the limit holds even while Stripe's own counters lag. */
export const virtualCards = payment.table(
  'virtual_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull().unique(),
    provider: text('provider').notNull(),
    providerCardId: text('provider_card_id').notNull().unique(),
    /** The only digits ever stored: the full number stays with the issuer. */
    last4: text('last4').notNull(),
    expMonth: integer('exp_month').notNull(),
    expYear: integer('exp_year').notNull(),
    limitMinor: bigint('limit_minor', { mode: 'number' }).notNull(),
    spentMinor: bigint('spent_minor', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    /** Platform categories (airlines, hotels, car_rental), mapped to the issuer's merchant categories by the gateway. */
    allowedCategories: text('allowed_categories').array().notNull(),
    status: text('status', { enum: CARD_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('virtual_cards_spend_ck', sql`${t.spentMinor} >= 0 and ${t.spentMinor} <= ${t.limitMinor}`)],
);

/** Every authorization request a card saw, approved or not, by the issuer's authorization id. */
export const cardTransactions = payment.table(
  'card_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    cardId: uuid('card_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    providerAuthorizationId: text('provider_authorization_id').notNull().unique(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    merchantName: text('merchant_name'),
    /** The issuer's merchant category (Stripe Issuing's `merchant_data.category`). */
    merchantCategory: text('merchant_category').notNull(),
    approved: boolean('approved').notNull(),
    declineReason: text('decline_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('card_transactions_card_idx').on(t.cardId, t.createdAt)],
);

export const FLAG_KINDS = ['amount_mismatch', 'unknown_merchant', 'unusual_category', 'late_capture'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_STATUSES = ['open', 'resolved'] as const;
export const FLAG_SUBJECTS = ['payment', 'refund', 'card_transaction'] as const;

/** Discrepancies found while matching money movements to bookings, for finance to review and resolve. */
export const reconciliationFlags = payment.table(
  'reconciliation_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    subjectType: text('subject_type', { enum: FLAG_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind', { enum: FLAG_KINDS }).notNull(),
    detail: text('detail').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: FLAG_STATUSES }).notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    // The same discrepancy found twice (a redelivered event) is one flag.
    uniqueIndex('reconciliation_flags_subject_kind_idx').on(t.subjectId, t.kind),
    index('reconciliation_flags_org_status_idx').on(t.orgId, t.status, t.createdAt.desc(), t.id.desc()),
  ],
);

export const outbox = outboxTable(payment);
export const inbox = inboxTable(payment);

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type RefundRow = typeof refunds.$inferSelect;
export type NewRefund = typeof refunds.$inferInsert;
export type VirtualCardRow = typeof virtualCards.$inferSelect;
export type CardTransactionRow = typeof cardTransactions.$inferSelect;
export type FlagRow = typeof reconciliationFlags.$inferSelect;
export type NewFlag = typeof reconciliationFlags.$inferInsert;
