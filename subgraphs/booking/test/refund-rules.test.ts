import { describe, expect, it } from 'vitest';
import { applyBasisPoints, policyForFare, refundBasisPoints, secondsBetween } from '../src/bookings/cancellation-policy.js';
import { quoteLines } from '../src/bookings/cancellations.service.js';
import type { SegmentRow } from '../src/db/schema.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('cancellation policies', () => {
  it.each([
    ['flexible', 30 * DAY, 10_000],
    ['flexible', DAY, 10_000],
    ['flexible', DAY - 1, 0],
    ['flexible', 0, 0],
    ['standard', 7 * DAY, 10_000],
    ['standard', 7 * DAY - 1, 5_000],
    ['standard', DAY, 5_000],
    ['standard', DAY - 1, 0],
    ['non_refundable', 365 * DAY, 0],
    ['non_refundable', DAY, 0],
  ] as const)('%s with %i s left refunds %i basis points', (policy, seconds, expected) => {
    expect(refundBasisPoints(policy, seconds)).toBe(expected);
  });

  it("takes a flight segment's policy from its fare: non-refundable, flexible for FLEX, standard otherwise", () => {
    expect(policyForFare({ fareFamily: 'BASIC', refundable: false })).toBe('non_refundable');
    expect(policyForFare({ fareFamily: 'STANDARD', refundable: false })).toBe('non_refundable');
    expect(policyForFare({ fareFamily: 'STANDARD', refundable: true })).toBe('standard');
    expect(policyForFare({ fareFamily: 'FLEX', refundable: true })).toBe('flexible');
    expect(policyForFare(null)).toBe('standard');
  });

  it('refunds nothing once the segment started, or when it has no start', () => {
    expect(refundBasisPoints('flexible', -1)).toBe(0);
    expect(refundBasisPoints('standard', -30 * DAY)).toBe(0);
    expect(refundBasisPoints('flexible', null)).toBe(0);
  });

  it('counts whole seconds toward zero', () => {
    const now = new Date('2030-03-02T09:00:00.000Z');
    expect(secondsBetween(now, new Date('2030-03-03T09:00:00.999Z'))).toBe(DAY);
    expect(secondsBetween(now, new Date('2030-03-03T08:59:59.999Z'))).toBe(DAY - 1);
    expect(secondsBetween(now, null)).toBeNull();
  });
});

describe('money rounding', () => {
  it('rounds a share down to the minor unit', () => {
    expect(applyBasisPoints(12_345, 5_000)).toBe(6_172);
    expect(applyBasisPoints(1, 5_000)).toBe(0);
    expect(applyBasisPoints(3, 3_333)).toBe(0);
    expect(applyBasisPoints(99_999, 3_333)).toBe(33_329);
    expect(applyBasisPoints(12_345, 10_000)).toBe(12_345);
    expect(applyBasisPoints(12_345, 0)).toBe(0);
  });

  it('stays exact for amounts where floating point would not', () => {
    expect(applyBasisPoints(Number.MAX_SAFE_INTEGER, 5_000)).toBe(4_503_599_627_370_495);
    expect(applyBasisPoints(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    // 0.29 * 100 is 28.999999999999996 in floating point; integers do not drift.
    expect(applyBasisPoints(29, 10_000)).toBe(29);
  });

  it('refuses amounts that are not minor units and shares outside 0..100 %', () => {
    expect(() => applyBasisPoints(10.5, 5_000)).toThrow(RangeError);
    expect(() => applyBasisPoints(-1, 5_000)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, 10_001)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, 12.5)).toThrow(RangeError);
  });

  it('rounds per segment, then sums: two half refunds of an odd price lose one minor unit each', () => {
    const now = new Date('2030-03-02T09:00:00.000Z');
    const start = new Date(now.getTime() + 3 * DAY * 1000);
    const segment = (id: string, priceMinor: number): SegmentRow =>
      ({ id, priceMinor, departAt: start, cancellationPolicy: 'standard' }) as SegmentRow;
    const lines = quoteLines([segment('a', 10_001), segment('b', 10_001)], now, true);
    expect(lines.map((l) => [l.refundBasisPoints, l.refundMinor, l.secondsBeforeStart])).toEqual([
      [5_000, 5_000, 3 * DAY],
      [5_000, 5_000, 3 * DAY],
    ]);
    expect(quoteLines([segment('a', 10_001)], now, false)[0]).toMatchObject({ refundBasisPoints: 0, refundMinor: 0 });
  });
});
