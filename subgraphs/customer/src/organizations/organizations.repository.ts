import type { Executor } from '@travel/platform';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { organizations, type OrganizationRow, type OrganizationSettings } from '../db/schema.js';

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

  /** The organization whose allowedEmailDomains lists `domain` (settings keep a domain to one organization). */
  async findByAllowedEmailDomain(domain: string): Promise<OrganizationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(organizations)
      .where(sql`${organizations.settings} -> 'allowedEmailDomains' @> ${JSON.stringify([domain])}::jsonb`)
      .limit(1);
    return row;
  }

  /** Another organization that already allows one of `domains`, with the first such domain. */
  async findDomainClaimedElsewhere(orgId: string, domains: readonly string[]): Promise<{ organization: OrganizationRow; domain: string } | undefined> {
    if (domains.length === 0) return undefined;
    const [row] = await this.db
      .select()
      .from(organizations)
      .where(and(ne(organizations.id, orgId), sql`${organizations.settings} -> 'allowedEmailDomains' ?| ${sql.raw('array[')}${sql.join(domains.map((d) => sql`${d}`), sql`, `)}${sql.raw(']::text[]')}`))
      .limit(1);
    if (!row) return undefined;
    const domain = domains.find((d) => row.settings.allowedEmailDomains?.includes(d))!;
    return { organization: row, domain };
  }

  async updateSettings(orgId: string, settings: OrganizationSettings, db: Executor = this.db): Promise<OrganizationRow | undefined> {
    const [row] = await db.update(organizations).set({ settings }).where(eq(organizations.id, orgId)).returning();
    return row;
  }

  async insert(values: NewOrganization, db: Executor = this.db): Promise<OrganizationRow> {
    const [row] = await db.insert(organizations).values(values).returning();
    return row!;
  }
}
