import { DomainError, parseInput, type Clock } from '@travel/platform';
import { z } from 'zod';
import { FACTOR_SOURCE } from '../emissions/factors.js';
import { unknownAirports } from '../emissions/emissions.js';
import { byCurrency, type MoneyAmount } from '../spend/spend.service.js';
import { PERIODS, type Period, type Range, type ReportsRepository } from './reports.repository.js';

export interface PeriodMoney {
  periodStart: Date;
  total: MoneyAmount;
  count: number;
}

export interface GroupSpend {
  key: string;
  bookings: number;
  segments: number;
  spend: MoneyAmount[];
}

export interface EmissionsReport {
  co2eGrams: number;
  co2eKg: number;
  distanceKm: number;
  flights: number;
  flightsWithoutDistance: number;
  unknownAirports: string[];
  byPeriod: { periodStart: Date; co2eGrams: number; distanceKm: number }[];
  source: string;
}

export interface ComplianceReport {
  evaluated: number;
  compliant: number;
  softWarnings: number;
  hardStops: number;
  violations: number;
  rate: number | null;
}

export interface FunnelReport {
  searches: number;
  holds: number;
  holdsConverted: number;
  bookingsConfirmed: number;
  paymentsAuthorized: number;
  paymentsFailed: number;
  searchToHoldRate: number | null;
  holdToBookingRate: number | null;
  paymentSuccessRate: number | null;
  searchToPaidRate: number | null;
}

export interface ExecutiveSummary {
  from: Date;
  to: Date;
  totalSpend: MoneyAmount[];
  confirmedBookings: number;
  averageTripCost: MoneyAmount[];
  complianceRate: number | null;
  policyViolations: number;
  co2eKg: number;
  flightsWithoutDistance: number;
  topDestinations: { destination: string; bookings: number; travelers: number }[];
  bookingsByCabin: { cabin: string; segments: number; bookings: number }[];
  funnel: FunnelReport;
}

export interface YearToDate {
  year: number;
  spend: MoneyAmount[];
  bookings: number;
  co2eKg: number;
  distanceKm: number;
}

