import { decodeCursor, DomainError, encodeCursor } from '@travel/platform';
import { money, type Money } from '../money.js';
import { isUuid } from '../validation.js';

export interface PriceBucketFacet {
  min: Money;
  max: Money;
  count: number;
}

/** A round bucket width (1, 2 or 5 times a power of ten, in minor units) giving about `buckets` buckets. */
function bucketWidth(span: number, buckets: number): number {
  const raw = Math.max(1, span / buckets);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw)!;
}

/** Counts of prices in ranges of equal round width; empty ranges are left out. */
export function priceBuckets(prices: number[], currency: string, buckets = 5): PriceBucketFacet[] {
  if (prices.length === 0) return [];
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const width = bucketWidth(max - min, buckets);
  const counts = new Map<number, number>();
  for (const price of prices) {
    const start = Math.floor(price / width) * width;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, count]) => ({ min: money(start, currency), max: money(start + width, currency), count }));
}

/** Counts of values, as [value, count] pairs in first-seen order. */
export function countBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): [K, number][] {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return [...counts.entries()];
}

/** Where a row sits in a sorted result: sort values, then its id as the last tie-breaker. */
export type SortKey = (number | string)[];

export function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** Decodes a cursor of `length` sort values ending in an id; anything else is a client error. */
export function sortKeyCursor(after: string | null | undefined, length: number): SortKey | null {
  if (!after) return null;
  const key = decodeCursor<unknown>(after);
  if (
    Array.isArray(key) &&
    key.length === length &&
    key.slice(0, -1).every((v) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') &&
    typeof key.at(-1) === 'string' &&
    isUuid(key.at(-1) as string)
  ) {
    return key as SortKey;
  }
  throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
}

/**
 * One page of an in-memory sorted result. The cursor is the last row's sort
 * key, so a page continues after it even if that row has since gone.
 */
export function pageOf<T>(
  rows: readonly T[],
  keyOf: (row: T) => SortKey,
  limit: number,
  after: SortKey | null,
): { page: { row: T; cursor: string }[]; hasNextPage: boolean; endCursor: string | null } {
  const sorted = rows.map((row) => ({ row, key: keyOf(row) })).sort((a, b) => compareSortKeys(a.key, b.key));
  const start = after ? sorted.findIndex((r) => compareSortKeys(r.key, after) > 0) : 0;
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit).map((r) => ({ row: r.row, cursor: encodeCursor(r.key) }));
  return { page, hasNextPage: rest.length > limit, endCursor: page.at(-1)?.cursor ?? null };
}
