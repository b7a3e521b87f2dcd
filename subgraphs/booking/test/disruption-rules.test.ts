import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SegmentRow } from '../src/db/schema.js';
import { defaultRebookingFilter, optionsFor, rankOptions, type Alternative } from '../src/disruptions/rebooking-options.js';
import { needsAttention, severityOf } from '../src/disruptions/severity.js';

describe('disruption severity', () => {
  it('follows the documented table', () => {
    expect(severityOf('canceled', null)).toBe('critical');
    expect(severityOf('diverted', null)).toBe('critical');
    expect([179, 180, 600].map((m) => severityOf('delayed', m))).toEqual(['medium', 'high', 'high']);
    expect([59, 60].map((m) => severityOf('delayed', m))).toEqual(['low', 'medium']);
    expect(severityOf('gate_changed', null)).toBe('low');
    expect((['low', 'medium', 'high', 'critical'] as const).map(needsAttention)).toEqual([false, false, true, true]);
  });
});

describe('rebooking suggestions', () => {
  const segment = { cabin: 'business', priceMinor: 100_000, currency: 'USD' } as SegmentRow;
  const alt = (flightNumber: string, arrivalAt: string, business: number | null, stops = 0, seatsLeft = 3): Alternative => ({
    flightId: randomUUID(),
    flightNumber,
    departureAt: '2030-01-01T08:00:00Z',
    arrivalAt,
    stops,
    cabins: [{ cabin: 'economy', seatsLeft: 50, fareAmount: 20_000, currency: 'USD' }, ...(business === null ? [] : [{ cabin: 'business', seatsLeft, fareAmount: business, currency: 'USD' }])],
  });

  it("keeps the segment's cabin with seats at most 50 % dearer, ranked by arrival, then price, then stops", async () => {
    const alternatives = [
      alt('LATE', '2030-01-01T20:00:00Z', 90_000),
      alt('EARLY-DEAR', '2030-01-01T15:00:00Z', 150_000),
      alt('EARLY-CHEAP-STOP', '2030-01-01T15:00:00Z', 120_000, 1),
      alt('EARLY-CHEAP', '2030-01-01T15:00:00Z', 120_000, 0),
      alt('TOO-DEAR', '2030-01-01T10:00:00Z', 150_001),
      alt('NO-BUSINESS', '2030-01-01T09:00:00Z', null),
      alt('FULL', '2030-01-01T09:00:00Z', 80_000, 0, 0),
    ];
    const allowed = await defaultRebookingFilter.allowed(segment, optionsFor(segment, alternatives), { orgId: randomUUID(), travelerId: randomUUID() });
    expect(rankOptions(allowed).map((o) => o.flightNumber)).toEqual(['EARLY-CHEAP', 'EARLY-CHEAP-STOP', 'EARLY-DEAR', 'LATE']);
    expect(allowed.every((o) => o.cabin === 'business')).toBe(true);
  });
});
