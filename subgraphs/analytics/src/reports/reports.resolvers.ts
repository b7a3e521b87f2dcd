import { enumResolver, requireRole, requireViewer, type Resolvers, type Viewer } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';
import type { Range } from './reports.repository.js';

/** What an Organization.analytics field hands its children: whose figures, over which interval. */
interface Scope {
  orgId: string;
  range: Range;
}

export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
const FINANCE_ROLES = ['travel_admin', 'finance'] as const;

/** Null for another organization (checked first, so nothing about it leaks), the role check for the caller's own. */
export function orgWide(ctx: AnalyticsContext, orgId: string): Viewer | null {
  const viewer = requireViewer(ctx.viewer);
  if (orgId !== viewer.orgId) return null;
  return requireRole(viewer, ...FINANCE_ROLES);
}

const person = (id: string) => ({ __typename: 'Person', id });

export const reportsResolvers: Resolvers<AnalyticsContext> = {
  Cabin: enumResolver(CABINS),
  Query: {
    adminDashboard: (_: unknown, args: { from: Date; to: Date }, ctx: AnalyticsContext) => {
      const viewer = requireRole(ctx.viewer, ...FINANCE_ROLES);
      const reports = ctx.services.reports;
      return reports.executiveSummary(viewer.orgId, reports.range(args.from, args.to));
    },
  },
  Organization: {
    analytics: (org: { id: string }, args: { from: Date; to: Date }, ctx: AnalyticsContext): Scope | null => {
      if (!orgWide(ctx, org.id)) return null;
      return { orgId: org.id, range: ctx.services.reports.range(args.from, args.to) };
    },
    travelerMovements: async (org: { id: string }, _: unknown, ctx: AnalyticsContext) => {
      if (!orgWide(ctx, org.id)) return null;
      const m = await ctx.services.reports.movements(org.id);
      return { departingToday: m.departingToday.map(person), onTheRoad: m.onTheRoad.map(person), returningThisWeek: m.returningThisWeek.map(person) };
    },
  },
  OrganizationAnalytics: {
    from: (s: Scope) => s.range.from,
    to: (s: Scope) => s.range.to,
    spendByPeriod: (s: Scope, args: { period: string }, ctx: AnalyticsContext) =>
      ctx.services.reports.spendByPeriod(s.orgId, ctx.services.reports.period(args.period), s.range),
    spendByTraveler: async (s: Scope, _: unknown, ctx: AnalyticsContext) =>
      (await ctx.services.reports.spendByTraveler(s.orgId, s.range)).map((x) => ({ ...x, traveler: person(x.travelerId) })),
    spendBySupplier: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.spendBySegment(s.orgId, 'supplier', s.range),
    spendBySegmentKind: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.spendBySegment(s.orgId, 'kind', s.range),
    byDepartment: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.byDepartment(s.orgId, s.range),
    averageTripCost: async (s: Scope, _: unknown, ctx: AnalyticsContext) => (await ctx.services.reports.totals(s.orgId, s.range)).averages,
    bookingsByCabin: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.bookingsByCabin(s.orgId, s.range),
    topDestinations: (s: Scope, args: { first: number }, ctx: AnalyticsContext) => ctx.services.reports.topDestinations(s.orgId, s.range, args.first),
    emissions: (s: Scope, args: { period: string }, ctx: AnalyticsContext) =>
      ctx.services.reports.emissions(s.orgId, s.range, ctx.services.reports.period(args.period)),
    compliance: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.compliance(s.orgId, s.range),
    funnel: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.funnel(s.orgId, s.range),
    revenue: (s: Scope, args: { period: string }, ctx: AnalyticsContext) =>
      ctx.services.reports.revenueByPeriod(s.orgId, ctx.services.reports.period(args.period), s.range),
    refunds: (s: Scope, args: { period: string }, ctx: AnalyticsContext) =>
      ctx.services.reports.refundsByPeriod(s.orgId, ctx.services.reports.period(args.period), s.range),
    funnelByPeriod: (s: Scope, args: { period: string }, ctx: AnalyticsContext) =>
      ctx.services.reports.funnelByPeriod(s.orgId, ctx.services.reports.period(args.period), s.range),
    savings: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.benchmarks.savings(s.orgId, s.range),
    executiveSummary: (s: Scope, _: unknown, ctx: AnalyticsContext) => ctx.services.reports.executiveSummary(s.orgId, s.range),
  },
  Person: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    yearToDate: (p: { id: string }, _: unknown, ctx: AnalyticsContext) => {
      const viewer = requireViewer(ctx.viewer);
      if (p.id !== viewer.personId) requireRole(viewer, ...FINANCE_ROLES);
      return ctx.loaders.yearToDate.load(p.id);
    },
  },
  Airport: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
    tripsFromMyOrganization: (airport: { code: string }, args: { from: Date; to: Date }, ctx: AnalyticsContext) => {
      requireRole(ctx.viewer, ...FINANCE_ROLES);
      return ctx.loaders.tripsTo(args.from, args.to).load(airport.code);
    },
  },
  Booking: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    emissions: (b: { id: string }, _: unknown, ctx: AnalyticsContext) => {
      requireViewer(ctx.viewer);
      return ctx.loaders.bookingEmissions.load(b.id);
    },
  },
};
