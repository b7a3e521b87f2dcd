import { z } from 'zod';
import { REGIONS } from './regions.js';

export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];

/**
 * Inventory has no fare classes yet, so an offer's booking class is the
 * cabin's usual one; rules can already be written against it.
 */
export const FARE_CLASS_OF_CABIN: Record<Cabin, string> = { economy: 'Y', premium_economy: 'W', business: 'J', first: 'F' };

/** Seniority bands in ascending order, so rules can say "below director". */
export const EMPLOYEE_LEVELS = ['junior', 'senior', 'manager', 'director', 'vp', 'executive'] as const;
export type EmployeeLevel = (typeof EMPLOYEE_LEVELS)[number];

export const OPERATORS = ['eq', 'ne', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in'] as const;
export type Operator = (typeof OPERATORS)[number];

const LIST_OPERATORS: readonly Operator[] = ['in', 'not_in'];
const EQUALITY_OPERATORS: readonly Operator[] = ['eq', 'ne', 'neq', 'in', 'not_in'];
const BOOLEAN_OPERATORS: readonly Operator[] = ['eq', 'ne', 'neq'];

type Part = 'booking' | 'segment' | 'traveler';
type FieldSpec =
  | { scope: Part; type: 'integer'; expects: string }
  /** An enum whose values are listed in ascending order, so gt/lt compare ranks. */
  | { scope: Part; type: 'ranked'; values: readonly string[]; expects: string }
  /** An enum without an order: only equality and membership. */
  | { scope: Part; type: 'choice'; values: readonly string[]; expects: string }
  | { scope: Part; type: 'boolean'; expects: string }
  /** Free text: only equality and membership make sense. */
  | { scope: Part; type: 'text'; pattern: RegExp; expects: string };

/** Every fact a rule may test, what values it takes, and which part of the booking it describes. */
export const FIELDS = {
  'booking.totalAmount': { scope: 'booking', type: 'integer', expects: 'an integer amount in minor units' },
  'booking.advanceDays': { scope: 'booking', type: 'integer', expects: 'a whole number of days' },
  'segment.kind': { scope: 'segment', type: 'text', pattern: /^[a-z][a-z_]*$/, expects: 'a lower-case segment kind such as flight or hotel' },
  'segment.cabin': { scope: 'segment', type: 'ranked', values: CABINS, expects: `one of ${CABINS.join(', ')}` },
  'segment.fareClass': { scope: 'segment', type: 'text', pattern: /^[A-Z]$/, expects: 'a one-letter booking class such as Y or J' },
  'segment.priceAmount': { scope: 'segment', type: 'integer', expects: 'an integer amount in minor units' },
  'segment.nightlyRate': { scope: 'segment', type: 'integer', expects: 'an integer amount in minor units per night' },
  'segment.durationMinutes': { scope: 'segment', type: 'integer', expects: 'a whole number of minutes' },
  'segment.advanceDays': { scope: 'segment', type: 'integer', expects: 'a whole number of days' },
  'segment.vendor': { scope: 'segment', type: 'text', pattern: /^\S+$/, expects: 'a supplier code such as BA' },
  'segment.vendorPreferred': { scope: 'segment', type: 'boolean', expects: 'true or false' },
  'segment.destinationCountry': { scope: 'segment', type: 'text', pattern: /\S/, expects: 'a country name such as United Kingdom' },
  'segment.destinationRegion': { scope: 'segment', type: 'choice', values: REGIONS, expects: `one of ${REGIONS.join(', ')}` },
  'traveler.level': { scope: 'traveler', type: 'ranked', values: EMPLOYEE_LEVELS, expects: `one of ${EMPLOYEE_LEVELS.join(', ')}` },
  'traveler.department': { scope: 'traveler', type: 'text', pattern: /\S/, expects: 'a non-blank department name' },
} as const satisfies Record<string, FieldSpec>;
export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

export type Scalar = number | string | boolean;

/** A test of one fact: `{ field, op, value }`; `in`/`not_in` take a non-empty list, `between` an inclusive `[low, high]`. */
export interface Comparison {
  field: FieldName;
  op: Operator;
  value: Scalar | Scalar[];
}

/** A rule's condition: a comparison, or all/any/not over nested conditions. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

export function operatorsFor(field: FieldName): readonly Operator[] {
  const type = FIELDS[field].type;
  if (type === 'boolean') return BOOLEAN_OPERATORS;
  return type === 'text' || type === 'choice' ? EQUALITY_OPERATORS : OPERATORS;
}

export function isListOperator(op: Operator): boolean {
  return LIST_OPERATORS.includes(op);
}

function scalarSchema(field: FieldName): z.ZodType<Scalar> {
  const spec: FieldSpec = FIELDS[field];
  switch (spec.type) {
    case 'integer':
      return z.number().int();
    case 'ranked':
    case 'choice':
      return z.enum(spec.values as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
    case 'text':
      return z.string().regex(spec.pattern);
  }
}

const fieldSchema = z.enum(FIELD_NAMES as [FieldName, ...FieldName[]], {
  error: (issue) => `unknown field ${JSON.stringify(issue.input)}; expected one of ${FIELD_NAMES.join(', ')}`,
});

const operatorSchema = z.enum(OPERATORS, {
  error: (issue) => `unknown operator ${JSON.stringify(issue.input)}; expected one of ${OPERATORS.join(', ')}`,
});

const FORMS = 'a condition is {"all": [...]}, {"any": [...]}, {"not": {...}} or {"field", "op", "value"}';

export const conditionSchema: z.ZodType<Condition> = z.lazy(() => nodeSchema);

const nodeSchema = z
  .strictObject(
    {
      all: z.array(conditionSchema).min(1, { error: 'all needs at least one condition' }).optional(),
      any: z.array(conditionSchema).min(1, { error: 'any needs at least one condition' }).optional(),
      not: conditionSchema.optional(),
      field: fieldSchema.optional(),
      op: operatorSchema.optional(),
      value: z.unknown().optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; ${FORMS}` : `${FORMS}`,
    },
  )
  .superRefine((node, ctx) => {
    const isComparison = node.field !== undefined || node.op !== undefined || node.value !== undefined;
    const forms = [node.all && 'all', node.any && 'any', node.not && 'not', isComparison && 'field/op/value'].filter(Boolean);
    if (forms.length !== 1) {
      ctx.addIssue({ code: 'custom', message: forms.length === 0 ? `empty condition; ${FORMS}` : `mixes ${forms.join(' and ')}; ${FORMS}` });
      return;
    }
    if (!isComparison) return;
    if (node.field === undefined) return ctx.addIssue({ code: 'custom', path: ['field'], message: 'field is required' });
    if (node.op === undefined) return ctx.addIssue({ code: 'custom', path: ['op'], message: 'op is required' });
    const allowed = operatorsFor(node.field);
    if (!allowed.includes(node.op)) {
      return ctx.addIssue({ code: 'custom', path: ['op'], message: `${node.field} does not support ${node.op}; use one of ${allowed.join(', ')}` });
    }
    const expects = FIELDS[node.field].expects;
    if (node.op === 'between') {
      const pair = z.tuple([scalarSchema(node.field), scalarSchema(node.field)]).safeParse(node.value);
      if (!pair.success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${node.field} between expects [low, high], each ${expects}` });
      } else if (rankOf(node.field, pair.data[0]) > rankOf(node.field, pair.data[1])) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${node.field} between expects low <= high` });
      }
    } else if (isListOperator(node.op)) {
      if (!z.array(scalarSchema(node.field)).min(1).safeParse(node.value).success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${node.field} ${node.op} expects a non-empty list, each ${expects}` });
      }
    } else if (!scalarSchema(node.field).safeParse(node.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${node.field} ${node.op} expects ${expects}` });
    }
  })
  .transform((node): Condition => {
    if (node.all) return { all: node.all };
    if (node.any) return { any: node.any };
    if (node.not) return { not: node.not };
    return { field: node.field!, op: node.op!, value: node.value as Scalar | Scalar[] };
  });

/** Numbers compare as numbers, ranked enums by position; anything else is unordered (NaN never compares true). */
export function rankOf(field: FieldName, value: Scalar): number {
  if (typeof value === 'number') return value;
  const spec: FieldSpec = FIELDS[field];
  return spec.type === 'ranked' && typeof value === 'string' ? spec.values.indexOf(value) : Number.NaN;
}

export type ConditionParse = { ok: true; condition: Condition } | { ok: false; reason: string; path: (string | number)[] };

/** Formats a zod path as the JSON a rule author wrote: `all[1].value`. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validates a condition written by a policy author; the reason names where and what is wrong. */
export function parseCondition(input: unknown): ConditionParse {
  const parsed = conditionSchema.safeParse(input);
  if (parsed.success) return { ok: true, condition: parsed.data };
  const first = parsed.error.issues[0]!;
  const reason = parsed.error.issues.map((i) => (i.path.length > 0 ? `${pathText(i.path)}: ${i.message}` : i.message)).join('; ');
  return { ok: false, reason, path: first.path.filter((p): p is string | number => typeof p !== 'symbol') };
}

/** Every field a condition reads, in the order it first reads them. */
export function fieldsOf(condition: Condition, into: Set<FieldName> = new Set()): Set<FieldName> {
  if ('all' in condition) condition.all.forEach((c) => fieldsOf(c, into));
  else if ('any' in condition) condition.any.forEach((c) => fieldsOf(c, into));
  else if ('not' in condition) fieldsOf(condition.not, into);
  else into.add(condition.field);
  return into;
}

/** Whether a condition reads any segment fact, which makes the rule apply per segment. */
export function readsSegments(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(readsSegments);
  if ('any' in condition) return condition.any.some(readsSegments);
  if ('not' in condition) return readsSegments(condition.not);
  return FIELDS[condition.field].scope === 'segment';
}
