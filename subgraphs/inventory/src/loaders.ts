import DataLoader from 'dataloader';

/** Key of a child list read for one parent over a range of dates: `${parentId}|${from}|${to}`. */
export function stayKey(parentId: string, from: string, to: string): string {
  return `${parentId}|${from}|${to}`;
}

/**
 * A loader of child lists keyed by stayKey: keys that share a range are
 * fetched together, one query per distinct range in a request.
 */
export function rangeLoader<T>(fetch: (parentIds: string[], from: string, to: string) => Promise<Map<string, T[]>>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const byRange = new Map<string, string[]>();
    for (const key of keys) {
      const [parentId, from, to] = key.split('|') as [string, string, string];
      byRange.set(`${from}|${to}`, [...(byRange.get(`${from}|${to}`) ?? []), parentId]);
    }
    const results = new Map<string, T[]>();
    for (const [range, parentIds] of byRange) {
      const [from, to] = range.split('|') as [string, string];
      const found = await fetch(parentIds, from, to);
      for (const id of parentIds) results.set(stayKey(id, from, to), found.get(id) ?? []);
    }
    return keys.map((k) => results.get(k) ?? []);
  });
}
