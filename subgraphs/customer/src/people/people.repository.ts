import type { Executor } from '@travel/platform';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { people, type PersonRow } from '../db/schema.js';

export type NewPerson = typeof people.$inferInsert;
/** Sort key of the people list: name, then id for ties. */
export type PersonCursor = [name: string, id: string];

export class PeopleRepository {
  constructor(private readonly db: Executor) {}

  /** People of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[]): Promise<PersonRow[]> {
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), inArray(people.id, [...ids])));
  }

  async findByEmail(email: string): Promise<PersonRow | undefined> {
    const [row] = await this.db.select().from(people).where(eq(people.email, email.trim().toLowerCase()));
    return row;
  }

  async listByOrganization(orgId: string, limit: number, after: PersonCursor | null): Promise<PersonRow[]> {
    const afterClause = after ? or(gt(people.name, after[0]), and(eq(people.name, after[0]), gt(people.id, after[1]))) : undefined;
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), afterClause))
      .orderBy(asc(people.name), asc(people.id))
      .limit(limit + 1);
  }

  async countByOrganization(orgId: string): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.orgId, orgId));
    return row?.n ?? 0;
  }

  async insertMany(values: NewPerson[], db: Executor = this.db): Promise<PersonRow[]> {
    if (values.length === 0) return [];
    return db
      .insert(people)
      .values(values.map((v) => ({ ...v, email: v.email.trim().toLowerCase() })))
      .returning();
  }

  async setManager(personId: string, managerId: string, db: Executor = this.db): Promise<void> {
    await db.update(people).set({ managerId }).where(eq(people.id, personId));
  }
}
