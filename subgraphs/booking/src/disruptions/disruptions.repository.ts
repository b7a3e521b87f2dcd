import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { BookingStatus } from '../bookings/booking-state-machine.js';
import { bookings, disruptions, rebookingSuggestions, segments, type BookingRow, type DisruptionRow, type RebookingSuggestionRow, type SegmentRow } from '../db/schema.js';

export type NewDisruption = typeof disruptions.$inferInsert;
export type NewSuggestion = typeof rebookingSuggestions.$inferInsert;
export type DisruptionCursor = [occurredAt: string, id: string];

export class DisruptionsRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Every booking, of any organization, with a segment on the flight, in one
   * of `statuses`. Only the event handler calls this: a flight is public, so
   * its disruption concerns each organization that booked it.
   */
  async bookingsOnFlight(flightId: string, statuses: readonly BookingStatus[], db: Executor = this.db): Promise<{ booking: BookingRow; segment: SegmentRow }[]> {
    return db
      .select({ booking: bookings, segment: segments })
      .from(segments)
      .innerJoin(bookings, eq(bookings.id, segments.bookingId))
      .where(and(eq(segments.flightId, flightId), inArray(bookings.status, [...statuses])))
      .orderBy(asc(bookings.id));
  }

  async insert(values: NewDisruption, db: Executor): Promise<DisruptionRow> {
    const [row] = await db.insert(disruptions).values(values).returning();
    return row!;
  }

  async insertSuggestions(values: NewSuggestion[], db: Executor): Promise<RebookingSuggestionRow[]> {
    if (values.length === 0) return [];
    return db.insert(rebookingSuggestions).values(values).returning();
  }

  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<DisruptionRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(disruptions)
      .where(and(eq(disruptions.orgId, orgId), inArray(disruptions.id, [...ids])));
  }

  async lock(orgId: string, id: string, db: Executor): Promise<DisruptionRow | undefined> {
    const [row] = await db
      .select()
      .from(disruptions)
      .where(and(eq(disruptions.orgId, orgId), eq(disruptions.id, id)))
      .for('update');
    return row;
  }

  /** Open disruptions of a booking segment, so a newer report of the same flight supersedes them. */
  async openOfSegment(segmentId: string, db: Executor): Promise<DisruptionRow[]> {
    return db
      .select()
      .from(disruptions)
      .where(and(eq(disruptions.segmentId, segmentId), eq(disruptions.state, 'open')));
  }

  async update(id: string, set: Partial<NewDisruption>, db: Executor): Promise<DisruptionRow> {
    const [row] = await db.update(disruptions).set(set).where(eq(disruptions.id, id)).returning();
    return row!;
  }

  async ofBookings(orgId: string, bookingIds: readonly string[], db: Executor = this.db): Promise<DisruptionRow[]> {
    if (bookingIds.length === 0) return [];
    return db
      .select()
      .from(disruptions)
      .where(and(eq(disruptions.orgId, orgId), inArray(disruptions.bookingId, [...bookingIds])))
      .orderBy(asc(disruptions.occurredAt), asc(disruptions.id));
  }

  /** The organization's disruptions, newest first; `openOnly` leaves out rebooked and superseded ones. */
  async list(orgId: string, openOnly: boolean, limit: number, after: DisruptionCursor | null, travelerId?: string): Promise<DisruptionRow[]> {
    const conditions: (SQL | undefined)[] = [eq(disruptions.orgId, orgId)];
    if (openOnly) conditions.push(eq(disruptions.state, 'open'));
    if (travelerId) conditions.push(inArray(disruptions.bookingId, this.db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.orgId, orgId), eq(bookings.travelerId, travelerId)))));
    if (after) {
      const at = new Date(after[0]);
      conditions.push(or(lt(disruptions.occurredAt, at), and(eq(disruptions.occurredAt, at), lt(disruptions.id, after[1]))));
    }
    return this.db
      .select()
      .from(disruptions)
      .where(and(...conditions))
      .orderBy(desc(disruptions.occurredAt), desc(disruptions.id))
      .limit(limit + 1);
  }

  /** Distinct travelers of the organization with a live booking on each flight. */
  async travelersOnFlights(orgId: string, flightIds: readonly string[], statuses: readonly BookingStatus[], db: Executor = this.db): Promise<{ flightId: string; travelerId: string }[]> {
    if (flightIds.length === 0) return [];
    const rows = await db
      .selectDistinct({ flightId: segments.flightId, travelerId: bookings.travelerId })
      .from(segments)
      .innerJoin(bookings, eq(bookings.id, segments.bookingId))
      .where(and(eq(segments.orgId, orgId), inArray(segments.flightId, [...flightIds]), inArray(bookings.status, [...statuses])))
      .orderBy(asc(bookings.travelerId));
    return rows.flatMap((r) => (r.flightId ? [{ flightId: r.flightId, travelerId: r.travelerId }] : []));
  }

  async suggestionsOf(orgId: string, disruptionIds: readonly string[], db: Executor = this.db): Promise<RebookingSuggestionRow[]> {
    if (disruptionIds.length === 0) return [];
    return db
      .select()
      .from(rebookingSuggestions)
      .where(and(eq(rebookingSuggestions.orgId, orgId), inArray(rebookingSuggestions.disruptionId, [...disruptionIds])))
      .orderBy(asc(rebookingSuggestions.rank));
  }
}
