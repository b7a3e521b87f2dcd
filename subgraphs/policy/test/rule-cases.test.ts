import { describe, expect, it } from 'vitest';
import { parseCondition, type Condition } from '../src/evaluation/conditions.js';
import { toBookingFacts } from '../src/evaluation/booking-facts.js';
import { offerToBookingFacts } from '../src/evaluation/offer-facts.js';
import { evaluateRules, type BookingFacts, type EngineRule, type SegmentFacts } from '../src/evaluation/rule-engine.js';
import { regionOfCountry } from '../src/evaluation/regions.js';
import type { RuleScope } from '../src/db/schema.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** A director in Sales flying business to London on a non-preferred airline, plus a three-night stay. */
function trip(over: Partial<BookingFacts['traveler']> = {}): BookingFacts {
  const flight: SegmentFacts = {
    kind: 'flight',
    cabin: 'business',
    fareClass: 'J',
    priceAmount: 320_000,
    nightlyRate: null,
    durationMinutes: 420,
    advanceDays: 10,
    vendor: 'VS',
    vendorPreferred: false,
    destinationCountry: 'United Kingdom',
    destinationRegion: 'europe',
  };
  const hotel: SegmentFacts = {
    kind: 'hotel',
    cabin: null,
    fareClass: null,
    priceAmount: 90_000,
    nightlyRate: 30_000,
    durationMinutes: null,
    advanceDays: 10,
    vendor: 'MAR',
    vendorPreferred: true,
    destinationCountry: 'United Kingdom',
    destinationRegion: 'europe',
  };
  return { totalAmount: 410_000, advanceDays: 10, segments: [flight, hotel], traveler: { level: 'director', department: 'Sales', ...over } };
}

const NO_SCOPE: RuleScope = { regions: [], departments: [], levels: [] };

function rule(name: string, action: EngineRule['action'], condition: Condition, priority = 100, scope: Partial<RuleScope> = {}): EngineRule {
  return { id: name, name, action, condition, message: `${name}!`, priority, scope: { ...NO_SCOPE, ...scope } };
}

