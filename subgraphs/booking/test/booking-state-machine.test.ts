import { DomainError } from '@travel/platform';
import { describe, expect, it } from 'vitest';
import { assertTransition, BOOKING_STATUSES, replayTransitions, type BookingStatus } from '../src/bookings/booking-state-machine.js';

/** The lifecycle written out independently of the module, so a changed table fails here. */
const ALLOWED = new Set([
  '(new)>draft',
  'draft>pending_approval',
  'draft>payment_pending',
  'draft>canceled',
  'pending_approval>payment_pending',
  'pending_approval>canceled',
  'payment_pending>confirmed',
  'payment_pending>canceled',
  'payment_pending>requires_attention',
  'confirmed>ticketed',
  'confirmed>completed',
  'confirmed>canceled',
  'confirmed>requires_attention',
  'ticketed>completed',
  'ticketed>canceled',
  'ticketed>requires_attention',
  'requires_attention>confirmed',
  'requires_attention>ticketed',
  'requires_attention>canceled',
  'canceled>refunded',
]);

const FROM: (BookingStatus | null)[] = [null, ...BOOKING_STATUSES];
const pairs = FROM.flatMap((from) => BOOKING_STATUSES.map((to) => ({ from, to, key: `${from ?? '(new)'}>${to}` })));

describe('booking state machine', () => {
  it('knows exactly the nine statuses', () => {
    expect([...BOOKING_STATUSES].sort()).toEqual(
      ['canceled', 'completed', 'confirmed', 'draft', 'payment_pending', 'pending_approval', 'refunded', 'requires_attention', 'ticketed'].sort(),
    );
  });

  it.each(pairs.filter((p) => ALLOWED.has(p.key)))('allows $key', ({ from, to }) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter((p) => !ALLOWED.has(p.key)))('refuses $key with INVALID_TRANSITION', ({ from, to }) => {
    let caught: unknown;
    try {
      assertTransition(from, to);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('INVALID_TRANSITION');
  });

  it('covers every pair once', () => {
    expect(pairs).toHaveLength(10 * 9);
    expect(pairs.filter((p) => ALLOWED.has(p.key))).toHaveLength(ALLOWED.size);
  });

  it('replays a trail into the status it leads to', () => {
    expect(
      replayTransitions([
        { fromStatus: null, toStatus: 'draft' },
        { fromStatus: 'draft', toStatus: 'payment_pending' },
        { fromStatus: 'payment_pending', toStatus: 'confirmed' },
        { fromStatus: 'confirmed', toStatus: 'requires_attention' },
        { fromStatus: 'requires_attention', toStatus: 'confirmed' },
      ]),
    ).toBe('confirmed');
    expect(replayTransitions([])).toBeNull();
  });

  it('rejects a trail with a gap or a forbidden step', () => {
    expect(() =>
      replayTransitions([
        { fromStatus: null, toStatus: 'draft' },
        { fromStatus: 'payment_pending', toStatus: 'confirmed' },
      ]),
    ).toThrow(/broken/);
    expect(() =>
      replayTransitions([
        { fromStatus: null, toStatus: 'draft' },
        { fromStatus: 'draft', toStatus: 'confirmed' },
      ]),
    ).toThrow(DomainError);
  });
});
