import { DomainError } from '@travel/platform';
import { describe, expect, it } from 'vitest';
import type { HoldSnapshot } from '../src/bookings/entity-reads.js';
import { holdKind, inItineraryOrder, segmentFromHold } from '../src/bookings/segment-snapshots.js';

const base = { id: 'h1', status: 'ACTIVE', expiresAt: '2030-03-02T10:00:00.000Z', price: { amount: 100, currency: 'USD' } };

describe('segments from holds', () => {
  it('reads the kind from the entity inventory answered with, or from what the hold contains', () => {
    expect(holdKind({ ...base, kind: 'SEAT' })).toBe('flight');
    expect(holdKind({ ...base, kind: 'ROOM' })).toBe('hotel');
    expect(holdKind({ ...base, kind: 'PACKAGE' })).toBe('package');
    expect(holdKind({ ...base, hotel: { id: 'x', name: 'X' } })).toBe('hotel');
    expect(holdKind({ ...base, travelPackage: { id: 'p', title: 'P' } })).toBe('package');
    expect(holdKind(base)).toBeNull();
  });

  it('describes a room hold with its room type and a package hold by its days', () => {
    const room: HoldSnapshot = { ...base, kind: 'ROOM', hotel: { id: 'ht', name: 'Harbor View' }, roomType: { id: 'rt', name: 'Deluxe King' }, checkIn: '2030-04-01', checkOut: '2030-04-03' };
    expect(segmentFromHold(room)).toMatchObject({
      kind: 'hotel',
      holdId: 'h1',
      productId: 'ht',
      description: 'Harbor View, Deluxe King',
      departAt: new Date('2030-04-01T00:00:00.000Z'),
      arriveAt: new Date('2030-04-03T00:00:00.000Z'),
      cancellationPolicy: 'flexible',
    });
    const pack: HoldSnapshot = { ...base, kind: 'PACKAGE', travelPackage: { id: 'pk', title: 'Alps' }, startDate: '2030-05-10', endDate: null };
    expect(segmentFromHold(pack)).toMatchObject({ kind: 'package', departAt: new Date('2030-05-10T00:00:00.000Z'), arriveAt: null, cancellationPolicy: 'non_refundable' });
  });

  it('refuses a hold whose kind it knows but whose product is missing', () => {
    expect(() => segmentFromHold({ ...base, kind: 'ROOM' }, 'newHoldId')).toThrow(DomainError);
  });

  it('orders by start, undated last, keeping the given order on ties', () => {
    const at = (iso: string | null, name: string) => ({ name, departAt: iso ? new Date(iso) : null });
    const ordered = inItineraryOrder([at(null, 'undated'), at('2030-01-02T00:00:00Z', 'b1'), at('2030-01-01T00:00:00Z', 'a'), at('2030-01-02T00:00:00Z', 'b2')]);
    expect(ordered.map((x) => x.name)).toEqual(['a', 'b1', 'b2', 'undated']);
  });
});
