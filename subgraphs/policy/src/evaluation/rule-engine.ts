import type { PolicyResult, RuleAction, RuleScope, StoredOutcome } from '../db/schema.js';
import { fieldsOf, rankOf, readsSegments, type Cabin, type Comparison, type Condition, type EmployeeLevel, type FieldName, type Scalar } from './conditions.js';
import type { Region } from './regions.js';

/** What the engine knows about one segment (or one offer); null where it does not say (a hotel has no cabin). */
export interface SegmentFacts {
  kind: string | null;
  cabin: Cabin | null;
  fareClass: string | null;
  priceAmount: number;
  nightlyRate: number | null;
  durationMinutes: number | null;
  advanceDays: number | null;
  vendor: string | null;
  vendorPreferred: boolean | null;
  destinationCountry: string | null;
  destinationRegion: Region | null;
}

/** Everything a rule can test, already normalized (lower-case enums, minor units, whole days). */
export interface BookingFacts {
  totalAmount: number;
  advanceDays: number | null;
  segments: SegmentFacts[];
  traveler: { level: EmployeeLevel | null; department: string | null };
}

export interface EngineRule {
  id: string;
  name: string;
  action: RuleAction;
  condition: Condition;
  message: string;
  priority: number;
  /** Empty lists mean everyone and everywhere. */
  scope: RuleScope;
}

/** One rule's judgement, with the facts it read (from the segment that triggered it, else the first segment). */
export type RuleOutcome = Required<StoredOutcome>;

export interface Verdict {
  result: PolicyResult;
  /** One outcome per rule, in priority order, triggered or not. */
  outcomes: RuleOutcome[];
}

function factOf(field: FieldName, facts: BookingFacts, segment: SegmentFacts | null): Scalar | null {
  switch (field) {
    case 'booking.totalAmount':
      return facts.totalAmount;
    case 'booking.advanceDays':
      return facts.advanceDays;
    case 'traveler.level':
      return facts.traveler.level;
    case 'traveler.department':
      return facts.traveler.department;
    case 'segment.kind':
      return segment?.kind ?? null;
    case 'segment.cabin':
      return segment?.cabin ?? null;
    case 'segment.fareClass':
      return segment?.fareClass ?? null;
    case 'segment.priceAmount':
      return segment?.priceAmount ?? null;
    case 'segment.nightlyRate':
      return segment?.nightlyRate ?? null;
    case 'segment.vendor':
      return segment?.vendor ?? null;
    case 'segment.vendorPreferred':
      return segment?.vendorPreferred ?? null;
    case 'segment.destinationCountry':
      return segment?.destinationCountry ?? null;
    case 'segment.destinationRegion':
      return segment?.destinationRegion ?? null;
    case 'segment.durationMinutes':
      return segment?.durationMinutes ?? null;
    case 'segment.advanceDays':
      return segment?.advanceDays ?? null;
  }
}

function compare(c: Comparison, fact: Scalar): boolean {
  const list = Array.isArray(c.value) ? c.value : [c.value];
  const single = list[0]!;
  switch (c.op) {
    case 'eq':
      return fact === single;
    case 'ne':
    case 'neq':
      return fact !== single;
    case 'between':
      return rankOf(c.field, fact) >= rankOf(c.field, list[0]!) && rankOf(c.field, fact) <= rankOf(c.field, list[1]!);
    case 'in':
      return list.includes(fact);
    case 'not_in':
      return !list.includes(fact);
    case 'gt':
      return rankOf(c.field, fact) > rankOf(c.field, single);
    case 'gte':
      return rankOf(c.field, fact) >= rankOf(c.field, single);
    case 'lt':
      return rankOf(c.field, fact) < rankOf(c.field, single);
    case 'lte':
      return rankOf(c.field, fact) <= rankOf(c.field, single);
  }
}

/**
 * Whether `condition` holds with `segment` as the segment in view. A
 * comparison over a fact the booking does not have (no cabin on a hotel, no
 * level on the traveler) is false, whatever the operator, so a missing fact
 * never triggers a rule by itself.
 */