const DAY_MS = 86_400_000;
/** Longest interval a report accepts: bounded work per request, and more than any dashboard shows. */
const MAX_RANGE_DAYS = 366 * 5;
const rangeInput = z
  .object({ from: z.date(), to: z.date() })
  .refine((r) => r.from < r.to, { error: 'from must be before to', path: ['to'] })
  .refine((r) => r.to.getTime() - r.from.getTime() <= MAX_RANGE_DAYS * DAY_MS, { error: `the interval may span at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

/** Rounded half up for non-negative amounts: floor((2·sum + n) / 2n). */
export function averageHalfUp(sum: bigint, n: number): bigint {
  const count = BigInt(n);
  return (2n * sum + count) / (2n * count);
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
/** Integer grams to kilograms: exact to the gram while below 2^53 grams. */
const kg = (grams: bigint) => Number(grams) / 1000;

/**
 * Report figures of one organization. Callers (resolvers, the CSV route)
 * have already checked the viewer's organization and role.
 */
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  range(from: Date, to: Date): Range {
    return parseInput(rangeInput, { from, to }, 'to');
  }

  period(value: string): Period {
    const period = value.toLowerCase();
    if (!(PERIODS as readonly string[]).includes(period)) throw new DomainError('VALIDATION_FAILED', `period must be one of ${PERIODS.join(', ')}`, 'period');
    return period as Period;
  }

  async spendByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoney[]> {
    const rows = await this.repository.spendByPeriod(orgId, period, r);
    return rows.map((x) => ({ periodStart: x.periodStart, total: { amount: x.totalMinor, currency: x.currency }, count: x.bookings }));
  }

  /**
   * Seller-side revenue per period: payments authorized in the period minus
   * refunds paid in it (a refund lands in the period it happened, not the
   * sale's). `count` is the payments authorized.
   */
  async revenueByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoney[]> {
    const [gross, refunds] = await Promise.all([this.repository.revenueByPeriod(orgId, period, r), this.repository.refundsByPeriod(orgId, period, r)]);
    const merged = new Map<string, PeriodMoney>();
    const at = (periodStart: Date, currency: string) => {
      const id = `${periodStart.toISOString()} ${currency}`;
      const row = merged.get(id) ?? { periodStart, total: { amount: 0n, currency }, count: 0 };
      merged.set(id, row);
      return row;
    };
    for (const x of gross) {
      const row = at(x.periodStart, x.currency);
      row.total.amount += x.totalMinor;
      row.count += x.bookings;
    }
    for (const x of refunds) at(x.periodStart, x.currency).total.amount -= x.totalMinor;
    return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  }

  /** Refunds paid per period and currency; `count` is the refunds. */
  async refundsByPeriod(orgId: string, period: Period, r: Range): Promise<PeriodMoney[]> {
    const rows = await this.repository.refundsByPeriod(orgId, period, r);
    return rows.map((x) => ({ periodStart: x.periodStart, total: { amount: x.totalMinor, currency: x.currency }, count: x.bookings }));
  }

  async spendByTraveler(orgId: string, r: Range) {
    const rows = await this.repository.spendByTraveler(orgId, r);
    return rows.map((x) => ({ travelerId: x.key, total: { amount: x.totalMinor, currency: x.currency }, bookings: x.bookings }));
  }

  async spendBySegment(orgId: string, attribute: 'supplier' | 'kind', r: Range): Promise<GroupSpend[]> {
    const { spend, counts } = await this.repository.spendBySegment(orgId, attribute, r);
    return counts.map((c) => ({
      key: c.key,
      bookings: c.bookings,
      segments: c.segments,
      spend: spend.filter((x) => x.key === c.key).map((x) => ({ amount: x.totalMinor, currency: x.currency })).sort(byCurrency),
    }));
  }

  /** Spend per currency, bookings and emissions per department; bookings without a department are grouped under null. */
  async byDepartment(orgId: string, r: Range) {
    const rows = await this.repository.byDepartment(orgId, r);
    const groups = new Map<string | null, { department: string | null; bookings: number; spend: MoneyAmount[]; grams: bigint; km: bigint }>();
    for (const row of rows) {
      const g = groups.get(row.department) ?? { department: row.department, bookings: 0, spend: [], grams: 0n, km: 0n };
      g.bookings += row.bookings;
      g.spend.push({ amount: row.totalMinor, currency: row.currency });
      g.grams += row.co2eGrams;
      g.km += row.distanceKm;
      groups.set(row.department, g);
    }
    return [...groups.values()].map((g) => ({
      department: g.department,
      bookings: g.bookings,
      spend: g.spend.sort(byCurrency),
      co2eGrams: Number(g.grams),
      co2eKg: kg(g.grams),
      distanceKm: Number(g.km),
    }));
  }

  /** Totals and averages per currency over the interval, from the same grouped rows. */
  async totals(orgId: string, r: Range): Promise<{ totals: MoneyAmount[]; averages: MoneyAmount[]; bookings: number }> {
    const rows = await this.repository.spendByPeriod(orgId, 'year', r);
    const byCur = new Map<string, { sum: bigint; n: number }>();
    for (const row of rows) {
      const acc = byCur.get(row.currency) ?? { sum: 0n, n: 0 };
      acc.sum += row.totalMinor;
      acc.n += row.bookings;
      byCur.set(row.currency, acc);
    }
    const currencies = [...byCur.keys()].sort();
    return {
      totals: currencies.map((c) => ({ amount: byCur.get(c)!.sum, currency: c })),
      averages: currencies.filter((c) => byCur.get(c)!.n > 0).map((c) => ({ amount: averageHalfUp(byCur.get(c)!.sum, byCur.get(c)!.n), currency: c })),
      bookings: [...byCur.values()].reduce((n, x) => n + x.n, 0),
    };
  }

  async bookingsByCabin(orgId: string, r: Range) {
    const rows = await this.repository.bookingsByCabin(orgId, r);
    return rows.map((x) => ({ cabin: x.key, segments: x.segments, bookings: x.bookings }));
  }

  topDestinations(orgId: string, r: Range, first: number) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new DomainError('VALIDATION_FAILED', 'first must be between 1 and 100', 'first');
    return this.repository.topDestinations(orgId, r, first);
  }

  async emissions(orgId: string, r: Range, period: Period): Promise<EmissionsReport> {
    const [totals, byPeriod, missing] = await Promise.all([
      this.repository.emissionTotals(orgId, r),
      this.repository.emissionsByPeriod(orgId, period, r),
      this.repository.airportsWithoutDistance(orgId, r),
    ]);
    return {
      co2eGrams: Number(totals.co2eGrams),
      co2eKg: kg(totals.co2eGrams),
      distanceKm: Number(totals.distanceKm),
      flights: totals.flights,
      flightsWithoutDistance: totals.flightsWithoutDistance,
      unknownAirports: [...new Set(missing.flatMap((m) => unknownAirports(m.origin, m.destination)))].sort(),
      byPeriod: byPeriod.map((p) => ({ periodStart: p.periodStart, co2eGrams: Number(p.co2eGrams), distanceKm: Number(p.distanceKm) })),
      source: FACTOR_SOURCE,
    };
  }

  async compliance(orgId: string, r: Range): Promise<ComplianceReport> {
    const c = await this.repository.complianceCounts(orgId, r);
    const evaluated = c.COMPLIANT + c.SOFT_WARNING + c.HARD_STOP;
    return {
      evaluated,
      compliant: c.COMPLIANT,
      softWarnings: c.SOFT_WARNING,
      hardStops: c.HARD_STOP,
      violations: c.SOFT_WARNING + c.HARD_STOP,
      rate: rate(c.COMPLIANT, evaluated),
    };
  }

  async funnel(orgId: string, r: Range): Promise<FunnelReport> {
    const [f, searches] = await Promise.all([this.repository.funnelCounts(orgId, r), this.repository.searchCount(orgId, r)]);
    return {
      searches,
      ...f,
      searchToHoldRate: rate(f.holds, searches),
      searchToPaidRate: rate(f.paymentsAuthorized, searches),
      holdToBookingRate: rate(f.holdsConverted, f.holds),
      paymentSuccessRate: rate(f.paymentsAuthorized, f.paymentsAuthorized + f.paymentsFailed),
    };
  }

  /** The funnel per period with its conversion rates; each rate is null when its base is zero. */
  async funnelByPeriod(orgId: string, period: Period, r: Range) {
    const rows = await this.repository.funnelByPeriod(orgId, period, r);
    return rows.map((x) => ({
      periodStart: x.periodStart,
      searches: x.searches,
      holds: x.holds,
      holdsConverted: x.holdsConverted,
      bookingsConfirmed: x.bookings,
      paymentsAuthorized: x.paid,
      searchToHoldRate: rate(x.holds, x.searches),
      holdToBookingRate: rate(x.holdsConverted, x.holds),
      bookingToPaidRate: rate(x.paid, x.bookings),
      searchToPaidRate: rate(x.paid, x.searches),
    }));
  }

  async executiveSummary(orgId: string, r: Range): Promise<ExecutiveSummary> {
    const [totals, compliance, emissions, topDestinations, bookingsByCabin, funnel] = await Promise.all([
      this.totals(orgId, r),
      this.compliance(orgId, r),
      this.repository.emissionTotals(orgId, r),
      this.repository.topDestinations(orgId, r, 5),
      this.bookingsByCabin(orgId, r),
      this.funnel(orgId, r),
    ]);
    return {
      from: r.from,
      to: r.to,
      totalSpend: totals.totals,
      confirmedBookings: totals.bookings,
      averageTripCost: totals.averages,
      complianceRate: compliance.rate,
      policyViolations: compliance.violations,
      co2eKg: kg(emissions.co2eGrams),
      flightsWithoutDistance: emissions.flightsWithoutDistance,
      topDestinations,
      bookingsByCabin,
      funnel,
    };
  }

  /** Trips to several destinations; a destination without trips gets zeros. */
  async tripsTo(orgId: string, codes: readonly string[], r: Range) {
    const rows = await this.repository.tripsTo(orgId, codes, r);
    return codes.map((code) => {
      const mine = rows.filter((x) => x.destination === code);
      return {
        bookings: mine.reduce((n, x) => n + x.bookings, 0),
        travelers: new Set(mine.flatMap((x) => x.travelers)).size,
        spend: mine.map((x) => ({ amount: x.totalMinor, currency: x.currency })),
      };
    });
  }

  /** Now, as UTC day and ISO-week boundaries, for the movements query. */
  movements(orgId: string) {
    const now = this.clock.now();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const daysToMonday = (8 - now.getUTCDay()) % 7 || 7;
    return this.repository.movements(orgId, now, dayStart, new Date(dayStart.getTime() + DAY_MS), new Date(dayStart.getTime() + daysToMonday * DAY_MS));
  }

  /** Year to date of several travelers (one query); null for a traveler who books in another organization. */
  async yearToDate(orgId: string, travelerIds: readonly string[]): Promise<(YearToDate | null)[]> {
    const now = this.clock.now();
    const year = now.getUTCFullYear();
    const r = { from: new Date(Date.UTC(year, 0, 1)), to: new Date(now.getTime() + 1) };
    const [rows, elsewhere] = await Promise.all([this.repository.travelerTotals(orgId, travelerIds, r), this.repository.travelersElsewhere(orgId, travelerIds)]);
    return travelerIds.map((id) => {
      const mine = rows.filter((x) => x.travelerId === id);
      if (mine.length === 0 && elsewhere.has(id)) return null;
      const grams = mine.reduce((g, x) => g + x.co2eGrams, 0n);
      return {
        year,
        spend: mine.map((x) => ({ amount: x.totalMinor, currency: x.currency })),
        bookings: mine.reduce((n, x) => n + x.bookings, 0),
        co2eKg: kg(grams),
        distanceKm: Number(mine.reduce((d, x) => d + x.distanceKm, 0n)),
      };
    });
  }

  /** Emissions of several bookings of the organization (one query each for facts and segments); null for unknown ones. */
  async bookingEmissions(orgId: string, bookingIds: readonly string[]) {
    const [facts, segments] = await Promise.all([this.repository.bookingsOf(orgId, bookingIds), this.repository.segmentsOfBookings(orgId, bookingIds)]);
    return bookingIds.map((id) => {
      const fact = facts.find((f) => f.bookingId === id);
      if (!fact || fact.confirmedAt === null) return null;
      return {
        co2eGrams: fact.co2eGrams,
        distanceKm: fact.distanceKm,
        flightsWithoutDistance: fact.flightsWithoutDistance,
        segments: segments
          .filter((s) => s.bookingId === id)
          .map((s) => ({ origin: s.origin, destination: s.destination, cabin: s.cabin, distanceKm: s.distanceKm, haul: s.haul, co2eGrams: s.co2eGrams })),
      };
    });
  }
}
