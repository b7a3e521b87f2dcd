import { describe, expect, it } from 'vitest';
import { toBookingFacts, type BookingSnapshot } from '../src/evaluation/booking-facts.js';
import { parseCondition, type Condition } from '../src/evaluation/conditions.js';
import { evaluateRules, ruleTriggers, type BookingFacts, type EngineRule, type SegmentFacts } from '../src/evaluation/rule-engine.js';

function segment(over: Partial<SegmentFacts>): SegmentFacts {
  return {
    kind: 'flight',
    cabin: null,
    fareClass: null,
    priceAmount: 0,
    nightlyRate: null,
    durationMinutes: null,
    advanceDays: null,
    vendor: null,
    vendorPreferred: null,
    destinationCountry: null,
    destinationRegion: null,
    ...over,
  };
}

/** A two-flight trip: a short business hop and a long economy leg, booked by a manager in Sales. */
const facts: BookingFacts = {
  totalAmount: 250_000,
  advanceDays: 5,
  traveler: { level: 'manager', department: 'Sales' },
  segments: [
    segment({ cabin: 'business', priceAmount: 90_000, durationMinutes: 95, advanceDays: 5 }),
    segment({ cabin: 'economy', priceAmount: 160_000, durationMinutes: 420, advanceDays: 9 }),
  ],
};

const cases: [string, Condition, boolean][] = [
  ['eq on a number', { field: 'booking.totalAmount', op: 'eq', value: 250_000 }, true],
  ['eq on a number that differs', { field: 'booking.totalAmount', op: 'eq', value: 250_001 }, false],
  ['ne', { field: 'booking.totalAmount', op: 'ne', value: 1 }, true],
  ['gt at the boundary', { field: 'booking.totalAmount', op: 'gt', value: 250_000 }, false],
  ['gte at the boundary', { field: 'booking.totalAmount', op: 'gte', value: 250_000 }, true],
  ['lt', { field: 'booking.advanceDays', op: 'lt', value: 7 }, true],
  ['lte at the boundary', { field: 'booking.advanceDays', op: 'lte', value: 4 }, false],
  ['in', { field: 'traveler.department', op: 'in', value: ['Engineering', 'Sales'] }, true],
  ['not_in', { field: 'traveler.department', op: 'not_in', value: ['Engineering', 'Sales'] }, false],
  ['ranked level: manager is below director', { field: 'traveler.level', op: 'lt', value: 'director' }, true],
  ['ranked level: manager is above senior', { field: 'traveler.level', op: 'gt', value: 'senior' }, true],
  ['ranked cabin: some segment is business or better', { field: 'segment.cabin', op: 'gte', value: 'business' }, true],
  ['ranked cabin: no segment is first', { field: 'segment.cabin', op: 'eq', value: 'first' }, false],
  ['segment kind', { field: 'segment.kind', op: 'eq', value: 'flight' }, true],
  ['segment price over 150000 on some segment', { field: 'segment.priceAmount', op: 'gt', value: 150_000 }, true],
  ['segment advance days of the later leg', { field: 'segment.advanceDays', op: 'gte', value: 9 }, true],
  [
    'all: business AND short on the SAME segment',
    { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'lt', value: 180 }] },
    true,
  ],
  [
    'all: business AND long never holds on one segment, though each holds on some segment',
    { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'gt', value: 180 }] },
    false,
  ],
  [
    'any: one branch true',
    { any: [{ field: 'booking.totalAmount', op: 'gt', value: 1_000_000 }, { field: 'traveler.department', op: 'eq', value: 'Sales' }] },
    true,
  ],
  [
    'any: no branch true',
    { any: [{ field: 'booking.totalAmount', op: 'gt', value: 1_000_000 }, { field: 'traveler.department', op: 'eq', value: 'Legal' }] },
    false,
  ],
  ['not', { not: { field: 'traveler.level', op: 'in', value: ['vp', 'executive'] } }, true],
  ['not over segments: some segment is not economy', { not: { field: 'segment.cabin', op: 'eq', value: 'economy' } }, true],
  [
    'nested: booking fact AND (segment fact OR NOT traveler fact)',
    {
      all: [
        { field: 'booking.advanceDays', op: 'lt', value: 7 },
        { any: [{ field: 'segment.cabin', op: 'eq', value: 'first' }, { not: { field: 'traveler.level', op: 'gte', value: 'director' } }] },
      ],
    },
    true,
  ],
];

