import type { ApiKeyScope, Viewer } from '../auth/identity.js';
import { requireScope } from '../errors.js';
import type { Resolvers } from '../server/subgraph-server.js';

type AnyResolver = (...args: unknown[]) => unknown;

export interface ScopeRule {
  /** Needed by queries, subscriptions and entity references (and by every field when `everyField`). */
  read: ApiKeyScope;
  /** Needed by mutations. */
  write: ApiKeyScope;
  /** Guard every field of every type, for subgraphs whose entity fields are all one scope's data (analytics). */
  everyField?: boolean;
}

function guarded(resolver: AnyResolver, scope: ApiKeyScope, contextIndex: number): AnyResolver {
  return (...args: unknown[]) => {
    requireScope((args[contextIndex] as { viewer: Viewer | null } | undefined)?.viewer ?? null, scope);
    return resolver(...args);
  };
}

/**
 * Applies API key scopes to a subgraph's whole resolver map, so that no root
 * field or entity reference is forgotten: a key without the scope gets
 * FORBIDDEN; people signed in with a token are unaffected (see requireScope).
 */
export function withApiKeyScopes<Ctx>(resolvers: Resolvers<Ctx>, rule: ScopeRule): Resolvers<Ctx> {
  const out: Record<string, unknown> = {};
  for (const [type, fields] of Object.entries(resolvers as Record<string, unknown>)) {
    const root = type === 'Query' || type === 'Mutation' || type === 'Subscription';
    if (!fields || typeof fields !== 'object' || (!root && !isObjectType(fields))) {
      out[type] = fields;
      continue;
    }
    const scope = type === 'Mutation' ? rule.write : rule.read;
    const wrapped: Record<string, unknown> = {};
    for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
      if (field === '__resolveReference' && typeof resolver === 'function') wrapped[field] = guarded(resolver as AnyResolver, scope, 1);
      else if ((root || rule.everyField) && typeof resolver === 'function' && !field.startsWith('__')) wrapped[field] = guarded(resolver as AnyResolver, scope, 2);
      else if (type === 'Subscription' && resolver && typeof resolver === 'object' && 'subscribe' in resolver) {
        const sub = resolver as { subscribe: AnyResolver };
        wrapped[field] = { ...sub, subscribe: guarded(sub.subscribe, scope, 2) };
      } else wrapped[field] = resolver;
    }
    out[type] = wrapped;
  }
  return out as Resolvers<Ctx>;
}

/** Object type resolver maps hold functions; enum maps hold strings and scalars are class instances. */
function isObjectType(fields: object): boolean {
  return Object.getPrototypeOf(fields) === Object.prototype && Object.values(fields).some((v) => typeof v === 'function');
}
