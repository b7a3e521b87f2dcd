import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

const schemaFile = (name: string) => new URL(`../../../schema/${name}`, import.meta.url);

/** What clients see: the suite walks this, so a field added to any subgraph is probed without anyone listing it. */
export const apiSchema: GraphQLSchema = buildSchema(readFileSync(schemaFile('api-schema.graphql'), 'utf8'));

export type RootKind = 'Query' | 'Mutation' | 'Subscription';

export function rootFields(kind: RootKind): GraphQLField<unknown, unknown>[] {
  const type = apiSchema.getType(kind);
  return type && isObjectType(type) ? Object.values(type.getFields()) : [];
}

/** An entity as the supergraph declares it: its single key field and the subgraphs that resolve it. */
export interface EntityType {
  name: string;
  key: string;
  graphs: string[];
}

/** Entity types with the subgraphs that can resolve them (`@join__type(..., key: ...)` without `resolvable: false`). */
export function entityTypes(): EntityType[] {
  const doc = parse(readFileSync(schemaFile('supergraph.graphql'), 'utf8'));
  const entities: EntityType[] = [];
  for (const def of doc.definitions) {
    if (def.kind !== 'ObjectTypeDefinition') continue;
    const keyed = (def.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => {
      const arg = (name: string) => d.arguments?.find((a) => a.name.value === name)?.value;
      const graph = arg('graph');
      const key = arg('key');
      const resolvable = arg('resolvable');
      return {
        graph: graph?.kind === 'EnumValue' ? graph.value.toLowerCase() : '',
        key: key?.kind === 'StringValue' ? key.value : undefined,
        resolvable: !(resolvable?.kind === 'BooleanValue' && !resolvable.value),
      };
    });
    const resolvers = keyed.filter((k) => k.key !== undefined && k.resolvable);
    if (resolvers.length === 0) continue;
    const keys = new Set(resolvers.map((k) => k.key!));
    if (keys.size !== 1 || [...keys][0]!.includes(' ')) throw new Error(`entity ${def.name.value} has keys ${[...keys].join(' | ')}; the suite only knows single-field keys`);
    entities.push({ name: def.name.value, key: [...keys][0]!, graphs: resolvers.map((k) => k.graph) });
  }
  return entities;
}

export function unwrap(type: GraphQLType): { named: GraphQLNamedType; list: boolean; required: boolean } {
  let t = type;
  const required = isNonNullType(t);
  let list = false;
  while (isNonNullType(t) || isListType(t)) {
    if (isListType(t)) list = true;
    t = t.ofType;
  }
  return { named: t as GraphQLNamedType, list, required };
}

/** A literal for a nested field's required argument (the probes put root arguments in variables). */
export type LiteralFor = (arg: GraphQLArgument, path: string) => string | undefined;

/**
 * A selection of every field of `type` down to `depth` levels, with
 * `__typename` on every object so the caller can tell what it got back.
 * Fields whose required arguments `literalFor` cannot fill are left out.
 */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, literalFor: LiteralFor, path = type.name): string {
  if (isScalarType(type) || isEnumType(type)) return '';
  if (depth <= 0) return '{ __typename }';
  if (isAbstractType(type)) {
    const parts = schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${selectionFor(schema, t, depth, literalFor, `${path}(${t.name})`)}`);
    return `{ __typename ${parts.join(' ')} }`;
  }
  const object = type as GraphQLObjectType;
  const fields: string[] = ['__typename'];
  for (const field of Object.values(object.getFields())) {
    if (field.name.startsWith('_')) continue;
    const args: string[] = [];
    let fillable = true;
    for (const arg of field.args) {
      const value = literalFor(arg, `${object.name}.${field.name}`);
      if (value !== undefined) args.push(`${arg.name}: ${value}`);
      else if (isNonNullType(arg.type) && arg.defaultValue === undefined) fillable = false;
    }
    if (!fillable) continue;
    const named = getNamedType(field.type);
    const sub = isScalarType(named) || isEnumType(named) ? '' : selectionFor(schema, named, depth - 1, literalFor, `${path}.${field.name}`);
    fields.push(`${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sub}`.trim());
  }
  return `{ ${fields.join(' ')} }`;
}

export function isInput(type: GraphQLInputType) {
  return isInputObjectType(getNamedType(type));
}
