import { alignByKey, type Executor } from '@travel/platform';
import { and, count, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { payments, type NewPayment, type PaymentRow } from '../db/schema.js';

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
