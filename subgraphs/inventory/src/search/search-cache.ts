import type { Worker } from '@travel/platform';
import { Redis } from 'ioredis';

/**
 * A cache of search results with versioned invalidation. Each entry is
 * stored under its query plus the current versions of the scopes it depends
 * on (route and departure date); bumping a scope's version makes every entry
 * that read it unreachable at once, without finding or deleting them. TTLs
 * clean them up and bound staleness from changes nobody announced (a hold
 * that simply ran out).
 */
export interface SearchCache extends Worker {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  versions(scopes: readonly string[]): Promise<number[]>;
  bump(scopes: readonly string[]): Promise<void>;
}

/** Versions kept this long after their last bump; far longer than any entry's TTL. */
const VERSION_TTL_SECONDS = 24 * 3600;

/** Shared by every inventory process on one Redis, so a hold in one invalidates searches cached by another. */
export class RedisSearchCache implements SearchCache {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  }

  start(): void {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.prefix}:entry:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}:entry:${key}`, value, 'PX', ttlMs);
  }

  async versions(scopes: readonly string[]): Promise<number[]> {
    if (scopes.length === 0) return [];
    const values = await this.redis.mget(scopes.map((s) => `${this.prefix}:version:${s}`));
    return values.map((v) => Number(v ?? 0));
  }

  async bump(scopes: readonly string[]): Promise<void> {
    if (scopes.length === 0) return;
    const pipeline = this.redis.multi();
    for (const scope of new Set(scopes)) pipeline.incr(`${this.prefix}:version:${scope}`).expire(`${this.prefix}:version:${scope}`, VERSION_TTL_SECONDS);
    await pipeline.exec();
  }

  async stop(): Promise<void> {
    this.redis.disconnect();
  }
}

/** One process's cache: least recently used entries go first once `maxEntries` is reached. */
export class MemorySearchCache implements SearchCache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly scopeVersions = new Map<string, number>();

  constructor(
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  async versions(scopes: readonly string[]): Promise<number[]> {
    return scopes.map((s) => this.scopeVersions.get(s) ?? 0);
  }

  async bump(scopes: readonly string[]): Promise<void> {
    for (const scope of new Set(scopes)) this.scopeVersions.set(scope, (this.scopeVersions.get(scope) ?? 0) + 1);
  }

  async stop(): Promise<void> {
    this.entries.clear();
  }
}

/** Scope of a route's departures on one UTC date. */
export function routeDateScope(origin: string, destination: string, utcDate: string): string {
  return `route:${origin}>${destination}@${utcDate}`;
}

/** The UTC dates an interval [from, to) touches. */
export function utcDatesOf(from: Date, to: Date): string[] {
  const dates: string[] = [];
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (day < to) {
    dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}
