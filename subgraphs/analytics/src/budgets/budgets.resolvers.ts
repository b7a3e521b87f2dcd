import { enumResolver, payload, requireRole, requireViewer, type Resolvers } from '@travel/platform';
import type { AnalyticsContext } from '../context.js';
import { BUDGET_PERIODS, type DepartmentBudgetRow } from '../db/schema.js';

export const budgetsResolvers: Resolvers<AnalyticsContext> = {
  BudgetPeriod: enumResolver(BUDGET_PERIODS),
  Mutation: {
    setDepartmentBudget: (_: unknown, args: { input: unknown }, ctx: AnalyticsContext) =>
      payload(async () => ({ budget: await ctx.services.budgets.set(ctx.viewer, args.input) })),
  },
  Organization: {
    departmentBudgets: (org: { id: string }, _: unknown, ctx: AnalyticsContext) => {
      const viewer = requireViewer(ctx.viewer);
      if (org.id !== viewer.orgId) return null;
      requireRole(viewer, 'travel_admin', 'finance');
      return ctx.services.budgets.statuses(org.id);
    },
  },
  DepartmentBudget: {
    amount: (b: DepartmentBudgetRow) => ({ amount: b.amountMinor, currency: b.currency }),
  },
};
