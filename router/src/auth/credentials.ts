import { InvalidTokenError, verifyAccessToken, type Config, type Viewer } from '@travel/platform';
import { apiKeyViewer, type ApiKeyVerifier } from './api-keys.js';
import type { ApiKeyRateLimiter } from './rate-limit.js';

/** What a caller presented: the Authorization header (or connection_init value) and the x-api-key one. */
export interface PresentedCredentials {
  authorization?: unknown;
  apiKey?: unknown;
}

export type CredentialFailure =
  | { kind: 'unauthenticated'; message: string }
  | { kind: 'rate_limited'; message: string; retryAfterSeconds: number };

/** Who is calling, or why they may not. */
export type CredentialResult = { ok: true; viewer: Viewer | null } | ({ ok: false } & CredentialFailure);

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * The router's one place that decides who a caller is, for HTTP and
 * graphql-ws alike: `Authorization: Bearer <access token>` for people,
 * `x-api-key: <key>` for partners (verified by customer, cached, rate-limited
 * per key). Nothing presented is an anonymous caller; something bad is
 * refused rather than downgraded to anonymous.
 */
export class CredentialVerifier {
  constructor(
    private readonly deps: { config: Pick<Config, 'JWT_SECRET'>; apiKeys: ApiKeyVerifier; rateLimiter: ApiKeyRateLimiter },
  ) {}

  async verify(presented: PresentedCredentials): Promise<CredentialResult> {
    const hasToken = present(presented.authorization);
    const hasKey = present(presented.apiKey);
    if (hasToken && hasKey) return { ok: false, kind: 'unauthenticated', message: 'Send either an access token or an API key, not both' };
    if (hasKey) return this.verifyKey(presented.apiKey);
    if (hasToken) return this.verifyToken(presented.authorization);
    return { ok: true, viewer: null };
  }

  /** Re-checks a key of a long-lived connection (cached, so cheap) and counts the operation against its limit. */
  async recheck(viewer: Viewer | null, apiKey: unknown): Promise<CredentialResult> {
    return viewer?.apiKeyId ? this.verifyKey(apiKey) : { ok: true, viewer };
  }

  private async verifyToken(authorization: unknown): Promise<CredentialResult> {
    const [scheme, token] = typeof authorization === 'string' ? authorization.split(' ') : [];
    if (scheme?.toLowerCase() !== 'bearer' || !token) return { ok: false, kind: 'unauthenticated', message: 'Authorization must be "Bearer <access token>"' };
    try {
      return { ok: true, viewer: await verifyAccessToken(token, this.deps.config.JWT_SECRET) };
    } catch (error) {
      if (error instanceof InvalidTokenError) return { ok: false, kind: 'unauthenticated', message: error.expired ? 'Access token expired; sign in again' : 'Access token invalid' };
      throw error;
    }
  }

  private async verifyKey(apiKey: unknown): Promise<CredentialResult> {
    if (typeof apiKey !== 'string') return { ok: false, kind: 'unauthenticated', message: 'API key invalid' };
    const key = await this.deps.apiKeys.verify(apiKey);
    if (!key) return { ok: false, kind: 'unauthenticated', message: 'API key invalid or revoked' };
    const decision = await this.deps.rateLimiter.consume(key.apiKeyId);
    if (!decision.allowed) return { ok: false, kind: 'rate_limited', message: 'Too many requests for this API key', retryAfterSeconds: decision.retryAfterSeconds };
    return { ok: true, viewer: apiKeyViewer(key) };
  }
}
