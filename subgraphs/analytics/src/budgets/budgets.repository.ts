import type { Executor } from '@travel/platform';
import { and, asc, eq, sql } from 'drizzle-orm';
import { departmentBudgets, type DepartmentBudgetRow } from '../db/schema.js';

const t = departmentBudgets;

export class BudgetsRepository {
  constructor(private readonly db: Executor) {}

  /** One budget per organization, department and period: setting it again replaces amount and currency. */
  async upsert(row: DepartmentBudgetRow, tx: Executor): Promise<DepartmentBudgetRow> {
    const [saved] = await tx
      .insert(t)
      .values(row)
      .onConflictDoUpdate({
        target: [t.orgId, t.department, t.period],
        set: { amountMinor: sql`excluded.amount_minor`, currency: sql`excluded.currency`, updatedAt: sql`excluded.updated_at`, updatedById: sql`excluded.updated_by_id` },
      })
      .returning();
    return saved!;
  }

  async forOrganization(orgId: string): Promise<DepartmentBudgetRow[]> {
    return this.db.select().from(t).where(eq(t.orgId, orgId)).orderBy(asc(t.department), asc(t.period));
  }

  async find(orgId: string, department: string, period: DepartmentBudgetRow['period']): Promise<DepartmentBudgetRow | undefined> {
    const [row] = await this.db.select().from(t).where(and(eq(t.orgId, orgId), eq(t.department, department), eq(t.period, period)));
    return row;
  }
}