describe('rule engine: conditions', () => {
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(parseCondition(condition)).toEqual({ ok: true, condition });
    expect(ruleTriggers(condition, facts)).toBe(expected);
  });

  it('treats a missing fact as not matching, whatever the operator', () => {
    const unknownTraveler: BookingFacts = { ...facts, traveler: { level: null, department: null } };
    expect(ruleTriggers({ field: 'traveler.level', op: 'ne', value: 'junior' }, unknownTraveler)).toBe(false);
    expect(ruleTriggers({ field: 'traveler.department', op: 'not_in', value: ['Sales'] }, unknownTraveler)).toBe(false);
  });

  it('never triggers a segment rule on a booking without segments', () => {
    expect(ruleTriggers({ not: { field: 'segment.cabin', op: 'eq', value: 'economy' } }, { ...facts, segments: [] })).toBe(false);
  });
});

describe('rule engine: verdicts', () => {
  const rule = (id: string, action: EngineRule['action'], condition: Condition, priority: number): EngineRule => ({
    id,
    name: `rule ${id}`,
    action,
    condition,
    message: `message ${id}`,
    priority,
    scope: { regions: [], departments: [], levels: [] },
  });
  const always: Condition = { field: 'booking.totalAmount', op: 'gt', value: 0 };
  const never: Condition = { field: 'booking.totalAmount', op: 'lt', value: 0 };

  const verdicts: [string, EngineRule[], string][] = [
    ['no rules is compliant', [], 'compliant'],
    ['a triggered track_only rule stays compliant', [rule('t', 'track_only', always, 1)], 'compliant'],
    ['a triggered soft warning warns', [rule('t', 'track_only', always, 1), rule('s', 'soft_warning', always, 2)], 'soft_warning'],
    ['a hard stop beats a soft warning', [rule('s', 'soft_warning', always, 1), rule('h', 'hard_stop', always, 2)], 'hard_stop'],
    ['an untriggered hard stop does not count', [rule('s', 'soft_warning', always, 1), rule('h', 'hard_stop', never, 2)], 'soft_warning'],
  ];

  it.each(verdicts)('%s', (_name, rules, result) => {
    expect(evaluateRules(rules, facts).result).toBe(result);
  });

  it('reports every rule in priority order with whether it triggered', () => {
    const verdict = evaluateRules([rule('b', 'hard_stop', never, 20), rule('a', 'track_only', always, 10), rule('c', 'soft_warning', always, 30)], facts);
    expect(verdict.outcomes).toMatchObject([
      { ruleId: 'a', ruleName: 'rule a', action: 'track_only', triggered: true, message: 'message a', applies: true, details: { 'booking.totalAmount': 250_000 } },
      { ruleId: 'b', ruleName: 'rule b', action: 'hard_stop', triggered: false, message: 'message b', applies: true },
      { ruleId: 'c', ruleName: 'rule c', action: 'soft_warning', triggered: true, message: 'message c', applies: true },
    ]);
  });
});

