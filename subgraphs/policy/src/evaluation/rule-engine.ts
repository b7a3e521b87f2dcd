import type { PolicyResult, RuleAction, StoredOutcome } from '../db/schema.js';
import { FIELDS, readsSegments, type Cabin, type Comparison, type Condition, type EmployeeLevel, type FieldName, type Scalar } from './conditions.js';

/** What the engine knows about one segment; null where the segment does not say (a hotel has no cabin). */
export interface SegmentFacts {
  kind: string | null;
  cabin: Cabin | null;
  priceAmount: number;
  durationMinutes: number | null;
  advanceDays: number | null;
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
}

export interface Verdict {
  result: PolicyResult;
  /** One outcome per rule, in priority order, triggered or not. */
  outcomes: StoredOutcome[];
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
    case 'segment.priceAmount':
      return segment?.priceAmount ?? null;
    case 'segment.durationMinutes':
      return segment?.durationMinutes ?? null;
    case 'segment.advanceDays':
      return segment?.advanceDays ?? null;
  }
}

/** Numbers compare as numbers, ranked enums by position; anything else is unordered (NaN never compares true). */
function rank(field: FieldName, value: Scalar): number {
  if (typeof value === 'number') return value;
  const spec = FIELDS[field];
  return spec.type === 'ranked' ? (spec.values as readonly string[]).indexOf(value) : Number.NaN;
}

function compare(c: Comparison, fact: Scalar): boolean {
  const list = Array.isArray(c.value) ? c.value : [c.value];
  const single = list[0]!;
  switch (c.op) {
    case 'eq':
      return fact === single;
    case 'ne':
      return fact !== single;
    case 'in':
      return list.includes(fact);
    case 'not_in':
      return !list.includes(fact);
    case 'gt':
      return rank(c.field, fact) > rank(c.field, single);
    case 'gte':
      return rank(c.field, fact) >= rank(c.field, single);
    case 'lt':
      return rank(c.field, fact) < rank(c.field, single);
    case 'lte':
      return rank(c.field, fact) <= rank(c.field, single);
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
 * A rule that reads segment facts triggers when its whole condition holds for
 * at least one segment, so "business class AND under three hours" must be
 * true of the same flight rather than of two different ones.
 */
export function ruleTriggers(condition: Condition, facts: BookingFacts): boolean {
  if (!readsSegments(condition)) return conditionHolds(condition, facts, null);
  return facts.segments.some((segment) => conditionHolds(condition, facts, segment));
}

export function byPriority<R extends { priority: number; name: string; id: string }>(a: R, b: R): number {
  return a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** Judges a booking against a policy's rules; track_only outcomes are recorded but never change the result. */
export function evaluateRules(rules: readonly EngineRule[], facts: BookingFacts): Verdict {
  const outcomes = [...rules].sort(byPriority).map(
    (rule): StoredOutcome => ({
      ruleId: rule.id,
      ruleName: rule.name,
      action: rule.action,
      triggered: ruleTriggers(rule.condition, facts),
      message: rule.message,
    }),
  );
  const fired = (action: RuleAction) => outcomes.some((o) => o.triggered && o.action === action);
  const result: PolicyResult = fired('hard_stop') ? 'hard_stop' : fired('soft_warning') ? 'soft_warning' : 'compliant';
  return { result, outcomes };
}
