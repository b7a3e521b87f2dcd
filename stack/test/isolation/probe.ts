import { getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { GraphQLResponse } from '@travel/platform/testkit';
import type { Catalog } from './catalog.js';
import { idSlots, nestedArgument, ownId, rootArguments, type IdSlot } from './inputs.js';
import { leakedValues, whyNotRefused } from './leaks.js';
import { ownership, TYPE_OWNERSHIP } from './registry.js';
import { apiSchema, selectionFor, type RootKind } from './schema-model.js';
import type { Api, Tenant } from './tenants.js';

/** How deep the probes select: deep enough to cross into every other subgraph from any root field. */
export const DEPTH = 4;

/** Paths tried and failures, per kind of path, printed at the end and asserted to have no failures. */
export class Tally {
  readonly tried = new Map<string, number>();
  readonly leaks: string[] = [];
  readonly failures: string[] = [];

  count(kind: string): void {
    this.tried.set(kind, (this.tried.get(kind) ?? 0) + 1);
  }
  leak(path: string, values: string[]): void {
    this.leaks.push(`${path}: ${values.join(', ')}`);
  }
  fail(path: string, why: string): void {
    this.failures.push(`${path}: ${why}`);
  }
  report(): string {
    const lines = [...this.tried].map(([kind, n]) => `  ${kind.padEnd(32)} ${String(n).padStart(4)} paths`);
    return [
      'isolation suite',
      ...lines,
      `  leaked: ${this.leaks.length}`,
      ...this.leaks.map((l) => `    LEAK ${l}`),
      `  other failures: ${this.failures.length}`,
      ...this.failures.map((f) => `    FAIL ${f}`),
    ].join('\n');
  }
}

export function selection(schema: GraphQLSchema, typeName: string, c: Catalog, depth = DEPTH): string {
  const type = schema.getType(typeName);
  if (!type) throw new Error(`no type ${typeName}`);
  return selectionFor(schema, type, depth, (arg) => nestedArgument(arg, c));
}

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export function operation(root: RootKind, field: GraphQLField<unknown, unknown>, fill: (slot: IdSlot) => string | undefined, c: Catalog, self: Tenant, depth = DEPTH): Operation {
  const { variables, declarations, uses } = rootArguments(root, field, fill, c, self);
  const keyword = root.toLowerCase();
  const decl = declarations.length ? `(${declarations.join(', ')})` : '';
  const args = uses.length ? `(${uses.join(', ')})` : '';
  return { query: `${keyword} Probe${decl} { ${field.name}${args} ${selection(apiSchema, getNamedType(field.type).name, c, depth)} }`, variables };
}

/** Objects with an id in a response, by `Type:id`, with their own scalar fields (what a mutation could change). */
export type Snapshot = Map<string, Record<string, unknown>>;

function walk(value: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((v) => walk(v, visit));
  }
}

/** Records every object of a registered type in `data` into the tenant's ids, and its scalars into `snapshot`. */
export function collect(data: unknown, owner: Tenant, snapshot: Snapshot): void {
  walk(data, (o) => {
    const type = o['__typename'];
    if (typeof type !== 'string' || typeof o['id'] !== 'string') return;
    if (isObjectType(apiSchema.getType(type))) ownership(type);
    owner.addId(type, o['id'], TYPE_OWNERSHIP[type] === 'owned');
    if (TYPE_OWNERSHIP[type] !== 'owned') return;
    const scalars = Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object'))));
    const key = `${type}:${o['id']}`;
    snapshot.set(key, { ...snapshot.get(key), ...scalars });
  });
}

/**
 * Every query field as the owner with its own ids (in two passes, since some
 * ids are only reachable through others): fills the owner's registry of ids
 * and returns what its data looks like.
 */
export async function harvest(owner: Tenant, c: Catalog, fields: GraphQLField<unknown, unknown>[]): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (let pass = 0; pass < 2; pass++) {
    for (const field of fields) {
      const slots = idSlots('Query', field);
      if (slots.some((s) => s.required && !ownId(s, owner, c))) continue;
      const op = operation('Query', field, (s) => ownId(s, owner, c), c, owner);
      const res = await owner.as('all').request(op.query, op.variables);
      collect(res.data, owner, snapshot);
    }
  }
  return snapshot;
}

export interface ProbeContext {
  attacker: Tenant;
  victim: Tenant;
  c: Catalog;
  tally: Tally;
}

/**
 * One root field as the attacker: once per owned id slot with the victim's
 * id there (the attacker's own ids elsewhere), which must be refused; once
 * with only its own ids, which may answer but must not leak.
 */
export async function probeRootField(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>, ctx: ProbeContext, as: Api): Promise<void> {
  const { attacker, victim, c, tally } = ctx;
  const slots = idSlots(root, field);
  const aimed = slots.filter((s) => s.owned);
  const runs: { target?: IdSlot }[] = aimed.length ? aimed.map((target) => ({ target })) : [{}];
  for (const { target } of runs) {
    const path = `${root}.${field.name}${target ? ` [${target.path.split('.').slice(2).join('.')} = ${victim.label}'s ${target.type}]` : ''}`;
    tally.count(root === 'Query' ? 'query fields' : 'mutation fields');
    const sent: string[] = [];
    let op;
    try {
      op = operation(root, field, (s) => {
        if (target && s.path === target.path) {
          const id = victim.firstId(s.type);
          if (!id) throw new Error(`isolation: ${victim.label} has no ${s.type} to aim at`);
          sent.push(id);
          return id;
        }
        return ownId(s, attacker, c);
      }, c, attacker);
    } catch (error) {
      tally.fail(path, (error as Error).message);
      continue;
    }
    const res = (await as.request(op.query, op.variables)) as GraphQLResponse<Record<string, unknown>>;
    const leaked = leakedValues({ data: res.data, errors: res.errors }, victim.values, sent);
    if (leaked.length) tally.leak(path, leaked);
    if (target) {
      const why = whyNotRefused(res, field.name);
      if (why) tally.fail(path, why);
    } else if (res.errors?.some((e) => e.extensions?.['code'] === 'INTERNAL_SERVER_ERROR')) {
      tally.fail(path, `internal error: ${res.errors.map((e) => e.message).join('; ')}`);
    }
  }
}