describe('rule engine: invalid conditions', () => {
  const invalid: [string, unknown, RegExp][] = [
    ['unknown field', { field: 'booking.color', op: 'eq', value: 1 }, /^field: unknown field "booking\.color"; expected one of booking\.totalAmount/],
    ['unknown operator', { field: 'booking.totalAmount', op: 'around', value: 1 }, /^op: unknown operator "around"/],
    ['string for a number', { field: 'booking.totalAmount', op: 'gt', value: '500' }, /^value: booking\.totalAmount gt expects an integer amount in minor units$/],
    ['fraction for minor units', { field: 'segment.priceAmount', op: 'gt', value: 10.5 }, /^value: segment\.priceAmount gt expects an integer/],
    ['unknown cabin', { field: 'segment.cabin', op: 'eq', value: 'BUSINESS' }, /^value: segment\.cabin eq expects one of economy, premium_economy, business, first$/],
    ['unknown level', { field: 'traveler.level', op: 'gte', value: 'boss' }, /^value: traveler\.level gte expects one of junior, senior/],
    ['scalar for in', { field: 'traveler.department', op: 'in', value: 'Sales' }, /^value: traveler\.department in expects a non-empty list/],
    ['empty list for not_in', { field: 'segment.kind', op: 'not_in', value: [] }, /^value: segment\.kind not_in expects a non-empty list/],
    ['ordering on free text', { field: 'traveler.department', op: 'gt', value: 'M' }, /^op: traveler\.department does not support gt; use one of eq, ne, neq, in, not_in$/],
    ['missing value', { field: 'booking.advanceDays', op: 'lt' }, /^value: booking\.advanceDays lt expects a whole number of days$/],
    ['empty all', { all: [] }, /^all: all needs at least one condition$/],
    ['mixed forms', { all: [{ field: 'booking.advanceDays', op: 'lt', value: 7 }], field: 'booking.advanceDays' }, /mixes all and field\/op\/value/],
    ['unknown key', { field: 'booking.advanceDays', op: 'lt', value: 7, unit: 'days' }, /unknown key "unit"/],
    ['not an object', 'advanceDays < 7', /^a condition is/],
    [
      'nested error is located',
      { any: [{ field: 'booking.advanceDays', op: 'lt', value: 7 }, { not: { field: 'segment.cabin', op: 'eq', value: 'luxury' } }] },
      /^any\[1\]\.not\.value: segment\.cabin eq expects one of/,
    ],
  ];

  it.each(invalid)('rejects %s with a readable reason', (_name, condition, reason) => {
    const parsed = parseCondition(condition);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('booking facts', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const booking: BookingSnapshot = {
    id: 'b1',
    total: { amount: 123_456, currency: 'USD' },
    traveler: { id: 'p1' },
    segments: [
      { kind: 'FLIGHT', cabin: 'PREMIUM_ECONOMY', departAt: '2026-03-10T11:00:00.000Z', arriveAt: '2026-03-10T13:35:00.000Z', price: { amount: 80_000, currency: 'USD' } },
      { kind: 'FLIGHT', cabin: 'BUSINESS', departAt: '2026-03-08T12:00:00.000Z', arriveAt: '2026-03-08T19:00:00.000Z', price: { amount: 43_456, currency: 'USD' } },
      { kind: 'HOTEL', cabin: null, departAt: null, arriveAt: null, price: { amount: 0, currency: 'USD' } },
    ],
  };

  it('normalizes enums, measures durations and counts whole days to the first departure', () => {
    const result = toBookingFacts(booking, { id: 'p1', department: 'Sales', level: 'MANAGER' }, now);
    expect(result).toEqual({
      totalAmount: 123_456,
      // The earliest departure (8 March, exactly 7 days away) counts, not the first listed (8 days 23 hours away).
      advanceDays: 7,
      traveler: { level: 'manager', department: 'Sales' },
      segments: [
        segment({ cabin: 'premium_economy', fareClass: 'W', priceAmount: 80_000, durationMinutes: 155, advanceDays: 8 }),
        segment({ cabin: 'business', fareClass: 'J', priceAmount: 43_456, durationMinutes: 420, advanceDays: 7 }),
        segment({ kind: 'hotel', priceAmount: 0 }),
      ],
    });
  });

  it('leaves traveler facts empty when the traveler could not be read', () => {
    expect(toBookingFacts(booking, null, now).traveler).toEqual({ level: null, department: null });
  });
});
