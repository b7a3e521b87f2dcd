import type { Executor } from '@travel/platform';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { apiKeys, type ApiKeyRow } from '../db/schema.js';

export type NewApiKey = typeof apiKeys.$inferInsert;

export class ApiKeysRepository {
  constructor(private readonly db: Executor) {}

  async insert(values: NewApiKey, db: Executor = this.db): Promise<ApiKeyRow> {
    const [row] = await db.insert(apiKeys).values(values).returning();
    return row!;
  }

  async findInOrganization(orgId: string, id: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
    return row;
  }

  async listByOrganization(orgId: string): Promise<ApiKeyRow[]> {
    return this.db.select().from(apiKeys).where(eq(apiKeys.orgId, orgId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  }

  async findBySecretHash(secretHash: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
    return row;
  }

  /** Sets revokedAt once; a second revoke keeps the first instant. */
  async revoke(orgId: string, id: string, at: Date): Promise<ApiKeyRow | undefined> {
    await this.db
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    return this.findInOrganization(orgId, id);
  }

  /** Records a use unless one was recorded after `staleBefore`: concurrent verifies write at most once per window. */
  async touch(id: string, at: Date, staleBefore: Date): Promise<void> {
    await this.db
      .update(apiKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  }
}
