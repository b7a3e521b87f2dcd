import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { BookingStatus } from './booking-state-machine.js';
import {
  bookings,
  bookingTransitions,
  cancellationQuotes,
  segmentChanges,
  segments,
  type BookingRow,
  type CancellationQuoteRow,
  type SegmentChangeRow,
  type SegmentRow,
  type TransitionRow,
} from '../db/schema.js';
import type { TravelerDetails } from './traveler-details.js';

export type NewBooking = typeof bookings.$inferInsert;
export type NewSegment = typeof segments.$inferInsert;
export type NewTransition = typeof bookingTransitions.$inferInsert;
export type NewQuote = typeof cancellationQuotes.$inferInsert;
export type NewSegmentChange = typeof segmentChanges.$inferInsert;
/** Sort key of booking lists: newest first, then id for ties. */
export type BookingCursor = [createdAt: string, id: string];
export interface BookingFilter {
  status?: BookingStatus | undefined;
  travelerId?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that could be ours; anything else would make PostgreSQL reject the uuid comparison. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export class BookingsRepository {
  constructor(private readonly db: Executor) {}

  /** Bookings of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<BookingRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return db
      .select()
      .from(bookings)
      .where(and(eq(bookings.orgId, orgId), inArray(bookings.id, valid)));
  }

  /**
   * Locks the row until the transaction ends, so status changes of one booking
   * queue up instead of racing. NO KEY UPDATE, not UPDATE: rows inserted with a
   * foreign key to the booking (idempotency keys, transitions) hold KEY SHARE
   * on it, which UPDATE would wait for and deadlock with.
   */
  async lockById(id: string, orgId: string | null, tx: Executor): Promise<BookingRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx
      .select()
      .from(bookings)
      .where(and(eq(bookings.id, id), orgId ? eq(bookings.orgId, orgId) : undefined))
      .for('no key update');
    return row;
  }

  private filterClause(orgId: string, filter: BookingFilter): SQL | undefined {
    return and(
      eq(bookings.orgId, orgId),
      filter.status ? eq(bookings.status, filter.status) : undefined,
      filter.travelerId ? eq(bookings.travelerId, filter.travelerId) : undefined,
    );
  }

  async list(orgId: string, filter: BookingFilter, limit: number, after: BookingCursor | null): Promise<BookingRow[]> {
    const afterClause = after
      ? or(lt(bookings.createdAt, new Date(after[0])), and(eq(bookings.createdAt, new Date(after[0])), gt(bookings.id, after[1])))
      : undefined;
    return this.db
      .select()
      .from(bookings)
      .where(and(this.filterClause(orgId, filter), afterClause))
      .orderBy(desc(bookings.createdAt), asc(bookings.id))
      .limit(limit + 1);
  }

