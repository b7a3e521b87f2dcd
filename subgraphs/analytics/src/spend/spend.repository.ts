import type { Executor } from '@travel/platform';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { bookingAdjustments, bookingFacts } from '../db/schema.js';

export interface ConfirmedFact {
  bookingId: string;
  orgId: string;
  travelerId: string;
  department: string | null;
  amountMinor: number;
  currency: string;
  occurredAt: Date;
  trip: TripShape;
}

/** What a confirm's segments say about the trip as a whole. */
export interface TripShape {
  firstDepartAt: Date | null;
  lastDepartAt: Date | null;
  lastArriveAt: Date | null;
  destination: string | null;
  segmentCount: number;
  co2eGrams: number;
  distanceKm: number;
  flightCount: number;
  flightsWithoutDistance: number;
  economySegments: number;
  premiumEconomySegments: number;
  businessSegments: number;
  firstSegments: number;
}

export interface CanceledFact {
  bookingId: string;
  orgId: string;
  travelerId: string;
  department: string | null;
  occurredAt: Date;
}

/** Aggregates of one organization's facts in one currency (null currency: canceled before any confirm arrived). */
export interface SpendGroup {
  orgId: string;
  currency: string | null;
  confirmed: number;
  canceled: number;
  /** Sum of confirmed amounts; null when the group has no confirmed booking. */
  totalMinor: bigint | null;
  /** Confirmed total divided by confirmed count, rounded half up; null with no confirmed booking. */
  averageMinor: bigint | null;
}

/** In the upserts, `t` columns are the row already stored and `excluded` the row the event proposes. */
const t = bookingFacts;
const isConfirmed = sql`${t.status} = 'confirmed'`;

