import type { FlightRow } from '../db/schema.js';
import type { FlightCandidate, FlightSearch } from '../flights/flights.repository.js';
import { routeDateScope, utcDatesOf, type SearchCache } from './search-cache.js';

/** How long a cached flight search may be served; changes announced meanwhile invalidate it sooner. */
export const FLIGHT_SEARCH_TTL_MS = 30_000;

type Serialized = Omit<FlightCandidate, 'departureAt' | 'arrivalAt' | 'createdAt'> & { departureAt: string; arrivalAt: string; createdAt: string };

/**
 * Caches the candidate flights of a route and window (everything a search
 * reads from the database); filters, sorting, facets and pages are applied
 * to them per request. Versions are read before the database is, so a result
 * computed before a change can only ever be stored under the versions that
 * change has already bumped past.
 */
export class FlightSearchCache {
  hits = 0;
  misses = 0;

  constructor(
    private readonly cache: SearchCache,
    private readonly ttlMs: number = FLIGHT_SEARCH_TTL_MS,
  ) {}

  async read(q: FlightSearch, load: () => Promise<FlightCandidate[]>): Promise<FlightCandidate[]> {
    const scopes = utcDatesOf(q.from, q.to).map((d) => routeDateScope(q.origin, q.destination, d));
    let versions: number[];
    try {
      versions = await this.cache.versions(scopes);
    } catch {
      // The cache is an accelerator: when it is down, search still answers from the database.
      return load();
    }
    const key = `flights:${q.origin}:${q.destination}:${q.from.toISOString()}:${q.to.toISOString()}:${q.cabin ?? '*'}:${q.passengers}:${versions.join('.')}`;
    const cached = await this.cache.get(key).catch(() => undefined);
    if (cached !== undefined) {
      this.hits += 1;
      return (JSON.parse(cached) as Serialized[]).map((c) => ({
        ...c,
        departureAt: new Date(c.departureAt),
        arrivalAt: new Date(c.arrivalAt),
        createdAt: new Date(c.createdAt),
      }));
    }
    this.misses += 1;
    const rows = await load();
    await this.cache.set(key, JSON.stringify(rows), this.ttlMs).catch(() => undefined);
    return rows;
  }

  /** Makes every cached search that could contain one of these flights unreachable. */
  async invalidate(flights: readonly Pick<FlightRow, 'originCode' | 'destinationCode' | 'departureAt'>[]): Promise<void> {
    const scopes = flights.map((f) => routeDateScope(f.originCode, f.destinationCode, f.departureAt.toISOString().slice(0, 10)));
    await this.cache.bump(scopes);
  }
}
