import type { BenchmarksService } from '../benchmarks/benchmarks.service.js';
import type { BudgetsService } from '../budgets/budgets.service.js';
import type { ForecastService } from '../forecast/forecast.service.js';
import type { Period, Range } from '../reports/reports.repository.js';
import type { ReportsService } from '../reports/reports.service.js';
import type { Cell } from './csv.js';

export interface ReportServices {
  reports: ReportsService;
  benchmarks: BenchmarksService;
  budgets: BudgetsService;
  forecast: ForecastService;
}

/** What a report is asked with: the caller's organization, the interval and the period the query string names. */
export interface ReportQuery {
  orgId: string;
  range: Range;
  period: Period;
}

/** One CSV report: its header and its rows (aggregates, a few thousand rows at most; bookings stream separately). */
export interface TableReport {
  columns: string[];
  rows(services: ReportServices, q: ReportQuery): Promise<Cell[][]>;
}

const money = (m: { amount: bigint; currency: string }): Cell[] => [m.currency, m.amount];

/**
 * Every report of the GraphQL API as a CSV table, by file name
 * (/reports/<name>.csv). The figures come from the same services the
 * resolvers call, so a CSV and its GraphQL field always agree.
 */
export const TABLE_REPORTS: Record<string, TableReport> = {
  spend: {
    columns: ['period_start', 'currency', 'bookings', 'total_minor'],
    rows: async (x, q) => (await x.reports.spendByPeriod(q.orgId, q.period, q.range)).map((r) => [r.periodStart, r.total.currency, r.count, r.total.amount]),
  },
  revenue: {
    columns: ['period_start', 'currency', 'payments', 'net_minor'],
    rows: async (x, q) => (await x.reports.revenueByPeriod(q.orgId, q.period, q.range)).map((r) => [r.periodStart, r.total.currency, r.count, r.total.amount]),
  },
  refunds: {
    columns: ['period_start', 'currency', 'refunds', 'total_minor'],
    rows: async (x, q) => (await x.reports.refundsByPeriod(q.orgId, q.period, q.range)).map((r) => [r.periodStart, r.total.currency, r.count, r.total.amount]),
  },
  travelers: {
    columns: ['traveler_id', 'currency', 'bookings', 'total_minor'],
    rows: async (x, q) => (await x.reports.spendByTraveler(q.orgId, q.range)).map((r) => [r.travelerId, r.total.currency, r.bookings, r.total.amount]),
  },
  suppliers: {
    columns: ['supplier', 'bookings', 'segments', 'currency', 'spend_minor'],
    rows: async (x, q) =>
      (await x.reports.spendBySegment(q.orgId, 'supplier', q.range)).flatMap((g): Cell[][] =>
        g.spend.length === 0 ? [[g.key, g.bookings, g.segments, null, null]] : g.spend.map((m) => [g.key, g.bookings, g.segments, ...money(m)]),
      ),
  },
  'segment-kinds': {
    columns: ['kind', 'bookings', 'segments', 'currency', 'spend_minor'],
    rows: async (x, q) =>
      (await x.reports.spendBySegment(q.orgId, 'kind', q.range)).flatMap((g): Cell[][] =>
        g.spend.length === 0 ? [[g.key, g.bookings, g.segments, null, null]] : g.spend.map((m) => [g.key, g.bookings, g.segments, ...money(m)]),
      ),
  },
  departments: {
    columns: ['department', 'bookings', 'co2e_grams', 'distance_km', 'currency', 'spend_minor'],
    rows: async (x, q) =>
      (await x.reports.byDepartment(q.orgId, q.range)).flatMap((d) => d.spend.map((m) => [d.department, d.bookings, d.co2eGrams, d.distanceKm, ...money(m)])),
  },
  cabins: {
    columns: ['cabin', 'segments', 'bookings'],
    rows: async (x, q) => (await x.reports.bookingsByCabin(q.orgId, q.range)).map((c) => [c.cabin, c.segments, c.bookings]),
  },
  destinations: {
    columns: ['destination', 'bookings', 'travelers'],
    rows: async (x, q) => (await x.reports.topDestinations(q.orgId, q.range, 100)).map((d) => [d.destination, d.bookings, d.travelers]),
  },
  emissions: {
    columns: ['period_start', 'co2e_grams', 'distance_km'],
    rows: async (x, q) => (await x.reports.emissions(q.orgId, q.range, q.period)).byPeriod.map((p) => [p.periodStart, p.co2eGrams, p.distanceKm]),
  },
  compliance: {
    columns: ['evaluated', 'compliant', 'soft_warnings', 'hard_stops', 'violations', 'rate'],
    rows: async (x, q) => {
      const c = await x.reports.compliance(q.orgId, q.range);
      return [[c.evaluated, c.compliant, c.softWarnings, c.hardStops, c.violations, c.rate]];
    },
  },
  funnel: {
    columns: ['period_start', 'searches', 'holds', 'holds_converted', 'bookings_confirmed', 'payments_authorized', 'search_to_hold_rate', 'hold_to_booking_rate', 'booking_to_paid_rate', 'search_to_paid_rate'],
    rows: async (x, q) =>
      (await x.reports.funnelByPeriod(q.orgId, q.period, q.range)).map((f) => [
        f.periodStart,
        f.searches,
        f.holds,
        f.holdsConverted,
        f.bookingsConfirmed,
        f.paymentsAuthorized,
        f.searchToHoldRate,
        f.holdToBookingRate,
        f.bookingToPaidRate,
        f.searchToPaidRate,
      ]),
  },
  'savings-departments': {
    columns: ['department', 'segments', 'currency', 'savings_minor'],
    rows: async (x, q) => (await x.benchmarks.savings(q.orgId, q.range)).byDepartment.flatMap((d) => d.savings.map((m) => [d.department, d.segments, ...money(m)])),
  },
  'savings-bookings': {
    columns: ['booking_id', 'segments', 'currency', 'savings_minor'],
    rows: async (x, q) => (await x.benchmarks.savings(q.orgId, q.range)).byBooking.map((b) => [b.bookingId, b.segments, ...money(b.savings)]),
  },
  budgets: {
    columns: ['department', 'period', 'period_start', 'currency', 'budget_minor', 'spent_minor', 'utilization', 'burn_rate_per_day_minor', 'projected_minor'],
    rows: async (x, q) =>
      (await x.budgets.statuses(q.orgId)).map((s) => [
        s.budget.department,
        s.budget.period,
        s.periodStart,
        s.budget.currency,
        s.budget.amountMinor,
        s.spent.amount,
        s.utilization,
        s.burnRatePerDay?.amount ?? null,
        s.projectedSpend?.amount ?? null,
      ]),
  },
  forecast: {
    columns: ['destination', 'trailing_weekly_average', 'week_start', 'seasonal_index', 'forecast_bookings'],
    rows: async (x, q) =>
      (await x.forecast.forecast(q.orgId, 8, 100)).destinations.flatMap((d) => d.weeks.map((w) => [d.destination, d.trailingWeeklyAverage, w.weekStart, w.seasonalIndex, w.bookings])),
  },
  summary: {
    columns: ['from', 'to', 'currency', 'total_spend_minor', 'average_trip_cost_minor', 'confirmed_bookings', 'compliance_rate', 'policy_violations', 'co2e_kg'],
    rows: async (x, q) => {
      const s = await x.reports.executiveSummary(q.orgId, q.range);
      return s.totalSpend.map((m) => [
        s.from,
        s.to,
        m.currency,
        m.amount,
        s.averageTripCost.find((a) => a.currency === m.currency)?.amount ?? null,
        s.confirmedBookings,
        s.complianceRate,
        s.policyViolations,
        s.co2eKg,
      ]);
    },
  },
};
