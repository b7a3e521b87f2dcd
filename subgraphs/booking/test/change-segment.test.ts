import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

describe('changeBookingSegment', () => {
  const h = new Harness({ anyKindHolds: true });
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  /** Another seat on another day: the re-hold a client makes before asking for the change. */
  function rehold(orgId: string, amount: number, currency = 'USD') {
    const depart = new Date(h.clock.now().getTime() + 9 * 86_400_000);
    return h.inventory.add(orgId, h.clock.now(), {
      price: { amount, currency },
      seat: { id: randomUUID(), cabin: 'ECONOMY', seatNumber: '12C' },
      flight: {
        id: randomUUID(),
        flightNumber: 'BA179',
        departureAt: depart.toISOString(),
        arrivalAt: new Date(depart.getTime() + 8 * 3_600_000).toISOString(),
        airline: { code: 'BA' },
        origin: { code: 'LHR' },
        destination: { code: 'JFK' },
      },
    });
  }

  it('swaps a draft\u2019s seat for a new hold: new snapshot, new total, the change on record, one event for inventory', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const segment = draft.segments[0]!;
    const next = rehold(viewer.orgId, 51_500);
    const result = await h.change(viewer, { bookingId: draft.id, segmentId: segment.id, newHoldId: next.id, reason: 'Meeting moved two days' });

    expect(result.errors).toEqual([]);
    const booking = result.booking!;
    expect(booking.status).toBe('DRAFT');
    expect(booking.total).toEqual({ amount: 51_500, currency: 'USD' });
    expect(booking.segments).toEqual([
      expect.objectContaining({
        id: segment.id,
        kind: 'FLIGHT',
        hold: { id: next.id },
        flight: { id: next.flight.id },
        seat: { id: next.seat.id },
        cabin: 'ECONOMY',
        flightNumber: 'BA179',
        departAt: next.flight.departureAt,
        price: { amount: 51_500, currency: 'USD' },
      }),
    ]);
    expect(result.change).toEqual({
      id: expect.any(String),
      segmentId: segment.id,
      oldHoldId: segment.hold!.id,
      newHoldId: next.id,
      oldHold: { id: segment.hold!.id },
      newHold: { id: next.id },
      oldPrice: { amount: 45_000, currency: 'USD' },
      newPrice: { amount: 51_500, currency: 'USD' },
      priceDifference: { amount: 6_500, currency: 'USD' },
      actor: { id: viewer.personId },
      reason: 'Meeting moved two days',
      at: h.clock.now().toISOString(),
    });
    expect(booking.changes).toEqual([result.change]);
    // A swap is not a status change: the trail is untouched and still rebuilds the status.
    expect(booking.history.map((t) => t.toStatus)).toEqual(['DRAFT']);
    expect(await h.server.services.bookings.rebuildStatus(draft.id)).toBe('draft');

    const swapped = (await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.segment_changed');
    expect(swapped.map((e) => e.payload)).toEqual([
      {
        bookingId: draft.id,
        segmentId: segment.id,
        kind: 'flight',
        releasedHoldId: segment.hold!.id,
        newHoldId: next.id,
        convertNewHold: false,
        oldAmount: 45_000,
        newAmount: 51_500,
        priceDifference: 6_500,
        currency: 'USD',
        // Where the segment sits and what it is now, for projections that follow the trip (analytics' route and CO2).
        position: 0,
        segment: {
          kind: 'flight',
          supplier: 'BA',
          origin: 'LHR',
          destination: 'JFK',
          cabin: 'economy',
          departAt: '2030-03-11T09:00:00.000Z',
          arriveAt: '2030-03-11T17:00:00.000Z',
          amount: 51_500,
        },
      },
    ]);

    // Confirming afterwards pays for the new seat, and inventory is told to convert the new hold.
    const paid = await h.paid(viewer, { ...draft, total: booking.total });
    const confirmed = (await h.outboxOf(paid.id)).find((e) => e.type === 'booking.confirmed')!;
    expect(confirmed.payload).toMatchObject({ amount: 51_500, holdIds: [next.id] });
  });

  it('swaps a paid booking\u2019s segment, converting the new hold, with a negative difference when it is cheaper', async () => {
    const viewer = h.person();
    const booking = await h.paid(viewer);
    const next = rehold(viewer.orgId, 40_000);
    const staleQuote = (await h.quote(viewer, booking.id)).quote!;
    const result = await h.change(viewer, { bookingId: booking.id, segmentId: booking.segments[0]!.id, newHoldId: next.id });

    expect(result.booking).toMatchObject({ status: 'CONFIRMED', total: { amount: 40_000, currency: 'USD' } });
    expect(result.change).toMatchObject({ priceDifference: { amount: -5_000, currency: 'USD' }, reason: null });
    const swapped = (await h.outboxOf(booking.id)).find((e) => e.type === 'booking.segment_changed')!;
    expect(swapped.payload).toMatchObject({ convertNewHold: true, priceDifference: -5_000, newHoldId: next.id });
    expect((await h.transitionsOf(booking.id)).map((t) => t.toStatus)).toEqual(['draft', 'payment_pending', 'confirmed']);
    // The quote priced the old seat; it no longer applies.
    expect((await h.cancel(viewer, { quoteId: staleQuote.id })).errors[0]).toMatchObject({ code: 'CONFLICT', field: 'quoteId' });
  });

  it('moves a hotel stay to other dates with a new room hold', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const stay = h.inventory.addHotel(viewer.orgId, now, '2030-06-01', '2030-06-03');
    const created = await h.createFull(viewer, { holdIds: [stay.id] });
    const segment = created.booking!.segments[0]!;
    const later = h.inventory.addHotel(viewer.orgId, now, '2030-06-08', '2030-06-11', { price: { amount: 93_000, currency: 'USD' } });
    const result = await h.change(viewer, { bookingId: created.booking!.id, segmentId: segment.id, newHoldId: later.id, reason: 'Conference moved' });

    expect(result.errors).toEqual([]);
    expect(result.booking!.segments).toEqual([
      expect.objectContaining({
        id: segment.id,
        kind: 'HOTEL',
        hold: null,
        roomHold: { id: later.id },
        hotel: { id: later.hotel!.id },
        startsAt: '2030-06-08T00:00:00.000Z',
        endsAt: '2030-06-11T00:00:00.000Z',
      }),
    ]);
    expect(result.change).toMatchObject({ oldHoldId: stay.id, newHoldId: later.id, oldHold: null, newHold: null, priceDifference: { amount: 31_000, currency: 'USD' } });
    const swapped = (await h.outboxOf(created.booking!.id)).find((e) => e.type === 'booking.segment_changed')!;
    expect(swapped.payload).toMatchObject({ kind: 'hotel', releasedHoldId: stay.id, newHoldId: later.id, priceDifference: 31_000 });
  });

  it('refuses holds that do not fit, and changes nothing when it does', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const segmentId = draft.segments[0]!.id;
    const now = h.clock.now();
    const attempt = (newHoldId: string, over: { segmentId?: string; bookingId?: string } = {}) =>
      h.change(viewer, { bookingId: draft.id, segmentId, newHoldId, ...over });

    const hotel = h.inventory.addHotel(viewer.orgId, now, '2030-06-01', '2030-06-03');
    expect((await attempt(hotel.id)).errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'newHoldId' })]);
    const euros = rehold(viewer.orgId, 40_000, 'EUR');
    expect((await attempt(euros.id)).errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'newHoldId' })]);
    const expired = h.inventory.add(viewer.orgId, now, { expiresAt: now.toISOString() });
    expect((await attempt(expired.id)).errors[0]).toMatchObject({ code: 'HOLD_EXPIRED', field: 'newHoldId' });
    const released = h.inventory.add(viewer.orgId, now, { status: 'RELEASED' });
    expect((await attempt(released.id)).errors[0]).toMatchObject({ code: 'HOLD_NOT_ACTIVE', field: 'newHoldId' });
    expect((await attempt(randomUUID())).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'newHoldId' });
    const other = await h.draft(viewer);
    expect((await attempt(other.segments[0]!.hold!.id)).errors[0]).toMatchObject({ code: 'CONFLICT', field: 'newHoldId' });
    const fresh = rehold(viewer.orgId, 50_000);
    expect((await attempt(fresh.id, { segmentId: other.segments[0]!.id })).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'segmentId' });
    expect((await h.change(h.person(['travel_admin']), { bookingId: draft.id, segmentId, newHoldId: fresh.id })).errors[0]?.code).toBe('NOT_FOUND');

    const stored = (await h.storedBooking(draft.id))!;
    expect(stored.totalMinor).toBe(45_000);
    expect((await h.outboxOf(draft.id)).map((e) => e.type)).toEqual(['booking.drafted']);
    expect((await h.gql<{ booking: { changes: unknown[] } }>(viewer, `query ($id: ID!) { booking(id: $id) { changes { id } } }`, { id: draft.id })).data?.booking.changes).toEqual([]);
  });

  it('refuses a later date the traveler’s passport does not cover', async () => {
    const viewer = h.person();
    const hold = h.inventory.add(viewer.orgId, h.clock.now());
    const arrival = Date.parse(hold.flight.arrivalAt);
    const expiresOn = new Date(arrival + 86_400_000).toISOString().slice(0, 10);
    const created = await h.createFull(viewer, {
      holdIds: [hold.id],
      travelerDetails: {
        givenNames: 'Ana',
        surname: 'Lima',
        dateOfBirth: '1990-01-01',
        passport: { number: 'BR1234567', issuingCountry: 'BR', expiresOn },
        contact: { email: 'ana@example.com', phone: '+5511987654321' },
        emergencyContact: { name: 'Rui Lima', phone: '+5511912345678' },
      },
    });
    const booking = created.booking!;
    const later = rehold(viewer.orgId, 45_000);
    const result = await h.change(viewer, { bookingId: booking.id, segmentId: booking.segments[0]!.id, newHoldId: later.id });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'newHoldId' })]);
    expect(result.errors[0]!.message).toContain(expiresOn);
    expect((await h.storedBooking(booking.id))!.version).toBe(1);
  });

  it('refuses car segments, which have no hold, and bookings waiting for payment', async () => {
    const viewer = h.person();
    const carTrip = await h.createDraft(viewer, {
      holdIds: [],
      cars: [
        {
          supplier: 'Avis',
          carClass: 'Compact',
          pickupLocation: 'SFO',
          dropoffLocation: 'SFO',
          pickupAt: '2030-05-01T10:00:00Z',
          dropoffAt: '2030-05-03T10:00:00Z',
          price: { amount: 9_900, currency: 'USD' },
        },
      ],
    });
    const fresh = rehold(viewer.orgId, 50_000);
    const car = await h.change(viewer, { bookingId: carTrip.booking!.id, segmentId: carTrip.booking!.segments[0]!.id, newHoldId: fresh.id });
    expect(car.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'segmentId' })]);

    const waiting = await h.awaitingPayment(viewer);
    const pending = await h.change(viewer, { bookingId: waiting.id, segmentId: waiting.segments[0]!.id, newHoldId: fresh.id });
    expect(pending.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'bookingId' })]);
  });

  it('lets one of two bookings racing for the same new hold have it', async () => {
    const viewer = h.person();
    const [a, b] = [await h.draft(viewer), await h.draft(viewer)];
    const contested = rehold(viewer.orgId, 47_000);
    const results = await Promise.all(
      [a, b].map((booking) => h.change(viewer, { bookingId: booking.id, segmentId: booking.segments[0]!.id, newHoldId: contested.id })),
    );
    expect(results.filter((r) => r.booking).length).toBe(1);
    expect(results.filter((r) => !r.booking).map((r) => r.errors[0]?.code)).toEqual(['CONFLICT']);
    const holders = [await h.storedBooking(a.id), await h.storedBooking(b.id)].filter((s) => s!.totalMinor === 47_000);
    expect(holders).toHaveLength(1);
  });
});
