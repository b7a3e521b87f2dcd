import DataLoader from 'dataloader';

/** Orders rows fetched by a batch query to match the requested keys; missing keys give null. */
export function alignByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Groups rows of a child list by parent key, in request order; parents without children get []. */
export function groupByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const list = groups.get(keyOf(row));
    if (list) list.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

/** A per-request loader of entities by id, batched into one query. */
export function entityLoader<R extends { id: string }>(fetch: (ids: readonly string[]) => Promise<R[]>): DataLoader<string, R | null> {
  return new DataLoader(async (ids) => alignByKey(ids, await fetch(ids), (r) => r.id));
}

/** A per-request loader of child lists by parent id, batched into one query. */
export function childrenLoader<R>(fetch: (parentIds: readonly string[]) => Promise<R[]>, parentOf: (row: R) => string): DataLoader<string, R[]> {
  return new DataLoader(async (ids) => groupByKey(ids, await fetch(ids), parentOf));
}
