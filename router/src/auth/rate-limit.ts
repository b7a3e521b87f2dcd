import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Requests per key per minute. On Redis every router instance counts against
 * the same budget; embedded (no REDIS_URL) the count is per process.
 */
export class ApiKeyRateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(opts: { perMinute: number; redis?: Redis; namespace: string }) {
    const common = { points: opts.perMinute, duration: 60, keyPrefix: `${opts.namespace}:api-key-rate` };
    this.limiter = opts.redis ? new RateLimiterRedis({ ...common, storeClient: opts.redis }) : new RateLimiterMemory(common);
  }

  async consume(apiKeyId: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(apiKeyId);
      return { allowed: true };
    } catch (rejection) {
      // A Redis failure rejects with an Error, not a RateLimiterRes: that must not pass as "over the limit".
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
}
