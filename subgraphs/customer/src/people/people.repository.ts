import type { Executor } from '@travel/platform';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { delegations, people, type PersonRow } from '../db/schema.js';

export type NewPerson = typeof people.$inferInsert;
export type ProfileChanges = Partial<
  Pick<PersonRow, 'costCenter' | 'preferences' | 'loyaltyMemberships' | 'passportNumber' | 'passportCountry' | 'passportExpiresOn' | 'visas'>
>;
/** What an import may change on a person. */
export type EmployeeChanges = Partial<Pick<PersonRow, 'name' | 'department' | 'level' | 'title' | 'costCenter' | 'roles' | 'managerId'>>;
/** Sort key of the people list: name, then id for ties. */
export type PersonCursor = [name: string, id: string];

export class PeopleRepository {
  constructor(private readonly db: Executor) {}

  /** People of one organization only: the tenancy rule lives in the query. */
  async findByIds(orgId: string, ids: readonly string[], db: Executor = this.db): Promise<PersonRow[]> {
    return db
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

  /** The person and everyone who delegated booking to them, by name. */
  async listBookableBy(orgId: string, personId: string, limit: number, after: PersonCursor | null): Promise<PersonRow[]> {
    const afterClause = after ? or(gt(people.name, after[0]), and(eq(people.name, after[0]), gt(people.id, after[1]))) : undefined;
    return this.db
      .select()
      .from(people)
      .where(and(eq(people.orgId, orgId), this.bookableBy(orgId, personId), afterClause))
      .orderBy(asc(people.name), asc(people.id))
      .limit(limit + 1);
  }

  async countBookableBy(orgId: string, personId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(and(eq(people.orgId, orgId), this.bookableBy(orgId, personId)));
    return row?.n ?? 0;
  }

  private bookableBy(orgId: string, personId: string) {
    const principals = this.db
      .select({ id: delegations.principalId })
      .from(delegations)
      .where(and(eq(delegations.orgId, orgId), eq(delegations.delegateId, personId)));
    return or(eq(people.id, personId), inArray(people.id, principals));
  }

  /** People with these (normalized) emails, in any organization: an email belongs to one account platform-wide. */
  async findByEmails(emails: readonly string[], db: Executor = this.db): Promise<PersonRow[]> {
    const found: PersonRow[] = [];
    for (let i = 0; i < emails.length; i += 1000) {
      const chunk = emails.slice(i, i + 1000);
      found.push(...(await db.select().from(people).where(inArray(people.email, chunk))));
    }
    return found;
  }

  /** Every person of the organization with their manager: the graph an import must keep free of loops. */
  async managerLinks(orgId: string): Promise<{ id: string; managerId: string | null }[]> {
    return this.db.select({ id: people.id, managerId: people.managerId }).from(people).where(eq(people.orgId, orgId));
  }

  async updateProfile(orgId: string, personId: string, changes: ProfileChanges): Promise<PersonRow | undefined> {
    const [row] = await this.db
      .update(people)
      .set(changes)
      .where(and(eq(people.orgId, orgId), eq(people.id, personId)))
      .returning();
    return row;
  }

  async updateEmployee(orgId: string, personId: string, changes: EmployeeChanges, db: Executor = this.db): Promise<void> {
    await db
      .update(people)
      .set(changes)
      .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
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
