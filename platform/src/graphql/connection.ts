import { DomainError } from '../errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

/** Validates `first` (capped) and decodes `after` into the key it encodes. */
export function pageArgs<K>(args: { first?: number | null; after?: string | null }): { limit: number; after: K | null } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new DomainError('VALIDATION_FAILED', `first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { limit: first, after: args.after ? decodeCursor<K>(args.after) : null };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K>(cursor: string): K {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as K;
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
  }
}

/**
 * Builds a connection from rows fetched with `limit + 1`: the extra row only
 * tells whether another page exists.
 */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => unknown, totalCount?: number): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
