import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { bookingAdjustments, bookingFacts, holdFacts, paymentFacts, policyFacts, searchFacts, segmentFacts } from '../db/schema.js';

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** A half-open UTC interval [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

export interface MoneyRow {
  currency: string;
  totalMinor: bigint;
  bookings: number;
}

export interface PeriodMoneyRow extends MoneyRow {
  periodStart: Date;
}

export interface KeyedMoneyRow extends MoneyRow {
  key: string;
}

export interface SegmentGroupRow {
  key: string;
  segments: number;
  bookings: number;
}

export interface EmissionTotals {
  co2eGrams: bigint;
  distanceKm: bigint;
  flights: number;
  flightsWithoutDistance: number;
}

export interface BookingExportRow {
  bookingId: string;
  travelerId: string;
  status: string;
  confirmedAt: Date | null;
  canceledAt: Date | null;
  amountMinor: number | null;
  currency: string | null;
  destination: string | null;
  segmentCount: number;
  co2eGrams: number;
  distanceKm: number;
  flightsWithoutDistance: number;
}

const b = bookingFacts;
const s = segmentFacts;
const confirmed = sql`${b.status} = 'confirmed'`;
/**
 * What a booking cost: its confirmed amount, plus the price differences of
 * changes made after payment, minus what was refunded. A canceled booking
 * costs the fee it kept (amount minus refunds) once a refund is recorded,
 * and nothing before (a cancel carries no amount).
 */
const net = sql`(${b.amountMinor} + ${b.changedMinor} - ${b.refundedMinor})`;
const spent = sql`(${confirmed} or (${b.refundedMinor} > 0 and ${net} > 0))`;
/** Money figures sum every booking that cost something, but count only bookings still confirmed. */
const confirmedCount = sql<number>`(count(*) filter (where ${confirmed}))::int`;
/** The UTC period a timestamp falls in: the session time zone never enters the figure. */
/**
 * The period is inlined rather than bound: select list and GROUP BY must be
 * the same expression, and two bound parameters are not. It is one of
 * PERIODS (checked here), never caller text.
 */
const periodOf = (period: Period, column: AnyPgColumn) => {
  if (!PERIODS.includes(period)) throw new Error(`unknown period ${period}`);
  return sql`(date_trunc('${sql.raw(period)}', ${column} at time zone 'UTC') at time zone 'UTC')`;
};
const inRange = (column: AnyPgColumn, r: Range) => and(gte(column, r.from), lt(column, r.to));
const big = (v: string | null) => BigInt(v ?? '0');

/**
 * All reads of the analytics figures. Every query filters by org_id first;
 * sums run in SQL over bigint and come back as text, so no figure passes
 * through a float.
 */
export class ReportsRepository {
  constructor(private readonly db: Executor) {}

  /** Confirmed (not canceled) bookings by the UTC period of their confirmation, per currency. */
  async spendByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoneyRow[]> {
    const start = periodOf(period, b.confirmedAt);
    const rows = await this.db
      .select({
        periodStart: sql<string>`to_char(${start}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        currency: sql<string>`${b.currency}`,
        bookings: confirmedCount,
        total: sql<string>`sum(${net})::text`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), spent, inRange(b.confirmedAt, r)))
      .groupBy(start, b.currency)
      .orderBy(start, b.currency);
    return rows.map((x) => ({ periodStart: new Date(x.periodStart), currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total) }));
  }

  /** Confirmed spend per traveler and currency, largest first. */
  async spendByTraveler(orgId: string, r: Range): Promise<KeyedMoneyRow[]> {
    const total = sql`sum(${net})`;
    const rows = await this.db
      .select({ key: sql<string>`${b.travelerId}::text`, currency: sql<string>`${b.currency}`, bookings: confirmedCount, total: sql<string>`${total}::text` })
      .from(b)
      .where(and(eq(b.orgId, orgId), spent, inRange(b.confirmedAt, r)))
      .groupBy(b.travelerId, b.currency)
      .orderBy(desc(total), asc(b.travelerId), asc(b.currency));
    return rows.map((x) => ({ key: x.key, currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total) }));
  }

  /**
   * Spend per value of a segment attribute (supplier or kind), exact from
   * each segment's own price. Confirms published before segments carried a
   * price fall back to the old rule: the booking's total goes to a value
   * only when all its segments share it (mixed ones add to no value's
   * spend). `segments` and `bookings` count every segment either way.
   */
  async spendBySegment(orgId: string, attribute: 'supplier' | 'kind', r: Range): Promise<{ spend: KeyedMoneyRow[]; counts: SegmentGroupRow[] }> {
    const col = attribute === 'supplier' ? s.supplier : s.kind;
    const scope = and(eq(s.orgId, orgId), eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r));
    const legacy = this.db
      .select({ bookingId: s.bookingId, key: sql<string>`min(${col})`.as('key') })
      .from(s)
      .innerJoin(b, eq(b.bookingId, s.bookingId))
      .where(scope)
      .groupBy(s.bookingId)
      .having(sql`count(distinct ${col}) = 1 and count(${s.amountMinor}) = 0`)
      .as('legacy');
    const [priced, unpriced, counts] = await Promise.all([
      this.db
        .select({ key: sql<string>`${col}`, currency: sql<string>`${b.currency}`, bookings: sql<number>`count(distinct ${s.bookingId})::int`, total: sql<string>`sum(${s.amountMinor})::text` })
        .from(s)
        .innerJoin(b, eq(b.bookingId, s.bookingId))
        .where(and(scope, isNotNull(s.amountMinor)))
        .groupBy(col, b.currency),
      this.db
        .select({ key: legacy.key, currency: sql<string>`${b.currency}`, bookings: sql<number>`count(*)::int`, total: sql<string>`sum(${b.amountMinor})::text` })
        .from(legacy)
        .innerJoin(b, eq(b.bookingId, legacy.bookingId))
        .groupBy(legacy.key, b.currency),
      this.db
        .select({ key: sql<string>`${col}`, segments: sql<number>`count(*)::int`, bookings: sql<number>`count(distinct ${s.bookingId})::int` })
        .from(s)
        .innerJoin(b, eq(b.bookingId, s.bookingId))
        .where(scope)
        .groupBy(col)
        .orderBy(desc(sql`count(*)`), asc(col)),
    ]);
    const merged = new Map<string, KeyedMoneyRow>();
    for (const x of [...priced, ...unpriced]) {
      const id = `${x.key}\u0000${x.currency}`;
      const row = merged.get(id) ?? { key: x.key, currency: x.currency, bookings: 0, totalMinor: 0n };
      row.bookings += Number(x.bookings);
      row.totalMinor += big(x.total);
      merged.set(id, row);
    }
    return {
      spend: [...merged.values()],
      counts: counts.map((x) => ({ key: x.key, segments: Number(x.segments), bookings: Number(x.bookings) })),
    };
  }

  /** Confirmed spend, bookings and CO2e per department (null: no department) and currency, largest spend first. */
  async byDepartment(orgId: string, r: Range): Promise<{ department: string | null; currency: string; bookings: number; totalMinor: bigint; co2eGrams: bigint; distanceKm: bigint }[]> {
    const total = sql`sum(${net})`;
    const rows = await this.db
      .select({
        department: b.department,
        currency: sql<string>`${b.currency}`,
        bookings: confirmedCount,
        total: sql<string>`${total}::text`,
        co2: sql<string>`(sum(${b.co2eGrams}) filter (where ${confirmed}))::text`,
        km: sql<string>`(sum(${b.distanceKm}) filter (where ${confirmed}))::text`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), spent, inRange(b.confirmedAt, r)))
      .groupBy(b.department, b.currency)
      .orderBy(asc(b.department), asc(b.currency));
    return rows.map((x) => ({ department: x.department, currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total), co2eGrams: big(x.co2), distanceKm: big(x.km) }));
  }

  /** Confirmed spend of one department in one currency over the interval (the budget figures). */
  async departmentSpend(orgId: string, department: string, currency: string, r: Range): Promise<bigint> {
    const [row] = await this.db
      .select({ total: sql<string | null>`sum(${net})::text` })
      .from(b)
      .where(and(eq(b.orgId, orgId), spent, eq(b.department, department), eq(b.currency, currency), inRange(b.confirmedAt, r)));
    return big(row?.total ?? null);
  }

  /** Flight segments of confirmed bookings per cabin (cabins without any left out), from the per-booking counts. */
  async bookingsByCabin(orgId: string, r: Range): Promise<SegmentGroupRow[]> {
    const cabins = [
      ['business', b.businessSegments],
      ['economy', b.economySegments],
      ['first', b.firstSegments],
      ['premium_economy', b.premiumEconomySegments],
    ] as const;
    const [row] = await this.db
      .select(
        Object.fromEntries(
          cabins.flatMap(([name, col]) => [
            [`${name}Segments`, sql<number>`coalesce(sum(${col}), 0)::int`],
            [`${name}Bookings`, sql<number>`(count(*) filter (where ${col} > 0))::int`],
          ]),
        ) as Record<string, SQL<number>>,
      )
      .from(b)
      .where(and(eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r)));
    return cabins
      .map(([name]) => ({ key: name as string, segments: Number(row?.[`${name}Segments`] ?? 0), bookings: Number(row?.[`${name}Bookings`] ?? 0) }))
      .filter((x) => x.segments > 0);
  }

  /** Confirmed bookings per trip destination, most first, ties by code. */
  async topDestinations(orgId: string, r: Range, limit: number): Promise<{ destination: string; bookings: number; travelers: number }[]> {
    const rows = await this.db
      .select({ destination: sql<string>`${b.destination}`, bookings: sql<number>`count(*)::int`, travelers: sql<number>`count(distinct ${b.travelerId})::int` })
      .from(b)
      .where(and(eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r), isNotNull(b.destination)))
      .groupBy(b.destination)
      .orderBy(desc(sql`count(*)`), asc(b.destination))
      .limit(limit);
    return rows.map((x) => ({ destination: x.destination, bookings: Number(x.bookings), travelers: Number(x.travelers) }));
  }

  /** Trips of the organization to several destinations in one query, per destination and currency. */
  async tripsTo(orgId: string, codes: readonly string[], r: Range) {
    if (codes.length === 0) return [];
    const rows = await this.db
      .select({
        destination: sql<string>`${b.destination}`,
        currency: sql<string>`${b.currency}`,
        bookings: confirmedCount,
        total: sql<string>`sum(${net})::text`,
        travelers: sql<string[]>`array_agg(distinct ${b.travelerId}::text)`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), spent, inRange(b.confirmedAt, r), inArray(b.destination, [...codes])))
      .groupBy(b.destination, b.currency)
      .orderBy(b.destination, b.currency);
    return rows.map((x) => ({ destination: x.destination, currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total), travelers: x.travelers }));
  }

  async emissionTotals(orgId: string, r: Range): Promise<EmissionTotals> {
    const [row] = await this.db
      .select({
        co2: sql<string>`coalesce(sum(${b.co2eGrams}), 0)::text`,
        km: sql<string>`coalesce(sum(${b.distanceKm}), 0)::text`,
        flights: sql<number>`coalesce(sum(${b.flightCount}), 0)::int`,
        missing: sql<number>`coalesce(sum(${b.flightsWithoutDistance}), 0)::int`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r)));
    return { co2eGrams: big(row?.co2 ?? null), distanceKm: big(row?.km ?? null), flights: Number(row?.flights ?? 0), flightsWithoutDistance: Number(row?.missing ?? 0) };
  }

  async emissionsByPeriod(orgId: string, period: Period, r: Range): Promise<{ periodStart: Date; co2eGrams: bigint; distanceKm: bigint }[]> {
    const start = periodOf(period, b.confirmedAt);
    const rows = await this.db
      .select({
        periodStart: sql<string>`to_char(${start}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        co2: sql<string>`sum(${b.co2eGrams})::text`,
        km: sql<string>`sum(${b.distanceKm})::text`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r)))
      .groupBy(start)
      .orderBy(start);
    return rows.map((x) => ({ periodStart: new Date(x.periodStart), co2eGrams: big(x.co2), distanceKm: big(x.km) }));
  }

  /** Airport codes of flight segments that got no distance, for the report's "missing" list. */
  async airportsWithoutDistance(orgId: string, r: Range): Promise<{ origin: string | null; destination: string | null }[]> {
    return this.db
      .selectDistinct({ origin: s.origin, destination: s.destination })
      .from(s)
      .innerJoin(b, eq(b.bookingId, s.bookingId))
      .where(and(eq(s.orgId, orgId), eq(b.orgId, orgId), confirmed, inRange(b.confirmedAt, r), eq(s.kind, 'flight'), sql`${s.distanceKm} is null`));
  }

  /** Latest evaluation per booking, counted by result, for evaluations made in the range. */
  async complianceCounts(orgId: string, r: Range): Promise<Record<'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP', number>> {
    const rows = await this.db
      .select({ result: policyFacts.result, n: sql<number>`count(*)::int` })
      .from(policyFacts)
      .where(and(eq(policyFacts.orgId, orgId), gte(policyFacts.evaluatedAt, r.from), lt(policyFacts.evaluatedAt, r.to)))
      .groupBy(policyFacts.result);
    const counts = { COMPLIANT: 0, SOFT_WARNING: 0, HARD_STOP: 0 };
    for (const row of rows) counts[row.result] = Number(row.n);
    return counts;
  }

  async funnelCounts(orgId: string, r: Range): Promise<{ holds: number; holdsConverted: number; bookingsConfirmed: number; paymentsAuthorized: number; paymentsFailed: number }> {
    const h = holdFacts;
    const p = paymentFacts;
    const [holds] = await this.db
      .select({ all: sql<number>`count(*)::int`, converted: sql<number>`(count(*) filter (where ${h.convertedAt} is not null))::int` })
      .from(h)
      .where(and(eq(h.orgId, orgId), gte(h.createdAt, r.from), lt(h.createdAt, r.to)));
    const [bookings] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(b)
      .where(and(eq(b.orgId, orgId), inRange(b.confirmedAt, r)));
    const authorized = sql`${p.authorizedAt} is not null and (${p.failedAt} is null or ${p.authorizedAt} >= ${p.failedAt})`;
    const decidedAt = sql`greatest(${p.authorizedAt}, ${p.failedAt})`;
    const [payments] = await this.db
      .select({ ok: sql<number>`(count(*) filter (where ${authorized}))::int`, failed: sql<number>`(count(*) filter (where not (${authorized})))::int` })
      .from(p)
      .where(and(eq(p.orgId, orgId), sql`${decidedAt} >= ${r.from.toISOString()} and ${decidedAt} < ${r.to.toISOString()}`));
    return {
      holds: Number(holds?.all ?? 0),
      holdsConverted: Number(holds?.converted ?? 0),
      bookingsConfirmed: Number(bookings?.n ?? 0),
      paymentsAuthorized: Number(payments?.ok ?? 0),
      paymentsFailed: Number(payments?.failed ?? 0),
    };
  }

  /** Searches inventory reported in the range (each batch counted at the end of its window). */
  async searchCount(orgId: string, r: Range): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`coalesce(sum(${searchFacts.searches}), 0)::int` })
      .from(searchFacts)
      .where(and(eq(searchFacts.orgId, orgId), inRange(searchFacts.occurredAt, r)));
    return Number(row?.n ?? 0);
  }

  /** Each funnel stage counted per UTC period of when it happened (holds by creation, as in funnelCounts). */
  async funnelByPeriod(orgId: string, period: Period, r: Range): Promise<{ periodStart: Date; searches: number; holds: number; holdsConverted: number; bookings: number; paid: number }[]> {
    const h = holdFacts;
    const p = paymentFacts;
    const q = searchFacts;
    const label = (start: SQL) => sql<string>`to_char(${start}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    const authorized = sql`${p.failedAt} is null or ${p.authorizedAt} >= ${p.failedAt}`;
    const [searches, holds, bookings, paid] = await Promise.all([
      this.db
        .select({ at: label(periodOf(period, q.occurredAt)), n: sql<number>`sum(${q.searches})::int`, m: sql<number>`0` })
        .from(q)
        .where(and(eq(q.orgId, orgId), inRange(q.occurredAt, r)))
        .groupBy(periodOf(period, q.occurredAt)),
      this.db
        .select({ at: label(periodOf(period, h.createdAt)), n: sql<number>`count(*)::int`, m: sql<number>`(count(*) filter (where ${h.convertedAt} is not null))::int` })
        .from(h)
        .where(and(eq(h.orgId, orgId), inRange(h.createdAt, r)))
        .groupBy(periodOf(period, h.createdAt)),
      this.db
        .select({ at: label(periodOf(period, b.confirmedAt)), n: sql<number>`count(*)::int`, m: sql<number>`0` })
        .from(b)
        .where(and(eq(b.orgId, orgId), inRange(b.confirmedAt, r)))
        .groupBy(periodOf(period, b.confirmedAt)),
      this.db
        .select({ at: label(periodOf(period, p.authorizedAt)), n: sql<number>`count(*)::int`, m: sql<number>`0` })
        .from(p)
        .where(and(eq(p.orgId, orgId), inRange(p.authorizedAt, r), authorized))
        .groupBy(periodOf(period, p.authorizedAt)),
    ]);
    const periods = new Map<string, { periodStart: Date; searches: number; holds: number; holdsConverted: number; bookings: number; paid: number }>();
    const at = (key: string) => {
      const row = periods.get(key) ?? { periodStart: new Date(key), searches: 0, holds: 0, holdsConverted: 0, bookings: 0, paid: 0 };
      periods.set(key, row);
      return row;
    };
    for (const x of searches) at(x.at).searches += Number(x.n);
    for (const x of holds) {
      at(x.at).holds += Number(x.n);
      at(x.at).holdsConverted += Number(x.m);
    }
    for (const x of bookings) at(x.at).bookings += Number(x.n);
    for (const x of paid) at(x.at).paid += Number(x.n);
    return [...periods.entries()].sort(([a], [c]) => (a < c ? -1 : 1)).map(([, row]) => row);
  }

  /** Authorized payments by the UTC period of authorization, per currency (gross: no refund event exists). */
  async revenueByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoneyRow[]> {
    const p = paymentFacts;
    const start = periodOf(period, p.authorizedAt);
    const rows = await this.db
      .select({
        periodStart: sql<string>`to_char(${start}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        currency: sql<string>`${p.currency}`,
        bookings: sql<number>`count(*)::int`,
        total: sql<string>`sum(${p.amountMinor})::text`,
      })
      .from(p)
      .where(
        and(
          eq(p.orgId, orgId),
          gte(p.authorizedAt, r.from),
          lt(p.authorizedAt, r.to),
          or(sql`${p.failedAt} is null`, gte(p.authorizedAt, p.failedAt)),
          isNotNull(p.currency),
        ),
      )
      .groupBy(start, p.currency)
      .orderBy(start, p.currency);
    return rows.map((x) => ({ periodStart: new Date(x.periodStart), currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total) }));
  }

  /** Refunds by the UTC period they were paid in, per currency; `bookings` counts refunds. */
  async refundsByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoneyRow[]> {
    const a = bookingAdjustments;
    const start = periodOf(period, a.occurredAt);
    const rows = await this.db
      .select({
        periodStart: sql<string>`to_char(${start}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        currency: a.currency,
        n: sql<number>`count(*)::int`,
        total: sql<string>`sum(${a.amountMinor})::text`,
      })
      .from(a)
      .where(and(eq(a.orgId, orgId), eq(a.kind, 'refund'), inRange(a.occurredAt, r)))
      .groupBy(start, a.currency)
      .orderBy(start, a.currency);
    return rows.map((x) => ({ periodStart: new Date(x.periodStart), currency: x.currency, bookings: Number(x.n), totalMinor: big(x.total) }));
  }

  /**
   * Travelers of confirmed bookings by where their trip stands at `now`:
   * departing on the UTC day of `now`; on the road between their first
   * departure and the end of their last segment; returning when a trip with
   * a return leg ends between `now` and the end of the UTC ISO week.
   */
  async movements(orgId: string, now: Date, dayStart: Date, dayEnd: Date, weekEnd: Date): Promise<{ departingToday: string[]; onTheRoad: string[]; returningThisWeek: string[] }> {
    const base = and(eq(b.orgId, orgId), confirmed);
    const ids = (where: SQL | undefined) =>
      this.db
        .selectDistinct({ id: b.travelerId })
        .from(b)
        .where(and(base, where))
        .orderBy(b.travelerId)
        .then((rows) => rows.map((r) => r.id));
    // Where the confirm carried no arrival times, the last departure stands in for the trip's end.
    const tripEnd = sql`coalesce(${b.lastArriveAt}, ${b.lastDepartAt})`;
    const nowAt = now.toISOString();
    const [departingToday, onTheRoad, returningThisWeek] = await Promise.all([
      ids(and(gte(b.firstDepartAt, dayStart), lt(b.firstDepartAt, dayEnd))),
      ids(and(sql`${b.firstDepartAt} <= ${nowAt}`, sql`${tripEnd} > ${nowAt}`)),
      ids(and(gt(b.segmentCount, 1), sql`${b.lastDepartAt} > ${b.firstDepartAt}`, sql`${tripEnd} >= ${nowAt}`, sql`${tripEnd} < ${weekEnd.toISOString()}`)),
    ]);
    return { departingToday, onTheRoad, returningThisWeek };
  }

  /** Which of these travelers have booking facts in another organization than `orgId` (answered with null). */
  async travelersElsewhere(orgId: string, travelerIds: readonly string[]): Promise<Set<string>> {
    if (travelerIds.length === 0) return new Set();
    const rows = await this.db
      .selectDistinct({ id: b.travelerId })
      .from(b)
      .where(and(inArray(b.travelerId, [...travelerIds]), sql`${b.orgId} <> ${orgId}`));
    return new Set(rows.map((r) => r.id));
  }

  /** Confirmed spend, bookings and emissions of several travelers in one query, per traveler and currency. */
  async travelerTotals(orgId: string, travelerIds: readonly string[], r: Range) {
    if (travelerIds.length === 0) return [];
    const rows = await this.db
      .select({
        travelerId: b.travelerId,
        currency: sql<string>`${b.currency}`,
        bookings: confirmedCount,
        total: sql<string>`sum(${net})::text`,
        co2: sql<string>`(sum(${b.co2eGrams}) filter (where ${confirmed}))::text`,
        km: sql<string>`(sum(${b.distanceKm}) filter (where ${confirmed}))::text`,
      })
      .from(b)
      .where(and(eq(b.orgId, orgId), inArray(b.travelerId, [...travelerIds]), spent, inRange(b.confirmedAt, r)))
      .groupBy(b.travelerId, b.currency)
      .orderBy(b.travelerId, b.currency);
    return rows.map((x) => ({ travelerId: x.travelerId, currency: x.currency, bookings: Number(x.bookings), totalMinor: big(x.total), co2eGrams: big(x.co2), distanceKm: big(x.km) }));
  }

  async segmentsOfBookings(orgId: string, bookingIds: readonly string[]) {
    if (bookingIds.length === 0) return [];
    return this.db
      .select()
      .from(s)
      .where(and(eq(s.orgId, orgId), inArray(s.bookingId, [...bookingIds])))
      .orderBy(s.bookingId, s.position);
  }

  async bookingsOf(orgId: string, bookingIds: readonly string[]) {
    if (bookingIds.length === 0) return [];
    return this.db.select().from(b).where(and(eq(b.orgId, orgId), inArray(b.bookingId, [...bookingIds])));
  }

  /** One page of the bookings export, keyset-paged on (confirmed_at, booking_id) so a long period streams in constant memory. */
  async exportPage(orgId: string, r: Range, after: { confirmedAt: Date; bookingId: string } | null, limit: number): Promise<BookingExportRow[]> {
    return this.db
      .select({
        bookingId: b.bookingId,
        travelerId: b.travelerId,
        status: b.status,
        confirmedAt: b.confirmedAt,
        canceledAt: b.canceledAt,
        amountMinor: b.amountMinor,
        currency: b.currency,
        destination: b.destination,
        segmentCount: b.segmentCount,
        co2eGrams: b.co2eGrams,
        distanceKm: b.distanceKm,
        flightsWithoutDistance: b.flightsWithoutDistance,
      })
      .from(b)
      .where(
        and(
          eq(b.orgId, orgId),
          inRange(b.confirmedAt, r),
          after ? or(gt(b.confirmedAt, after.confirmedAt), and(eq(b.confirmedAt, after.confirmedAt), gt(b.bookingId, after.bookingId))) : undefined,
        ),
      )
      .orderBy(asc(b.confirmedAt), asc(b.bookingId))
      .limit(limit);
  }
}