export function conditionHolds(condition: Condition, facts: BookingFacts, segment: SegmentFacts | null): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, facts, segment));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, facts, segment));
  if ('not' in condition) return !conditionHolds(condition.not, facts, segment);
  const fact = factOf(condition.field, facts, segment);
  return fact !== null && compare(condition, fact);
}

/**
 * Whether a rule applies to this traveler and trip at all: each non-empty
 * scope list must match (department, level, and the destination region of at
 * least one segment). An out-of-scope rule is reported but never triggers.
 */
export function inScope(scope: RuleScope, facts: BookingFacts): boolean {
  const { department, level } = facts.traveler;
  if (scope.departments.length > 0 && (department === null || !scope.departments.includes(department))) return false;
  if (scope.levels.length > 0 && (level === null || !scope.levels.includes(level))) return false;
  if (scope.regions.length > 0 && !facts.segments.some((s) => s.destinationRegion !== null && scope.regions.includes(s.destinationRegion))) return false;
  return true;
}

/**
 * The segment a rule triggers on: a rule that reads segment facts triggers
 * when its whole condition holds for at least one segment, so "business class
 * AND under three hours" must be true of the same flight rather than of two
 * different ones. Returns undefined when it does not trigger, null when it
 * triggers without reading segments.
 */
function triggeringSegment(condition: Condition, facts: BookingFacts): SegmentFacts | null | undefined {
  if (!shapeOf(condition).readsSegments) return conditionHolds(condition, facts, null) ? null : undefined;
  return facts.segments.find((segment) => conditionHolds(condition, facts, segment));
}

export function ruleTriggers(condition: Condition, facts: BookingFacts): boolean {
  return triggeringSegment(condition, facts) !== undefined;
}

export function byPriority<R extends { priority: number; name: string; id: string }>(a: R, b: R): number {
  return a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * What a condition reads, worked out once per condition object: a bulk
 * evaluation judges the same rules against thousands of offers.
 */
const shapes = new WeakMap<Condition, { readsSegments: boolean; fields: FieldName[] }>();
function shapeOf(condition: Condition): { readsSegments: boolean; fields: FieldName[] } {
  let shape = shapes.get(condition);
  if (!shape) {
    shape = { readsSegments: readsSegments(condition), fields: [...fieldsOf(condition)] };
    shapes.set(condition, shape);
  }
  return shape;
}

function detailsOf(condition: Condition, facts: BookingFacts, segment: SegmentFacts | null): Record<string, Scalar | null> {
  const details: Record<string, Scalar | null> = {};
  for (const field of shapeOf(condition).fields) details[field] = factOf(field, facts, segment);
  return details;
}

/** Judges one rule: scope first, then the condition. */
export function judgeRule(rule: EngineRule, facts: BookingFacts): RuleOutcome {
  const applies = inScope(rule.scope, facts);
  const segment = applies ? triggeringSegment(rule.condition, facts) : undefined;
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    action: rule.action,
    triggered: segment !== undefined,
    message: rule.message,
    applies,
    details: detailsOf(rule.condition, facts, segment ?? facts.segments[0] ?? null),
  };
}

/**
 * Judges facts against a policy's rules. Priorities order the outcomes; the
 * result is the most severe triggered action whatever its priority, and
 * track_only outcomes never change it (see docs/rules.md).
 */
export function evaluateRules(rules: readonly EngineRule[], facts: BookingFacts): Verdict {
  return verdictOf([...rules].sort(byPriority), facts);
}

/** Like evaluateRules over rules already sorted by priority, so bulk callers sort once. */
export function verdictOf(sortedRules: readonly EngineRule[], facts: BookingFacts): Verdict {
  const outcomes = sortedRules.map((rule) => judgeRule(rule, facts));
  const fired = (action: RuleAction) => outcomes.some((o) => o.triggered && o.action === action);
  const result: PolicyResult = fired('hard_stop') ? 'hard_stop' : fired('soft_warning') ? 'soft_warning' : 'compliant';
  return { result, outcomes };
}
