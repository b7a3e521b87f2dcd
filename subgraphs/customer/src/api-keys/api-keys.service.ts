import { API_KEY_SCOPES, DomainError, parseInput, requireRole, type ApiKeyScope, type Clock, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { ApiKeyRow } from '../db/schema.js';
import { generateApiKey, hashApiKey } from './api-key-secret.js';
import type { ApiKeysRepository } from './api-keys.repository.js';

/** lastUsedAt is a hint for admins, not an audit log: one write per key per minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

const createInput = z.object({
  name: z.string().trim().min(1, 'Name the key').max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, 'Give the key at least one scope'),
});

export interface VerifiedApiKey {
  apiKeyId: string;
  orgId: string;
  scopes: ApiKeyScope[];
}

export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
  ) {}

  /** Creates a key in the admin's organization; the secret is in the result and nowhere else. */
  async create(viewer: Viewer | null, input: { name: string; scopes: string[] }): Promise<{ apiKey: ApiKeyRow; secret: string }> {
    const admin = requireRole(viewer, 'travel_admin', 'platform_admin');
    const { name, scopes } = parseInput(createInput, input);
    const generated = generateApiKey();
    const apiKey = await this.keys.insert({
      orgId: admin.orgId,
      name,
      scopes: [...new Set(scopes)],
      prefix: generated.prefix,
      secretHash: generated.secretHash,
      createdBy: admin.personId,
    });
    return { apiKey, secret: generated.secret };
  }

  async revoke(viewer: Viewer | null, id: string): Promise<ApiKeyRow> {
    const admin = requireRole(viewer, 'travel_admin', 'platform_admin');
    if (!z.uuid().safeParse(id).success) throw new DomainError('NOT_FOUND', 'No such API key', 'id');
    const row = await this.keys.revoke(admin.orgId, id, this.clock.now());
    if (!row) throw new DomainError('NOT_FOUND', 'No such API key', 'id');
    return row;
  }

  async list(viewer: Viewer | null, orgId: string): Promise<ApiKeyRow[]> {
    const admin = requireRole(viewer, 'travel_admin', 'platform_admin');
    return admin.orgId === orgId ? this.keys.listByOrganization(orgId) : [];
  }

  /** The key's organization and scopes, or null when it is unknown or revoked; records the use. */
  async verify(secret: string): Promise<VerifiedApiKey | null> {
    const row = await this.keys.findBySecretHash(hashApiKey(secret));
    if (!row || row.revokedAt) return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.keys.touch(row.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    }
    return { apiKeyId: row.id, orgId: row.orgId, scopes: row.scopes };
  }
}