export class SpendRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The event with the later occurredAt decides the status; on a tie the
   * cancel wins (canceled is terminal in booking's state machine). A confirm
   * always fills in amount, currency and traveler when they are missing or
   * older, so a late confirm completes a fact its cancel created first.
   * The update only touches a fact of the same organization.
   */
  async recordConfirmed(fact: ConfirmedFact, db: Executor = this.db): Promise<void> {
    const newerConfirm = sql`(${t.confirmedAt} is null or excluded.confirmed_at >= ${t.confirmedAt})`;
    await db
      .insert(t)
      .values({
        bookingId: fact.bookingId,
        orgId: fact.orgId,
        travelerId: fact.travelerId,
        department: fact.department,
        amountMinor: fact.amountMinor,
        currency: fact.currency,
        status: 'confirmed',
        confirmedAt: fact.occurredAt,
        lastEventAt: fact.occurredAt,
        ...fact.trip,
      })
      .onConflictDoUpdate({
        target: t.bookingId,
        set: {
          firstDepartAt: sql`case when ${newerConfirm} then excluded.first_depart_at else ${t.firstDepartAt} end`,
          lastDepartAt: sql`case when ${newerConfirm} then excluded.last_depart_at else ${t.lastDepartAt} end`,
          lastArriveAt: sql`case when ${newerConfirm} then excluded.last_arrive_at else ${t.lastArriveAt} end`,
          department: sql`case when ${newerConfirm} then coalesce(excluded.department, ${t.department}) else coalesce(${t.department}, excluded.department) end`,
          destination: sql`case when ${newerConfirm} then excluded.destination else ${t.destination} end`,
          segmentCount: sql`case when ${newerConfirm} then excluded.segment_count else ${t.segmentCount} end`,
          co2eGrams: sql`case when ${newerConfirm} then excluded.co2e_grams else ${t.co2eGrams} end`,
          distanceKm: sql`case when ${newerConfirm} then excluded.distance_km else ${t.distanceKm} end`,
          flightsWithoutDistance: sql`case when ${newerConfirm} then excluded.flights_without_distance else ${t.flightsWithoutDistance} end`,
          flightCount: sql`case when ${newerConfirm} then excluded.flight_count else ${t.flightCount} end`,
          economySegments: sql`case when ${newerConfirm} then excluded.economy_segments else ${t.economySegments} end`,
          premiumEconomySegments: sql`case when ${newerConfirm} then excluded.premium_economy_segments else ${t.premiumEconomySegments} end`,
          businessSegments: sql`case when ${newerConfirm} then excluded.business_segments else ${t.businessSegments} end`,
          firstSegments: sql`case when ${newerConfirm} then excluded.first_segments else ${t.firstSegments} end`,
          travelerId: sql`case when ${newerConfirm} then excluded.traveler_id else ${t.travelerId} end`,
          amountMinor: sql`case when ${newerConfirm} then excluded.amount_minor else ${t.amountMinor} end`,
          currency: sql`case when ${newerConfirm} then excluded.currency else ${t.currency} end`,
          status: sql`case when excluded.last_event_at > ${t.lastEventAt} then 'confirmed' else ${t.status} end`,
          confirmedAt: sql`greatest(${t.confirmedAt}, excluded.confirmed_at)`,
          lastEventAt: sql`greatest(${t.lastEventAt}, excluded.last_event_at)`,
        },
        setWhere: sql`${t.orgId} = excluded.org_id`,
      });
  }

  /**
   * Sets the booking's refund and change sums from its adjustment rows. Run
   * after every event that touches either side, so a refund that arrives
   * before its booking's confirm still lands on the fact the confirm creates.
   */
  async refreshAdjustments(orgId: string, bookingId: string, db: Executor = this.db): Promise<void> {
    const a = bookingAdjustments;
    const sumOf = (kind: 'refund' | 'change') =>
      sql`coalesce((select sum(${a.amountMinor}) from ${a} where ${a.bookingId} = ${bookingId} and ${a.orgId} = ${orgId} and ${a.kind} = ${kind}), 0)`;
    await db
      .update(t)
      .set({ refundedMinor: sql`${sumOf('refund')}`, changedMinor: sql`${sumOf('change')}` })
      .where(and(eq(t.bookingId, bookingId), eq(t.orgId, orgId)));
  }

  /** Replaces the trip shape of a booking (after a change moved a segment); leaves amount and status alone. */
  async updateTrip(orgId: string, bookingId: string, trip: TripShape, db: Executor = this.db): Promise<void> {
    await db
      .update(t)
      .set(trip)
      .where(and(eq(t.bookingId, bookingId), eq(t.orgId, orgId)));
  }

  /** Same ordering rule as {@link recordConfirmed}; a cancel never touches the amount. */
  async recordCanceled(fact: CanceledFact, db: Executor = this.db): Promise<void> {
    await db
      .insert(t)
      .values({
        bookingId: fact.bookingId,
        orgId: fact.orgId,
        travelerId: fact.travelerId,
        department: fact.department,
        status: 'canceled',
        canceledAt: fact.occurredAt,
        lastEventAt: fact.occurredAt,
      })
      .onConflictDoUpdate({
        target: t.bookingId,
        set: {
          // Both events carry the draft's snapshot, so either may fill a department the other left empty.
          department: sql`coalesce(${t.department}, excluded.department)`,
          status: sql`case when excluded.last_event_at >= ${t.lastEventAt} then 'canceled' else ${t.status} end`,
          canceledAt: sql`greatest(${t.canceledAt}, excluded.canceled_at)`,
          lastEventAt: sql`greatest(${t.lastEventAt}, excluded.last_event_at)`,
        },
        setWhere: sql`${t.orgId} = excluded.org_id`,
      });
  }

  /**
   * Spend aggregates of several organizations in one query. Sums run in SQL
   * over bigint (numeric results, exact) and travel as text, so nothing
   * passes through a float. The average is floor((2·sum + n) / 2n), which
   * is the quotient rounded half up for the non-negative amounts stored.
   */
  async spendByOrganizations(orgIds: readonly string[]): Promise<SpendGroup[]> {
    if (orgIds.length === 0) return [];
    // Net of refunds and paid changes; a canceled booking adds the fee it kept (see reports.repository.ts).
    const net = sql`(${t.amountMinor} + ${t.changedMinor} - ${t.refundedMinor})`;
    const total = sql`sum(${net}) filter (where ${isConfirmed} or (${t.refundedMinor} > 0 and ${net} > 0))`;
    const confirmed = sql`count(*) filter (where ${isConfirmed})`;
    const rows = await this.db
      .select({
        orgId: t.orgId,
        currency: t.currency,
        confirmed: sql<number>`${confirmed}::int`,
        canceled: sql<number>`(count(*) filter (where ${t.status} = 'canceled'))::int`,
        total: sql<string | null>`(${total})::text`,
        average: sql<string | null>`div(2 * coalesce(${total}, 0) + ${confirmed}, nullif(2 * ${confirmed}, 0))::text`,
      })
      .from(t)
      .where(inArray(t.orgId, [...orgIds]))
      .groupBy(t.orgId, t.currency);
    return rows.map((r) => ({
      orgId: r.orgId,
      currency: r.currency,
      confirmed: Number(r.confirmed),
      canceled: Number(r.canceled),
      totalMinor: r.total === null ? null : BigInt(r.total),
      averageMinor: r.average === null ? null : BigInt(r.average),
    }));
  }
}
