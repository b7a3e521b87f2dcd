/** Rows of a `db.execute` result: postgres.js returns them as the result itself, PGlite under `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
