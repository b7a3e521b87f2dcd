import { z } from 'zod';

export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];

/** Seniority bands in ascending order, so rules can say "below director". */
export const EMPLOYEE_LEVELS = ['junior', 'senior', 'manager', 'director', 'vp', 'executive'] as const;
export type EmployeeLevel = (typeof EMPLOYEE_LEVELS)[number];

export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in'] as const;
export type Operator = (typeof OPERATORS)[number];

const LIST_OPERATORS: readonly Operator[] = ['in', 'not_in'];
const EQUALITY_OPERATORS: readonly Operator[] = ['eq', 'ne', 'in', 'not_in'];

type FieldSpec =
  | { scope: 'booking' | 'segment' | 'traveler'; type: 'integer'; expects: string }
  /** An enum whose values are listed in ascending order, so gt/lt compare ranks. */
  | { scope: 'booking' | 'segment' | 'traveler'; type: 'ranked'; values: readonly string[]; expects: string }
  /** Free text: only equality and membership make sense. */
  | { scope: 'booking' | 'segment' | 'traveler'; type: 'text'; pattern: RegExp; expects: string };

/** Every fact a rule may test, what values it takes, and which part of the booking it describes. */
export const FIELDS = {
  'booking.totalAmount': { scope: 'booking', type: 'integer', expects: 'an integer amount in minor units' },
  'booking.advanceDays': { scope: 'booking', type: 'integer', expects: 'a whole number of days' },
  'segment.kind': { scope: 'segment', type: 'text', pattern: /^[a-z][a-z_]*$/, expects: 'a lower-case segment kind such as flight or hotel' },
  'segment.cabin': { scope: 'segment', type: 'ranked', values: CABINS, expects: `one of ${CABINS.join(', ')}` },
  'segment.priceAmount': { scope: 'segment', type: 'integer', expects: 'an integer amount in minor units' },
  'segment.durationMinutes': { scope: 'segment', type: 'integer', expects: 'a whole number of minutes' },
  'segment.advanceDays': { scope: 'segment', type: 'integer', expects: 'a whole number of days' },
  'traveler.level': { scope: 'traveler', type: 'ranked', values: EMPLOYEE_LEVELS, expects: `one of ${EMPLOYEE_LEVELS.join(', ')}` },
  'traveler.department': { scope: 'traveler', type: 'text', pattern: /\S/, expects: 'a non-blank department name' },
} as const satisfies Record<string, FieldSpec>;
export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

export type Scalar = number | string;

/** A test of one fact: `{ field, op, value }`; `in`/`not_in` take a non-empty list. */
export interface Comparison {
  field: FieldName;
  op: Operator;
  value: Scalar | Scalar[];
}

/** A rule's condition: a comparison, or all/any/not over nested conditions. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

export function operatorsFor(field: FieldName): readonly Operator[] {
  return FIELDS[field].type === 'text' ? EQUALITY_OPERATORS : OPERATORS;
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
      return z.enum(spec.values as [string, ...string[]]);
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
    if (isListOperator(node.op)) {
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

/** Whether a condition reads any segment fact, which makes the rule apply per segment. */
export function readsSegments(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(readsSegments);
  if ('any' in condition) return condition.any.some(readsSegments);
  if ('not' in condition) return readsSegments(condition.not);
  return FIELDS[condition.field].scope === 'segment';
}
