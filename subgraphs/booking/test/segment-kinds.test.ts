import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, paymentEvent } from './support/harness.js';

/** A car rental input around the harness clock (2030-03-02T09:00Z). */
function car(overrides: Record<string, unknown> = {}) {
  return {
    supplier: 'Hertz',
    carClass: 'Compact',
    pickupLocation: 'JFK Terminal 7',
    dropoffLocation: 'JFK Terminal 7',
    pickupAt: '2030-03-09T18:00:00.000Z',
    dropoffAt: '2030-03-12T10:00:00.000Z',
    price: { amount: 12_345, currency: 'USD' },
    supplierReference: 'HZ-99812',
    ...overrides,
  };
}

describe('segments of several kinds', () => {
  const h = new Harness({ anyKindHolds: true });
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  function trip(viewer: Viewer) {
    const now = h.clock.now();
    return {
      flight: h.inventory.add(viewer.orgId, now),
      hotel: h.inventory.addHotel(viewer.orgId, now, '2030-03-10', '2030-03-12'),
      pack: h.inventory.addPackage(viewer.orgId, now, '2030-03-12', 4),
    };
  }

  it('books a flight, a hotel, a package and a car in one trip, in itinerary order, each with its policy', async () => {
    const viewer = h.person();
    const { flight, hotel, pack } = trip(viewer);
    const result = await h.createFull(viewer, { holdIds: [pack.id, hotel.id, flight.id], cars: [car()] });

    expect(result.errors).toEqual([]);
    const booking = result.booking!;
    expect(booking.total).toEqual({ amount: 45_000 + 12_345 + 62_000 + 150_000, currency: 'USD' });
    const holdOf = (s: (typeof booking.segments)[number]) => s.hold?.id ?? s.roomHold?.id ?? s.packageHold?.id ?? null;
    expect(booking.segments.map((s) => [s.kind, holdOf(s), s.startsAt, s.endsAt, s.supplier, s.description, s.cancellationPolicy])).toEqual([
      ['FLIGHT', flight.id, flight.flight.departureAt, flight.flight.arrivalAt, 'BA', 'BA117 seat 3A', 'STANDARD'],
      ['CAR', null, '2030-03-09T18:00:00.000Z', '2030-03-12T10:00:00.000Z', 'Hertz', 'Compact', 'FLEXIBLE'],
      ['HOTEL', hotel.id, '2030-03-10T00:00:00.000Z', '2030-03-12T00:00:00.000Z', 'Harbor View Hotel', 'Harbor View Hotel, Deluxe King', 'FLEXIBLE'],
      // A four-day package departing on the 12th has its last day on the 15th.
      ['PACKAGE', pack.id, '2030-03-12T00:00:00.000Z', '2030-03-15T00:00:00.000Z', 'Iceland Ring Road', 'Iceland Ring Road', 'NON_REFUNDABLE'],
    ]);
    const [f, c, ho, p] = booking.segments;
    expect(f).toMatchObject({ flight: { id: flight.flight.id }, seat: { id: flight.seat.id }, hotel: null, travelPackage: null, roomHold: null, packageHold: null });
    expect(c).toMatchObject({ origin: 'JFK Terminal 7', destination: 'JFK Terminal 7', supplierReference: 'HZ-99812', flight: null, hotel: null, hold: null });
    expect(ho).toMatchObject({ hotel: { id: hotel.hotel!.id }, roomHold: { id: hotel.id }, hold: null, flight: null, seat: null, cabin: null, price: { amount: 62_000, currency: 'USD' } });
    expect(p).toMatchObject({ travelPackage: { id: pack.travelPackage!.id }, packageHold: { id: pack.id }, hold: null, hotel: null });

    const drafted = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.drafted');
    expect(drafted.map((e) => e.payload)).toEqual([
      { bookingId: booking.id, travelerId: viewer.personId, amount: 269_345, currency: 'USD', holdIds: [pack.id, hotel.id, flight.id] },
    ]);
  });

  it('announces every kind in booking.confirmed, with its supplier', async () => {
    const viewer = h.person();
    const { hotel } = trip(viewer);
    const created = await h.createDraft(viewer, { holdIds: [hotel.id], cars: [car({ cancellationPolicy: 'NON_REFUNDABLE' })] });
    const booking = created.booking!;
    h.policy.verdicts.set(booking.id, 'COMPLIANT');
    await h.confirm(viewer, { bookingId: booking.id });
    await h.deliverFromPayment([
      paymentEvent('payment.authorized', viewer.orgId, { paymentId: randomUUID(), bookingId: booking.id, amount: booking.total.amount, currency: 'USD', provider: 'sandbox' }),
    ]);
    const confirmed = (await h.outboxOf(booking.id)).find((e) => e.type === 'booking.confirmed')!;
    expect(confirmed.payload).toMatchObject({
      holdIds: [hotel.id],
      segments: [
        { kind: 'car', supplier: 'Hertz', origin: 'JFK Terminal 7', departAt: '2030-03-09T18:00:00.000Z' },
        { kind: 'hotel', supplier: 'Harbor View Hotel', cabin: null, departAt: '2030-03-10T00:00:00.000Z' },
      ],
    });
  });

  it('books a car on its own, with the policy the client gives', async () => {
    const viewer = h.person();
    const result = await h.createFull(viewer, { holdIds: [], cars: [car({ cancellationPolicy: 'STANDARD', supplierReference: null })] });
    expect(result.errors).toEqual([]);
    expect(result.booking!.segments).toEqual([expect.objectContaining({ kind: 'CAR', cancellationPolicy: 'STANDARD', supplierReference: null, hold: null })]);
    expect(result.booking!.total).toEqual({ amount: 12_345, currency: 'USD' });
  });

  it('validates car rentals field by field and refuses mixed currencies, writing nothing', async () => {
    const viewer = h.person();
    const bad = await h.createFull(viewer, {
      holdIds: [],
      cars: [car({ supplier: ' ', dropoffAt: '2030-03-09T17:00:00.000Z', price: { amount: 100, currency: 'usd' } })],
    });
    expect(bad.errors.map((e) => e.field)).toEqual(['cars.0.supplier', 'cars.0.price.currency', 'cars.0.dropoffAt']);
    const backwards = await h.createFull(viewer, { holdIds: [], cars: [car({ dropoffAt: '2030-03-09T17:00:00.000Z' })] });
    expect(backwards.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'cars.0.dropoffAt' })]);
    const { flight } = trip(viewer);
    const mixed = await h.createFull(viewer, { holdIds: [flight.id], cars: [car({ price: { amount: 9_000, currency: 'EUR' } })] });
    expect(mixed.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'holdIds' })]);
    const nothing = await h.createFull(viewer, { holdIds: [], cars: [] });
    expect(nothing.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'holdIds' })]);
    expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 0, segments: 0, transitions: 0, outbox: 0 });
  });

  it('applies the same hold rules to room and package holds: other organizations’ are not found, inactive ones refused', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const foreignRoom = h.inventory.addHotel(h.person().orgId, now, '2030-03-10', '2030-03-12');
    const releasedRoom = h.inventory.addHotel(viewer.orgId, now, '2030-03-10', '2030-03-12', { status: 'RELEASED' });
    const expiredPackage = h.inventory.addPackage(viewer.orgId, now, '2030-03-12', 4, { expiresAt: now.toISOString() });
    expect((await h.createFull(viewer, { holdIds: [foreignRoom.id] })).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: 'holdIds' })]);
    expect((await h.createFull(viewer, { holdIds: [releasedRoom.id] })).errors[0]?.code).toBe('HOLD_NOT_ACTIVE');
    expect((await h.createFull(viewer, { holdIds: [expiredPackage.id] })).errors[0]?.code).toBe('HOLD_EXPIRED');
    expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 0, segments: 0, transitions: 0, outbox: 0 });
  });
});
