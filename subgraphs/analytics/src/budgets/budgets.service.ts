import { parseInput, requireRole, type Clock, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import { BUDGET_PERIODS, type BudgetPeriod, type DepartmentBudgetRow } from '../db/schema.js';
import type { ReportsRepository } from '../reports/reports.repository.js';
import type { MoneyAmount } from '../spend/spend.service.js';
import type { BudgetsRepository } from './budgets.repository.js';

const DAY_MS = 86_400_000;

const setBudgetInput = z.object({
  department: z.string().trim().min(1, { error: 'department must not be empty' }).max(100, { error: 'department is at most 100 characters' }),
  period: z.enum(BUDGET_PERIODS, { error: 'period must be MONTH or YEAR' }),
  amount: z.object({
    amount: z.int().min(0, { error: 'amount must not be negative' }).max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code' }),
  }),
});

export interface BudgetStatus {
  budget: DepartmentBudgetRow;
  periodStart: Date;
  periodEnd: Date;
  /** Confirmed spend of the department in the budget's currency since the period began. */
  spent: MoneyAmount;
  utilization: number | null;
  burnRatePerDay: MoneyAmount | null;
  projectedSpend: MoneyAmount | null;
  elapsedDays: number;
  daysInPeriod: number;
}

/** num / den rounded half up, for non-negative integers. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

/** The UTC calendar month or year that `now` falls in. */
export function periodAround(period: BudgetPeriod, now: Date): { start: Date; end: Date } {
  const y = now.getUTCFullYear();
  if (period === 'year') return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
  const m = now.getUTCMonth();
  return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

/**
 * Department budgets: set by finance, measured against the spend projection.
 * Spend counts only bookings confirmed in the budget's currency: amounts in
 * other currencies are not converted.
 */
export class BudgetsService {
  constructor(
    private readonly budgets: BudgetsRepository,
    private readonly reports: ReportsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async set(viewer: Viewer | null, input: unknown): Promise<DepartmentBudgetRow> {
    const actor = requireRole(viewer, 'finance');
    const data = parseInput(setBudgetInput, input, 'input');
    return this.uow.run(({ tx }) =>
      this.budgets.upsert(
        {
          orgId: actor.orgId,
          department: data.department,
          period: data.period,
          amountMinor: data.amount.amount,
          currency: data.amount.currency,
          updatedAt: this.clock.now(),
          updatedById: actor.personId,
        },
        tx,
      ),
    );
  }

  /** Every budget of the organization with its figures for the period it is in now. */
  async statuses(orgId: string): Promise<BudgetStatus[]> {
    const now = this.clock.now();
    const rows = await this.budgets.forOrganization(orgId);
    return Promise.all(rows.map((budget) => this.status(budget, now)));
  }

  private async status(budget: DepartmentBudgetRow, now: Date): Promise<BudgetStatus> {
    const { start, end } = periodAround(budget.period, now);
    const spent = await this.reports.departmentSpend(budget.orgId, budget.department, budget.currency, { from: start, to: new Date(now.getTime() + 1) });
    const elapsedMs = BigInt(now.getTime() - start.getTime());
    const periodMs = BigInt(end.getTime() - start.getTime());
    const money = (amount: bigint): MoneyAmount => ({ amount, currency: budget.currency });
    return {
      budget,
      periodStart: start,
      periodEnd: end,
      spent: money(spent),
      utilization: budget.amountMinor === 0 ? null : Number(spent) / budget.amountMinor,
      // Exactly at the start of the period no time has elapsed, so there is no rate yet.
      burnRatePerDay: elapsedMs === 0n ? null : money(halfUp(spent * BigInt(DAY_MS), elapsedMs)),
      projectedSpend: elapsedMs === 0n ? null : money(halfUp(spent * periodMs, elapsedMs)),
      elapsedDays: Number(elapsedMs) / DAY_MS,
      daysInPeriod: Number(periodMs) / DAY_MS,
    };
  }
}
