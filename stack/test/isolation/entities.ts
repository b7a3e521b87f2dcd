import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { ROLES } from '@travel/platform';
import { gqlRequest, routerHeaders, type GraphQLResponse } from '@travel/platform/testkit';
import type { Stack } from '../../src/stack.js';
import { errorCodes, leakedValues, REFUSAL_CODES } from './leaks.js';
import { selection, type ProbeContext } from './probe.js';
import { ownership } from './registry.js';
import { entityTypes } from './schema-model.js';

type Entities = { _entities: (Record<string, unknown> | null)[] };

/** Nothing but the key and empty values: a subgraph that extends an entity may answer a stub for any id. */
function carriesNothing(entity: Record<string, unknown>, key: string): boolean {
  const empty = (v: unknown): boolean =>
    v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.entries(v as object).every(([k, x]) => k === '__typename' || empty(x)));
  return Object.entries(entity).every(([k, v]) => k === key || k === '__typename' || empty(v));
}

function judge(res: GraphQLResponse<Entities>, key: string): string | undefined {
  const entity = res.data?._entities?.[0];
  const codes = errorCodes(res);
  if (entity === null || entity === undefined) return codes.every((c) => REFUSAL_CODES.has(c) || c === 'GRAPHQL_VALIDATION_FAILED') ? undefined : `refused with ${codes.join(', ')}`;
  return carriesNothing(entity, key) ? undefined : `resolved: ${JSON.stringify(entity).slice(0, 200)}`;
}

const schemas = new Map<string, Promise<GraphQLSchema>>();

/** The subgraph's own schema, as it introspects (its GraphQLSchema object belongs to another copy of graphql). */
function subgraphSchema(url: string, headers: Record<string, string>): Promise<GraphQLSchema> {
  if (!schemas.has(url)) {
    schemas.set(
      url,
      gqlRequest<IntrospectionQuery>(url, getIntrospectionQuery(), {}, headers).then((res) => buildClientSchema(res.data!)),
    );
  }
  return schemas.get(url)!;
}

/**
 * Every entity type by the victim's key: through the router (which must not
 * expose `_entities`, or must refuse) and directly on every subgraph that
 * resolves it, with a valid router-signed identity of the attacker holding
 * every role.
 */
export async function probeEntities(stack: Stack, ctx: ProbeContext): Promise<void> {
  const { attacker, victim, c, tally } = ctx;
  const identity = await routerHeaders(stack.servers.customer.runtime.config, {
    personId: attacker.users.all.personId,
    orgId: attacker.orgId,
    roles: [...ROLES],
  });
  for (const entity of entityTypes()) {
    const owned = ownership(entity.name) === 'owned';
    const key = entity.key === 'code' ? 'JFK' : victim.firstId(entity.name);
    if (!key) {
      tally.fail(`_entities ${entity.name}`, `${victim.label} has no ${entity.name} to aim at (add one to the tenants)`);
      continue;
    }
    const representations = [{ __typename: entity.name, [entity.key]: key }];
    const viaRouter = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${entity.name} { ${entity.key} } } }`;
    tally.count('entities via router');
    const routed = (await attacker.as('all').request(viaRouter, { r: representations })) as GraphQLResponse<Entities>;
    const routedLeaks = leakedValues(routed, victim.values, [key]);
    if (routedLeaks.length) tally.leak(`router _entities ${entity.name}`, routedLeaks);
    const routedWhy = judge(routed, entity.key);
    if (owned && routedWhy) tally.fail(`router _entities ${entity.name}`, routedWhy);

    for (const graph of entity.graphs) {
      const server = stack.servers[graph as keyof Stack['servers']];
      if (!server) {
        tally.fail(`${graph} _entities ${entity.name}`, `no subgraph ${graph} in the stack`);
        continue;
      }
      tally.count('entities on subgraphs');
      const schema = await subgraphSchema(server.url, identity);
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${entity.name} ${selection(schema, entity.name, c, 2)} } }`;
      const res = await gqlRequest<Entities>(server.url, query, { r: representations }, identity);
      const leaks = leakedValues({ data: res.data, errors: res.errors }, victim.values, [key]);
      if (leaks.length) tally.leak(`${graph} _entities ${entity.name}`, leaks);
      const why = judge(res, entity.key);
      if (owned && why) tally.fail(`${graph} _entities ${entity.name}`, why);
    }
  }
}
