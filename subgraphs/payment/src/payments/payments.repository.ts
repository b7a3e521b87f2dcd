import { alignByKey, type Executor } from '@travel/platform';
import { and, asc, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { payments, refunds, type NewPayment, type NewRefund, type PaymentRow, type RefundRow } from '../db/schema.js';

/** Statuses of a payment that holds or held money: at most one per booking (payments_booking_live_idx). */
export const LIVE_STATUSES = ['authorized', 'captured', 'refunded'] as const;

/** Sort key of the payments list: created_at (ISO), then id, both descending. */
export type PaymentCursor = [createdAt: string, id: string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from clients and other subgraphs; one that is not a uuid cannot match and must not reach Postgres as a cast error. */
function uuidsOnly(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

export class PaymentsRepository {
  constructor(private readonly db: Executor) {}

  /** Payments of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[]): Promise<PaymentRow[]> {
    const valid = uuidsOnly(ids);
    if (valid.length === 0) return [];
    return this.db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, orgId), inArray(payments.id, valid)));
  }

  /** The newest payment of each booking, aligned with `bookingIds` (null where a booking has none in this organization). */
  async findLatestByBookingIds(orgId: string, bookingIds: readonly string[]): Promise<(PaymentRow | null)[]> {
    const valid = uuidsOnly(bookingIds);
    if (valid.length === 0) return bookingIds.map(() => null);
    const rows = await this.db
      .selectDistinctOn([payments.bookingId])
      .from(payments)
      .where(and(eq(payments.orgId, orgId), inArray(payments.bookingId, valid)))
      .orderBy(payments.bookingId, desc(payments.createdAt), desc(payments.id));
    return alignByKey(bookingIds, rows, (r) => r.bookingId);
  }

  /** Not tenant-scoped: idempotency keys are unique across the platform, as on one Stripe account. */
  async findByIdempotencyKey(idempotencyKey: string, db: Executor = this.db): Promise<PaymentRow | undefined> {
    const [row] = await db.select().from(payments).where(eq(payments.idempotencyKey, idempotencyKey));
    return row;
  }

  async listByOrganization(orgId: string, limit: number, after: PaymentCursor | null): Promise<PaymentRow[]> {
    const afterClause = after
      ? or(lt(payments.createdAt, new Date(after[0])), and(eq(payments.createdAt, new Date(after[0])), lt(payments.id, after[1])))
      : undefined;
    return this.db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, orgId), afterClause))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(limit + 1);
  }

  async countByOrganization(orgId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(payments).where(eq(payments.orgId, orgId));
    return row?.n ?? 0;
  }

  /**
   * Serializes everything that moves a booking's money (authorize, capture,
   * refund) until the transaction ends, so concurrent events for one booking
   * see each other's writes instead of racing past the checks.
   */
  async lockBooking(bookingId: string, db: Executor): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`payment:booking:${bookingId}`}, 0))`);
  }

  /** The booking's payment that holds or held money, locked for the rest of the transaction. */
  async findLiveByBooking(orgId: string, bookingId: string, db: Executor): Promise<PaymentRow | undefined> {
    const [row] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, orgId), eq(payments.bookingId, bookingId), inArray(payments.status, [...LIVE_STATUSES])))
      .for('update');
    return row;
  }

  /** Webhooks know the provider's id only; the organization comes from the row found. Locked for the transaction. */
  async findByProviderPaymentId(providerPaymentId: string, db: Executor): Promise<PaymentRow | undefined> {
    const [row] = await db.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId)).orderBy(desc(payments.createdAt)).limit(1).for('update');
    return row;
  }

  async update(id: string, patch: Partial<NewPayment>, db: Executor): Promise<PaymentRow> {
    const [row] = await db.update(payments).set(patch).where(eq(payments.id, id)).returning();
    if (!row) throw new Error(`payment ${id} vanished inside its own transaction`);
    return row;
  }

  async findRefundByQuote(orgId: string, quoteId: string, db: Executor = this.db): Promise<RefundRow | undefined> {
    const [row] = await db.select().from(refunds).where(and(eq(refunds.orgId, orgId), eq(refunds.quoteId, quoteId)));
    return row;
  }

  async insertRefund(values: NewRefund, db: Executor): Promise<RefundRow> {
    const [row] = await db.insert(refunds).values(values).returning();
    if (!row) throw new Error('refund insert returned nothing');
    return row;
  }

  /** Refunds of each payment, oldest first, aligned with `paymentIds`; scoped to the organization. */
  async refundsByPaymentIds(orgId: string, paymentIds: readonly string[]): Promise<RefundRow[][]> {
    const valid = uuidsOnly(paymentIds);
    const rows = valid.length
      ? await this.db
          .select()
          .from(refunds)
          .where(and(eq(refunds.orgId, orgId), inArray(refunds.paymentId, valid)))
          .orderBy(asc(refunds.createdAt), asc(refunds.id))
      : [];
    return paymentIds.map((id) => rows.filter((r) => r.paymentId === id));
  }

  /** Inserts unless the idempotency key is taken; undefined means a concurrent delivery recorded this payment first. */
  async insertOnce(values: NewPayment, db: Executor = this.db): Promise<PaymentRow | undefined> {
    const [row] = await db.insert(payments).values(values).onConflictDoNothing({ target: payments.idempotencyKey }).returning();
    return row;
  }
}

export function isPaymentCursor(value: unknown): value is PaymentCursor {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    !Number.isNaN(Date.parse(value[0])) &&
    typeof value[1] === 'string' &&
    UUID.test(value[1])
  );
}
