import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import type { Catalog } from './catalog.js';
import { idTarget, inputSample, nestedLiteral, ownership, scalarSample } from './registry.js';
import { unwrap, type RootKind } from './schema-model.js';
import type { Tenant } from './tenants.js';

/** A place in a root field's arguments that takes an id: the probes put the other organization's ids there, one at a time. */
export interface IdSlot {
  path: string;
  type: string;
  owned: boolean;
  required: boolean;
  list: boolean;
}

/** Chooses the id for a slot; undefined leaves an optional slot out. */
export type IdFill = (slot: IdSlot) => string | undefined;

/** Every ID argument and ID input field (at any depth) of a root field. */
export function idSlots(root: RootKind, field: GraphQLField<unknown, unknown>): IdSlot[] {
  const slots: IdSlot[] = [];
  const returnType = getNamedType(field.type).name;
  const visit = (name: string, type: GraphQLInputType, path: string, seen: Set<string>) => {
    const { named, list, required } = unwrap(type);
    if (named.name === 'ID') {
      const target = idTarget(path, name, returnType);
      slots.push({ path, type: target, owned: ownership(target) === 'owned', required, list });
    } else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const f of Object.values(named.getFields())) visit(f.name, f.type, `${path}.${f.name}`, new Set([...seen, named.name]));
    }
  };
  for (const arg of field.args) visit(arg.name, arg.type, `${root}.${field.name}.${arg.name}`, new Set());
  return slots;
}

/** The id of `self` (or the shared catalog) for a slot the probe does not aim at. */
export function ownId(slot: IdSlot, self: Tenant, c: Catalog): string | undefined {
  if (slot.owned) return slot.required ? self.firstId(slot.type) : undefined;
  const catalogIds: Record<string, string> = { Flight: c.flightId, RoomType: c.roomTypeId, TravelPackage: c.packageId };
  return slot.required ? (catalogIds[slot.type] ?? self.firstId(slot.type)) : undefined;
}

function scalarOrEnum(type: GraphQLInputType, name: string, c: Catalog): unknown {
  const { named } = unwrap(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isScalarType(named)) {
    const literal = nestedLiteral(named.name, name, c);
    return literal !== undefined ? JSON.parse(literal) : scalarSample(named.name, c);
  }
  throw new Error(`no value for ${named.name}`);
}

function inputValue(type: GraphQLInputObjectType, path: string, fill: IdFill, c: Catalog, self: Tenant): Record<string, unknown> {
  const value: Record<string, unknown> = { ...inputSample(type.name, c, self) };
  for (const f of Object.values(type.getFields())) {
    const fieldPath = `${path}.${f.name}`;
    const { named, list, required } = unwrap(f.type);
    if (named.name === 'ID') {
      const slot = { path: fieldPath, required } as IdSlot;
      const id = fill({ ...slot, list, type: '', owned: false });
      if (id !== undefined) value[f.name] = list ? [id] : id;
      continue;
    }
    if (f.name in value || !required || f.defaultValue !== undefined) continue;
    value[f.name] = isInputObjectType(named) ? inputValue(named, fieldPath, fill, c, self) : scalarOrEnum(f.type, f.name, c);
  }
  return value;
}

/** Variables and their declarations for a root field, ids chosen by `fill` (keyed by slot path). */
export function rootArguments(root: RootKind, field: GraphQLField<unknown, unknown>, fill: IdFill, c: Catalog, self: Tenant) {
  const slotsByPath = new Map(idSlots(root, field).map((s) => [s.path, s]));
  const byPath: IdFill = (partial) => {
    const slot = slotsByPath.get(partial.path);
    if (!slot) throw new Error(`unknown id slot ${partial.path}`);
    const id = fill(slot);
    if (id === undefined && slot.required) throw new Error(`isolation: no ${slot.type} id for ${slot.path} of ${self.label}`);
    return id;
  };
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const uses: string[] = [];
  for (const arg of field.args) {
    const value = argumentValue(arg, `${root}.${field.name}.${arg.name}`, byPath, c, self);
    if (value === undefined) continue;
    variables[arg.name] = value;
    declarations.push(`$${arg.name}: ${arg.type.toString()}`);
    uses.push(`${arg.name}: $${arg.name}`);
  }
  return { variables, declarations, uses };
}

function argumentValue(arg: GraphQLArgument, path: string, fill: IdFill, c: Catalog, self: Tenant): unknown {
  const { named, list, required } = unwrap(arg.type);
  if (named.name === 'ID') {
    const id = fill({ path, required, list, type: '', owned: false });
    return id === undefined ? undefined : list ? [id] : id;
  }
  if (isInputObjectType(named)) return inputValue(named, path, fill, c, self);
  if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) return undefined;
  return scalarOrEnum(arg.type, arg.name, c);
}

/** A literal for a required argument of a nested field (analytics windows, stay dates). */
export function nestedArgument(arg: GraphQLArgument, c: Catalog): string | undefined {
  if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) return undefined;
  const { named } = unwrap(arg.type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isScalarType(named)) return nestedLiteral(named.name, arg.name, c) ?? JSON.stringify(scalarSample(named.name, c));
  throw new Error(`isolation: cannot fill nested argument ${arg.name}: ${arg.type.toString()}`);
}