/** [case, condition, triggers on trip()] — every operator over every kind of field. */
const operatorCases: [string, Condition, boolean][] = [
  ['eq on fare class', { field: 'segment.fareClass', op: 'eq', value: 'J' }, true],
  ['neq on fare class (every segment has J or none)', { field: 'segment.fareClass', op: 'neq', value: 'J' }, false],
  ['ne on vendor: the hotel is not VS', { field: 'segment.vendor', op: 'ne', value: 'VS' }, true],
  ['in on vendor', { field: 'segment.vendor', op: 'in', value: ['BA', 'VS'] }, true],
  ['not_in on destination region', { field: 'segment.destinationRegion', op: 'not_in', value: ['europe'] }, false],
  ['eq on destination region', { field: 'segment.destinationRegion', op: 'eq', value: 'europe' }, true],
  ['eq on destination country', { field: 'segment.destinationCountry', op: 'eq', value: 'United Kingdom' }, true],
  ['vendorPreferred eq false (the flight)', { field: 'segment.vendorPreferred', op: 'eq', value: false }, true],
  ['vendorPreferred neq true is the same question', { field: 'segment.vendorPreferred', op: 'neq', value: true }, true],
  ['gt on nightly rate', { field: 'segment.nightlyRate', op: 'gt', value: 25_000 }, true],
  ['gte on nightly rate at the boundary', { field: 'segment.nightlyRate', op: 'gte', value: 30_000 }, true],
  ['lt on nightly rate', { field: 'segment.nightlyRate', op: 'lt', value: 30_000 }, false],
  ['lte on price at the boundary', { field: 'segment.priceAmount', op: 'lte', value: 90_000 }, true],
  ['between on duration, inclusive low', { field: 'segment.durationMinutes', op: 'between', value: [420, 600] }, true],
  ['between on duration, inclusive high', { field: 'segment.durationMinutes', op: 'between', value: [300, 420] }, true],
  ['between on duration, outside', { field: 'segment.durationMinutes', op: 'between', value: [421, 600] }, false],
  ['between on ranked cabin', { field: 'segment.cabin', op: 'between', value: ['premium_economy', 'business'] }, true],
  ['between on ranked level', { field: 'traveler.level', op: 'between', value: ['junior', 'manager'] }, false],
  ['between on trip advance days', { field: 'booking.advanceDays', op: 'between', value: [7, 14] }, true],
  [
    'all in any: business on a non-preferred airline, or a pricey night',
    {
      any: [
        { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.vendorPreferred', op: 'eq', value: false }] },
        { field: 'segment.nightlyRate', op: 'gt', value: 50_000 },
      ],
    },
    true,
  ],
  [
    'any in all on one segment: the hotel is preferred but has no cabin',
    {
      all: [
        { field: 'segment.vendorPreferred', op: 'eq', value: true },
        { any: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.fareClass', op: 'eq', value: 'J' }] },
      ],
    },
    false,
  ],
  [
    'not of any across regions',
    { not: { any: [{ field: 'segment.destinationRegion', op: 'eq', value: 'asia_pacific' }, { field: 'traveler.department', op: 'eq', value: 'Legal' }] } },
    true,
  ],
];

describe('rule cases: operators and nesting', () => {
  it.each(operatorCases)('%s', (_name, condition, triggers) => {
    expect(parseCondition(condition)).toEqual({ ok: true, condition });
    expect(evaluateRules([rule('r', 'soft_warning', condition)], trip()).outcomes[0]!.triggered).toBe(triggers);
  });

  it.each([
    ['between with one bound', { field: 'segment.priceAmount', op: 'between', value: [1] }, /^value: segment\.priceAmount between expects \[low, high\]/],
    ['between upside down', { field: 'segment.priceAmount', op: 'between', value: [10, 1] }, /^value: segment\.priceAmount between expects low <= high$/],
    ['ordering a boolean', { field: 'segment.vendorPreferred', op: 'gt', value: true }, /^op: segment\.vendorPreferred does not support gt; use one of eq, ne, neq$/],
    ['unknown region', { field: 'segment.destinationRegion', op: 'eq', value: 'mars' }, /^value: segment\.destinationRegion eq expects one of north_america/],
    ['lower-case fare class', { field: 'segment.fareClass', op: 'eq', value: 'j' }, /^value: segment\.fareClass eq expects a one-letter booking class/],
  ])('rejects %s', (_name, condition, reason) => {
    const parsed = parseCondition(condition);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

const always: Condition = { field: 'booking.totalAmount', op: 'gt', value: 0 };

/** [case, rules, traveler override, result, which rules applied] */
const scopeCases: [string, EngineRule[], Partial<BookingFacts['traveler']>, string, boolean[]][] = [
  ['department scope matches', [rule('sales', 'hard_stop', always, 1, { departments: ['Sales'] })], {}, 'hard_stop', [true]],
  ['department scope misses', [rule('eng', 'hard_stop', always, 1, { departments: ['Engineering'] })], {}, 'compliant', [false]],
  ['level scope matches', [rule('dir', 'soft_warning', always, 1, { levels: ['director', 'vp'] })], {}, 'soft_warning', [true]],
  ['level scope misses', [rule('jr', 'soft_warning', always, 1, { levels: ['junior'] })], {}, 'compliant', [false]],
  ['a level scope never matches an unknown level', [rule('jr', 'soft_warning', always, 1, { levels: ['junior'] })], { level: null }, 'compliant', [false]],
  ['region scope matches a segment', [rule('eu', 'hard_stop', always, 1, { regions: ['europe'] })], {}, 'hard_stop', [true]],
  ['region scope misses', [rule('apac', 'hard_stop', always, 1, { regions: ['asia_pacific'] })], {}, 'compliant', [false]],
  ['every scope list must match', [rule('both', 'hard_stop', always, 1, { regions: ['europe'], departments: ['Legal'] })], {}, 'compliant', [false]],
  [
    'a department rule alongside a general rule: both judged',
    [rule('general', 'soft_warning', always, 50), rule('sales', 'track_only', always, 10, { departments: ['Sales'] })],
    {},
    'soft_warning',
    [true, true],
  ],
];

describe('rule cases: scopes', () => {
  it.each(scopeCases)('%s', (_name, rules, traveler, result, applies) => {
    const verdict = evaluateRules(rules, trip(traveler));
    expect(verdict.result).toBe(result);
    expect(verdict.outcomes.map((o) => o.applies)).toEqual(applies);
    verdict.outcomes.filter((o) => !o.applies).forEach((o) => expect(o.triggered).toBe(false));
  });
});

describe('rule cases: priorities', () => {
  it('orders outcomes by priority, then name, whatever the order given', () => {
    const verdict = evaluateRules([rule('b', 'track_only', always, 5), rule('c', 'soft_warning', always, 1), rule('a', 'track_only', always, 5)], trip());
    expect(verdict.outcomes.map((o) => o.ruleName)).toEqual(['c', 'a', 'b']);
  });

  it('never lets a higher-priority soft warning weaken a lower-priority hard stop', () => {
    const verdict = evaluateRules([rule('warn first', 'soft_warning', always, 1), rule('stop last', 'hard_stop', always, 999)], trip());
    expect(verdict.result).toBe('hard_stop');
  });

  it('keeps track_only out of the result whatever its priority', () => {
    expect(evaluateRules([rule('track', 'track_only', always, 0)], trip()).result).toBe('compliant');
  });
});

describe('rule cases: details and offers', () => {
  it('reports the facts a rule read from the segment that triggered it', () => {
    const condition: Condition = { all: [{ field: 'segment.kind', op: 'eq', value: 'hotel' }, { field: 'segment.nightlyRate', op: 'gt', value: 20_000 }] };
    const [outcome] = evaluateRules([rule('night', 'soft_warning', condition)], trip()).outcomes;
    expect(outcome).toMatchObject({ triggered: true, details: { 'segment.kind': 'hotel', 'segment.nightlyRate': 30_000 } });
  });

  it('judges a flight offer as a one-segment trip with its fare class, vendor and region', () => {
    const facts = offerToBookingFacts(
      {
        offerId: 'o1',
        kind: 'flight',
        cabin: 'BUSINESS',
        fareClass: null,
        priceAmount: 250_000,
        departAt: '2026-03-04T12:00:00.000Z',
        arriveAt: '2026-03-04T19:05:00.000Z',
        checkIn: null,
        checkOut: null,
        vendor: 'ba',
        destinationCountry: 'Japan',
      },
      { level: 'senior', department: 'Sales' },
      new Set(['BA']),
      NOW,
    );
    expect(facts).toEqual({
      totalAmount: 250_000,
      advanceDays: 3,
      traveler: { level: 'senior', department: 'Sales' },
      segments: [
        {
          kind: 'flight',
          cabin: 'business',
          fareClass: 'J',
          priceAmount: 250_000,
          nightlyRate: null,
          durationMinutes: 425,
          advanceDays: 3,
          vendor: 'BA',
          vendorPreferred: true,
          destinationCountry: 'Japan',
          destinationRegion: 'asia_pacific',
        },
      ],
    });
  });

  it('divides a stay by its nights for the nightly rate', () => {
    const facts = offerToBookingFacts(
      {
        offerId: 'h1',
        kind: 'hotel',
        cabin: null,
        fareClass: null,
        priceAmount: 90_000,
        departAt: null,
        arriveAt: null,
        checkIn: '2026-03-10',
        checkOut: '2026-03-13',
        vendor: 'MAR',
        destinationCountry: 'Atlantis',
      },
      { level: null, department: null },
      new Set(),
      NOW,
    );
    expect(facts.segments[0]).toMatchObject({ nightlyRate: 30_000, advanceDays: 8, vendorPreferred: false, destinationRegion: null });
  });

  it('reads vendor, destination region and nightly rate from a booking with what policy knows about the organization', () => {
    const facts = toBookingFacts(
      {
        id: 'b1',
        total: { amount: 200_000, currency: 'USD' },
        traveler: { id: 'p1' },
        segments: [
          { kind: 'FLIGHT', cabin: 'ECONOMY', departAt: '2026-03-05T10:00:00.000Z', arriveAt: '2026-03-05T12:00:00.000Z', price: { amount: 110_000, currency: 'USD' }, carrier: 'LH', destination: 'FRA' },
          { kind: 'HOTEL', cabin: null, departAt: null, arriveAt: null, price: { amount: 90_000, currency: 'USD' }, supplier: 'hil', startsAt: '2026-03-05T15:00:00.000Z', endsAt: '2026-03-07T11:00:00.000Z' },
        ],
      },
      { id: 'p1', department: 'Sales', level: 'SENIOR' },
      NOW,
      { preferredVendors: new Set(['LH']), countryOfAirport: new Map([['FRA', 'Germany']]) },
    );
    expect(facts.segments).toMatchObject([
      { vendor: 'LH', vendorPreferred: true, destinationCountry: 'Germany', destinationRegion: 'europe', fareClass: 'Y', advanceDays: 3 },
      { kind: 'hotel', vendor: 'HIL', vendorPreferred: false, nightlyRate: 45_000, advanceDays: 4, destinationRegion: null },
    ]);
  });

  it('maps countries to regions, leaving unknown ones without a region', () => {
    expect([regionOfCountry('United States'), regionOfCountry('germany'), regionOfCountry('Atlantis'), regionOfCountry(null)]).toEqual([
      'north_america',
      'europe',
      null,
      null,
    ]);
  });
});
