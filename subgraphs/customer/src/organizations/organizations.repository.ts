import type { Executor } from '@travel/platform';
import { eq, inArray } from 'drizzle-orm';
import { organizations, type OrganizationRow } from '../db/schema.js';

export type NewOrganization = typeof organizations.$inferInsert;

export class OrganizationsRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[]): Promise<OrganizationRow[]> {
    return this.db.select().from(organizations).where(inArray(organizations.id, [...ids]));
  }

  async findBySlug(slug: string, db: Executor = this.db): Promise<OrganizationRow | undefined> {
    const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug));
    return row;
  }

  async insert(values: NewOrganization, db: Executor = this.db): Promise<OrganizationRow> {
    const [row] = await db.insert(organizations).values(values).returning();
    return row!;
  }
}