  async count(orgId: string, filter: BookingFilter): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(bookings).where(this.filterClause(orgId, filter));
    return row?.n ?? 0;
  }

  async insert(values: NewBooking, tx: Executor): Promise<BookingRow> {
    const [row] = await tx.insert(bookings).values(values).returning();
    return row!;
  }

  /** Compare-and-set on the status: undefined when the booking was no longer in `from`. */
  async updateStatus(
    id: string,
    from: BookingStatus,
    set: Pick<NewBooking, 'status' | 'updatedAt'> & Partial<Pick<NewBooking, 'confirmedAt' | 'canceledAt'>>,
    tx: Executor,
  ): Promise<BookingRow | undefined> {
    const [row] = await tx
      .update(bookings)
      .set({ ...set, version: sql`${bookings.version} + 1` })
      .where(and(eq(bookings.id, id), eq(bookings.status, from)))
      .returning();
    return row;
  }

  /** Any other change of the booking row; bumps the version like a status change. */
  async update(
    id: string,
    set: Partial<Pick<NewBooking, 'totalMinor' | 'travelerDetails'>> & Pick<NewBooking, 'updatedAt'>,
    tx: Executor,
  ): Promise<BookingRow> {
    const [row] = await tx
      .update(bookings)
      .set({ ...set, version: sql`${bookings.version} + 1` })
      .where(eq(bookings.id, id))
      .returning();
    return row!;
  }

  async setTravelerDetails(id: string, details: TravelerDetails, at: Date, tx: Executor): Promise<BookingRow> {
    return this.update(id, { travelerDetails: details, updatedAt: at }, tx);
  }

  async updateSegment(id: string, set: Partial<NewSegment>, tx: Executor): Promise<SegmentRow> {
    const [row] = await tx.update(segments).set(set).where(eq(segments.id, id)).returning();
    return row!;
  }

  async insertQuote(values: NewQuote, tx: Executor): Promise<CancellationQuoteRow> {
    const [row] = await tx.insert(cancellationQuotes).values(values).returning();
    return row!;
  }

  /**
   * The quote, locked until the transaction ends: two cancellations of one
   * quote queue here, and the second sees the first one's `used_at`.
   */
  async lockQuote(orgId: string, id: string, tx: Executor): Promise<CancellationQuoteRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx
      .select()
      .from(cancellationQuotes)
      .where(and(eq(cancellationQuotes.orgId, orgId), eq(cancellationQuotes.id, id)))
      .for('update');
    return row;
  }

  async markQuoteUsed(id: string, at: Date, tx: Executor): Promise<void> {
    await tx.update(cancellationQuotes).set({ usedAt: at }).where(eq(cancellationQuotes.id, id));
  }

  async insertChange(values: NewSegmentChange, tx: Executor): Promise<SegmentChangeRow> {
    const [row] = await tx.insert(segmentChanges).values(values).returning();
    return row!;
  }

  async changesOf(orgId: string, bookingIds: readonly string[], db: Executor = this.db): Promise<SegmentChangeRow[]> {
    const valid = bookingIds.filter(isUuid);
    if (valid.length === 0) return [];
    return db
      .select()
      .from(segmentChanges)
      .where(and(eq(segmentChanges.orgId, orgId), inArray(segmentChanges.bookingId, valid)))
      .orderBy(asc(segmentChanges.bookingId), asc(segmentChanges.occurredAt), asc(segmentChanges.id));
  }

  async segmentsOf(orgId: string, bookingIds: readonly string[], db: Executor = this.db): Promise<SegmentRow[]> {
    const valid = bookingIds.filter(isUuid);
    if (valid.length === 0) return [];
    return db
      .select()
      .from(segments)
      .where(and(eq(segments.orgId, orgId), inArray(segments.bookingId, valid)))
      .orderBy(asc(segments.bookingId), asc(segments.position));
  }

  async insertSegments(values: NewSegment[], tx: Executor): Promise<SegmentRow[]> {
    if (values.length === 0) return [];
    return tx.insert(segments).values(values).returning();
  }

  /** Holds already used by a booking (in any organization: a hold id names one seat). */
  async usedHoldIds(holdIds: readonly string[], db: Executor = this.db): Promise<string[]> {
    if (holdIds.length === 0) return [];
    const rows = await db
      .select({ holdId: segments.holdId })
      .from(segments)
      .where(inArray(segments.holdId, [...holdIds]));
    return rows.flatMap((r) => (r.holdId ? [r.holdId] : []));
  }

  async transitionsOf(orgId: string, bookingIds: readonly string[], db: Executor = this.db): Promise<TransitionRow[]> {
    const valid = bookingIds.filter(isUuid);
    if (valid.length === 0) return [];
    return db
      .select()
      .from(bookingTransitions)
      .where(and(eq(bookingTransitions.orgId, orgId), inArray(bookingTransitions.bookingId, valid)))
      .orderBy(asc(bookingTransitions.bookingId), asc(bookingTransitions.sequence));
  }

  /** The whole trail of one booking, whatever its organization (replay and audits). */
  async trailOf(bookingId: string, db: Executor = this.db): Promise<TransitionRow[]> {
    if (!isUuid(bookingId)) return [];
    return db.select().from(bookingTransitions).where(eq(bookingTransitions.bookingId, bookingId)).orderBy(asc(bookingTransitions.sequence));
  }

  async nextSequence(bookingId: string, tx: Executor): Promise<number> {
    const [row] = await tx
      .select({ last: sql<number | null>`max(${bookingTransitions.sequence})` })
      .from(bookingTransitions)
      .where(eq(bookingTransitions.bookingId, bookingId));
    return (row?.last ?? 0) + 1;
  }

  async insertTransition(values: NewTransition, tx: Executor): Promise<TransitionRow> {
    const [row] = await tx.insert(bookingTransitions).values(values).returning();
    return row!;
  }
}
