import { decodeCursor, DomainError } from '@travel/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL as uuid parameters; a malformed one would be a database error rather than "not found". */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function onlyUuids(ids: readonly string[]): string[] {
  return ids.filter(isUuid);
}

/**
 * Decodes a cursor whose key is [sort value, id]; anything else is a client
 * error, not a database error.
 */
export function pairCursor(after: string | null | undefined): [string, string] | null {
  if (!after) return null;
  const key = decodeCursor<unknown>(after);
  if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string' && isUuid(key[1])) {
    return [key[0], key[1]];
  }
  throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
}

/** True when `error`, or the driver error drizzle wraps in it, is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let e: unknown = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    // postgres.js names the index in constraint_name, PGlite in constraint.
    const fields = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    if (fields.code === '23505') return (fields.constraint_name ?? fields.constraint) === constraint;
    e = fields.cause;
  }
  return false;
}
