import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, paymentEvent, type BookingView } from './support/harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('cancellation: quote, then cancel', () => {
  const h = new Harness({ anyKindHolds: true });
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  /**
   * A paid trip around the clock: a car (standard, 36 h away), a hotel
   * (flexible, check-in in 2 to 3 days), a flight (standard, exactly 7 days
   * away) and a package (non-refundable, in 10 days).
   */
  async function paidTrip(viewer: Viewer): Promise<BookingView & { holdIds: string[] }> {
    const now = h.clock.now().getTime();
    const flight = h.inventory.add(viewer.orgId, h.clock.now());
    const hotel = h.inventory.addHotel(viewer.orgId, h.clock.now(), day(now + 3 * DAY), day(now + 5 * DAY));
    const pack = h.inventory.addPackage(viewer.orgId, h.clock.now(), day(now + 10 * DAY), 5);
    const created = await h.createDraft(viewer, {
      holdIds: [flight.id, hotel.id, pack.id],
      cars: [
        {
          supplier: 'Sixt',
          carClass: 'Intermediate',
          pickupLocation: 'JFK',
          dropoffLocation: 'JFK',
          pickupAt: new Date(now + 36 * HOUR).toISOString(),
          dropoffAt: new Date(now + 60 * HOUR).toISOString(),
          price: { amount: 12_345, currency: 'USD' },
          cancellationPolicy: 'STANDARD',
        },
      ],
    });
    if (!created.booking) throw new Error(JSON.stringify(created.errors));
    // Itinerary order: the car has no hold, then hotel, flight, package.
    return { ...(await h.paid(viewer, created.booking)), holdIds: [hotel.id, flight.id, pack.id] };
  }

  it('quotes the refund per segment from its policy and the time left, rounding each share down', async () => {
    const viewer = h.person();
    const booking = await paidTrip(viewer);
    const kinds = booking.segments.map((s) => s.kind);
    expect(kinds).toEqual(['CAR', 'HOTEL', 'FLIGHT', 'PACKAGE']);

    const atSevenDays = (await h.quote(viewer, booking.id)).quote!;
    expect(atSevenDays.lines.map((l) => [l.policy, l.price.amount, l.refundPercent, l.refund.amount])).toEqual([
      ['STANDARD', 12_345, 50, 6_172],
      ['FLEXIBLE', 62_000, 100, 62_000],
      ['STANDARD', 45_000, 100, 45_000],
      ['NON_REFUNDABLE', 150_000, 0, 0],
    ]);
    expect(atSevenDays.refund).toEqual({ amount: 6_172 + 62_000 + 45_000, currency: 'USD' });
    expect(atSevenDays.lines[2]!.secondsBeforeStart).toBe(7 * 24 * 3600);
    expect(atSevenDays.secondsBeforeDeparture).toBe(36 * 3600);
    expect(Date.parse(atSevenDays.expiresAt) - Date.parse(atSevenDays.createdAt)).toBe(15 * 60_000);
    expect(atSevenDays.used).toBe(false);

    h.clock.advance(1000);
    const justUnder = (await h.quote(viewer, booking.id)).quote!;
    expect(justUnder.lines.map((l) => l.refund.amount)).toEqual([6_172, 62_000, 22_500, 0]);
    expect(justUnder.refund.amount).toBe(90_672);
    expect(justUnder.secondsBeforeDeparture).toBe(36 * 3600 - 1);
    expect((await h.storedBooking(booking.id))!.status).toBe('confirmed');
  });

  it('quotes flight segments by the refundability of the fare they were held at', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const basic = h.inventory.add(viewer.orgId, now, { fareClass: { fareFamily: 'BASIC', refundable: false } });
    const flex = h.inventory.add(viewer.orgId, now, { fareClass: { fareFamily: 'FLEX', refundable: true } });
    const created = await h.createDraft(viewer, { holdIds: [basic.id, flex.id] });
    if (!created.booking) throw new Error(JSON.stringify(created.errors));
    const booking = await h.paid(viewer, created.booking);
    const quote = (await h.quote(viewer, booking.id)).quote!;
    // Both depart in 7 days: the flex fare refunds in full, the basic fare nothing.
    expect(quote.lines.map((l) => [l.policy, l.refundPercent, l.refund.amount]).sort()).toEqual([
      ['FLEXIBLE', 100, 45_000],
      ['NON_REFUNDABLE', 0, 0],
    ]);
  });

  it('cancels with a quote: CANCELED, audit step, booking.canceled for inventory and booking.refund_requested for payment', async () => {
    const viewer = h.person();
    const booking = await paidTrip(viewer);
    const quote = (await h.quote(viewer, booking.id)).quote!;
    const result = await h.cancel(viewer, { quoteId: quote.id, reason: 'Meeting moved' });

    expect(result.errors).toEqual([]);
    expect(result.booking!.status).toBe('CANCELED');
    const step = result.booking!.history.at(-1)!;
    expect(step).toMatchObject({ fromStatus: 'CONFIRMED', toStatus: 'CANCELED', actor: { id: viewer.personId } });
    expect(step.reason).toBe(`Canceled with quote ${quote.id}, refund ${quote.refund.amount} USD: Meeting moved`);

    // Both events are written in one transaction, so their outbox order is not meaningful: compare them by type.
    const events = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.canceled' || e.type === 'booking.refund_requested');
    expect(events.map((e) => [e.type, e.payload]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['booking.canceled', { bookingId: booking.id, travelerId: viewer.personId, department: null, holdIds: booking.holdIds, reason: step.reason }],
      ['booking.refund_requested', { bookingId: booking.id, amount: quote.refund.amount, currency: 'USD', quoteId: quote.id }],
    ]);
    expect(await h.server.services.bookings.rebuildStatus(booking.id)).toBe('canceled');
  });

  it('moves a canceled booking to REFUNDED once payment refunded the quoted amount, and only then', async () => {
    const viewer = h.person();
    const booking = await paidTrip(viewer);
    const quote = (await h.quote(viewer, booking.id)).quote!;
    await h.cancel(viewer, { quoteId: quote.id });
    const refunded = (amount: number, quoteId: string | null = quote.id) =>
      paymentEvent('payment.refunded', viewer.orgId, {
        paymentId: randomUUID(),
        bookingId: booking.id,
        refundId: randomUUID(),
        quoteId,
        amount,
        currency: 'USD',
        totalRefunded: amount,
      });

    await h.deliverFromPayment([refunded(quote.refund.amount - 1), refunded(quote.refund.amount, null), refunded(quote.refund.amount, randomUUID())]);
    expect((await h.storedBooking(booking.id))!.status).toBe('canceled');

    const full = refunded(quote.refund.amount);
    await h.deliverFromPayment([full, full, refunded(quote.refund.amount)]);
    expect((await h.storedBooking(booking.id))!.status).toBe('refunded');
    const trail = await h.transitionsOf(booking.id);
    expect(trail.map((t) => t.toStatus)).toEqual(['draft', 'payment_pending', 'confirmed', 'canceled', 'refunded']);
    expect(trail.at(-1)).toMatchObject({ actorId: null, reason: `Refund ${full.payload.refundId} of ${quote.refund.amount} USD by payment ${full.payload.paymentId}` });
    const announced = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.refunded');
    expect(announced.map((e) => e.payload)).toEqual([
      { bookingId: booking.id, travelerId: viewer.personId, amount: quote.refund.amount, currency: 'USD', quoteId: quote.id },
    ]);
    expect(await h.server.services.bookings.rebuildStatus(booking.id)).toBe('refunded');
  });

  it('refunds nothing for a booking that was never paid, and asks payment for nothing', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const quote = (await h.quote(viewer, draft.id)).quote!;
    expect(quote.refund.amount).toBe(0);
    expect(quote.lines.map((l) => [l.policy, l.refundPercent, l.refund.amount])).toEqual([['STANDARD', 0, 0]]);
    expect((await h.cancel(viewer, { quoteId: quote.id })).booking?.status).toBe('CANCELED');
    expect((await h.outboxOf(draft.id)).map((e) => e.type)).toEqual(['booking.drafted', 'booking.canceled']);
  });

  it('refuses an expired quote with QUOTE_EXPIRED and accepts one up to its last second', async () => {
    const viewer = h.person();
    const first = await h.draft(viewer);
    const expiring = (await h.quote(viewer, first.id)).quote!;
    h.clock.advance(15 * 60_000);
    expect((await h.cancel(viewer, { quoteId: expiring.id })).errors).toEqual([expect.objectContaining({ code: 'QUOTE_EXPIRED', field: 'quoteId' })]);
    expect((await h.storedBooking(first.id))!.status).toBe('draft');

    const second = await h.draft(viewer);
    const lastSecond = (await h.quote(viewer, second.id)).quote!;
    h.clock.advance(15 * 60_000 - 1000);
    expect((await h.cancel(viewer, { quoteId: lastSecond.id })).booking?.status).toBe('CANCELED');
  });

  it('refuses a quote made before the booking changed, a used quote, and quotes for bookings that cannot be canceled', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const stale = (await h.quote(viewer, draft.id)).quote!;
    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    await h.confirm(viewer, { bookingId: draft.id });
    expect((await h.cancel(viewer, { quoteId: stale.id })).errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'quoteId' })]);
    expect((await h.storedBooking(draft.id))!.status).toBe('payment_pending');

    const fresh = (await h.quote(viewer, draft.id)).quote!;
    expect((await h.cancel(viewer, { quoteId: fresh.id })).booking?.status).toBe('CANCELED');
    expect((await h.cancel(viewer, { quoteId: fresh.id })).errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'quoteId' })]);
    expect((await h.quote(viewer, draft.id)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'bookingId' })]);
    expect((await h.transitionsOf(draft.id)).map((t) => t.toStatus)).toEqual(['draft', 'payment_pending', 'canceled']);
  });

  it('keeps quotes and cancellations within the organization and to the people who may act', async () => {
    const owner = h.person();
    const draft = await h.draft(owner);
    const stranger = h.person(['travel_admin']);
    expect((await h.quote(stranger, draft.id)).errors[0]?.code).toBe('NOT_FOUND');
    expect((await h.quote(h.person(['traveler'], owner.orgId), draft.id)).errors[0]?.code).toBe('FORBIDDEN');
    const quote = (await h.quote(owner, draft.id)).quote!;
    expect((await h.cancel(stranger, { quoteId: quote.id })).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'quoteId' });
    expect((await h.cancel(owner, { quoteId: randomUUID() })).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'quoteId' });
    expect((await h.cancel(owner, { quoteId: 'not-an-id' })).errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'quoteId' });
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
  });
});
