import type { Resolvers } from '../server/subgraph-server.js';

/** Merges per-module resolver maps type by type (Query, Mutation and entities span modules). */
export function mergeResolvers<Ctx>(...maps: Resolvers<Ctx>[]): Resolvers<Ctx> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const target = (merged[type] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`Resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return merged as Resolvers<Ctx>;
}
