import { createHash } from 'node:crypto';
import { API_KEY_SCOPES, type ApiKeyScope, type Viewer } from '@travel/platform';

/** What customer says about a key (POST /internal/api-keys/verify). */
export interface VerifiedApiKey {
  apiKeyId: string;
  orgId: string;
  scopes: ApiKeyScope[];
}

/** The customer path; see subgraphs/customer/src/api-keys/api-keys.routes.ts. */
const VERIFY_PATH = '/internal/api-keys/verify';
const MAX_ENTRIES = 10_000;

export class ApiKeyVerificationUnavailable extends Error {
  override name = 'ApiKeyVerificationUnavailable';
}

/** An API key acts as role partner of its organization; its id stands in for the person. */
export function apiKeyViewer(key: VerifiedApiKey): Viewer {
  return { personId: key.apiKeyId, orgId: key.orgId, roles: ['partner'], scopes: key.scopes, apiKeyId: key.apiKeyId };
}

/**
 * Asks customer who a key belongs to, and remembers the answer (including
 * "unknown") for `ttlMs`, so a revoked key stops working within that time
 * while a busy partner costs customer one call per key per TTL. Entries are
 * keyed by the key's hash (no secret sits in memory longer than a request)
 * and evicted least recently used first.
 */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, { value: VerifiedApiKey | null; expiresAt: number }>();

  constructor(
    private readonly deps: { customerUrl: () => string; internalSecret: string; ttlMs: number; now?: () => number; maxEntries?: number },
  ) {}

  async verify(key: string): Promise<VerifiedApiKey | null> {
    const now = this.deps.now?.() ?? Date.now();
    const id = createHash('sha256').update(key).digest('hex');
    const hit = this.cache.get(id);
    if (hit && hit.expiresAt > now) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit.value;
    }
    const value = await this.ask(key);
    if (this.deps.ttlMs > 0) {
      this.cache.delete(id);
      this.cache.set(id, { value, expiresAt: now + this.deps.ttlMs });
      const max = this.deps.maxEntries ?? MAX_ENTRIES;
      while (this.cache.size > max) this.cache.delete(this.cache.keys().next().value!);
    }
    return value;
  }

  private async ask(key: string): Promise<VerifiedApiKey | null> {
    let res: Response;
    try {
      res = await fetch(new URL(VERIFY_PATH, this.deps.customerUrl()), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.deps.internalSecret}` },
        body: JSON.stringify({ key }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw new ApiKeyVerificationUnavailable(`customer did not answer: ${(error as Error).message}`);
    }
    if (res.status === 404 || res.status === 400) return null;
    if (!res.ok) throw new ApiKeyVerificationUnavailable(`customer answered ${res.status}`);
    const body = (await res.json()) as Partial<VerifiedApiKey>;
    if (typeof body.apiKeyId !== 'string' || typeof body.orgId !== 'string' || !Array.isArray(body.scopes)) {
      throw new ApiKeyVerificationUnavailable('customer answered without a key');
    }
    const scopes = body.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s));
    return { apiKeyId: body.apiKeyId, orgId: body.orgId, scopes };
  }
}
