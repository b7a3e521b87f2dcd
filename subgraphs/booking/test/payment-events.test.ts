import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, paymentEvent, type BookingView } from './support/harness.js';
import type { Viewer } from '@travel/platform';

describe('payment events', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const authorized = (viewer: Viewer, booking: BookingView, amount = booking.total.amount) =>
    paymentEvent('payment.authorized', viewer.orgId, { paymentId: randomUUID(), bookingId: booking.id, amount, currency: booking.total.currency, provider: 'sandbox' });
  const failed = (viewer: Viewer, booking: BookingView, message = 'Your card was declined.') =>
    paymentEvent('payment.failed', viewer.orgId, { paymentId: randomUUID(), bookingId: booking.id, code: 'card_declined', message });

  it('confirms a booking on payment.authorized and announces booking.confirmed with its segments', async () => {
    const viewer = h.person();
    h.customer.departments.set(viewer.personId, 'Sales');
    const booking = await h.awaitingPayment(viewer);
    // The department is the one the draft snapshotted, not whatever customer says by the time payment lands.
    h.customer.departments.set(viewer.personId, 'Marketing');
    h.clock.advance(60_000);
    const event = authorized(viewer, booking);
    await h.deliverFromPayment([event]);

    const stored = (await h.storedBooking(booking.id))!;
    expect(stored.status).toBe('confirmed');
    expect(stored.confirmedAt?.toISOString()).toBe(h.clock.now().toISOString());
    const trail = await h.transitionsOf(booking.id);
    expect(trail.at(-1)).toMatchObject({ fromStatus: 'payment_pending', toStatus: 'confirmed', actorId: null });
    expect(trail.at(-1)!.reason).toContain(event.payload.paymentId);

    const segment = booking.segments[0]!;
    const confirmed = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.confirmed');
    expect(confirmed.map((e) => e.payload)).toEqual([
      {
        bookingId: booking.id,
        travelerId: viewer.personId,
        department: 'Sales',
        amount: 45_000,
        currency: 'USD',
        holdIds: [segment.hold!.id],
        segments: [
          { kind: 'flight', supplier: 'BA', origin: 'LHR', destination: 'JFK', cabin: 'business', departAt: segment.departAt, arriveAt: segment.arriveAt, amount: 45_000 },
        ],
      },
    ]);
  });

  it('cancels a booking on payment.failed with the failure message and announces booking.canceled with its holds', async () => {
    const viewer = h.person();
    const booking = await h.awaitingPayment(viewer);
    await h.deliverFromPayment([failed(viewer, booking, 'Insufficient funds.')]);

    const stored = (await h.storedBooking(booking.id))!;
    expect(stored.status).toBe('canceled');
    expect(stored.canceledAt).not.toBeNull();
    expect((await h.transitionsOf(booking.id)).at(-1)).toMatchObject({ fromStatus: 'payment_pending', toStatus: 'canceled', actorId: null, reason: 'Insufficient funds.' });
    const canceled = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.canceled');
    expect(canceled.map((e) => e.payload)).toEqual([
      { bookingId: booking.id, travelerId: viewer.personId, department: null, holdIds: [booking.segments[0]!.hold!.id], reason: 'Insufficient funds.' },
    ]);
  });

  it('changes nothing for a redelivered event, a second authorization or a late failure', async () => {
    const viewer = h.person();
    const booking = await h.awaitingPayment(viewer);
    const event = authorized(viewer, booking);
    await h.deliverFromPayment([event]);
    const before = await h.transitionsOf(booking.id);

    await h.deliverFromPayment([event, authorized(viewer, booking), failed(viewer, booking)]);

    expect((await h.storedBooking(booking.id))!.status).toBe('confirmed');
    expect(await h.transitionsOf(booking.id)).toEqual(before);
    const types = (await h.outboxOf(booking.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'booking.confirmed')).toHaveLength(1);
    expect(types).not.toContain('booking.canceled');
  });

  it('ignores payment events for a booking that is not waiting for payment, or that belongs to another organization', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const waiting = await h.awaitingPayment(viewer);
    const foreign = { ...authorized(viewer, waiting), orgId: randomUUID() };
    await h.deliverFromPayment([authorized(viewer, draft), failed(viewer, draft), foreign]);

    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
    expect((await h.storedBooking(waiting.id))!.status).toBe('payment_pending');
    expect(await h.transitionsOf(draft.id)).toHaveLength(1);
  });

  it('sends a booking whose authorized amount differs from its total to REQUIRES_ATTENTION instead of confirming it', async () => {
    const viewer = h.person();
    const booking = await h.awaitingPayment(viewer);
    await h.deliverFromPayment([authorized(viewer, booking, 100)]);

    expect((await h.storedBooking(booking.id))!.status).toBe('requires_attention');
    expect((await h.outboxOf(booking.id)).map((e) => e.type)).not.toContain('booking.confirmed');
  });

  it('rebuilds every booking\u2019s stored status from its audit trail alone', async () => {
    const viewer = h.person(['traveler', 'arranger']);
    const draft = await h.draft(viewer);
    const approval = await h.draft(viewer);
    h.policy.verdicts.set(approval.id, 'SOFT_WARNING');
    await h.confirm(viewer, { bookingId: approval.id, approvalReason: 'Only flight that day' });
    const pending = await h.awaitingPayment(viewer);
    const confirmed = await h.awaitingPayment(viewer);
    const canceled = await h.awaitingPayment(viewer);
    const attention = await h.awaitingPayment(viewer);
    await h.deliverFromPayment([authorized(viewer, confirmed), failed(viewer, canceled), authorized(viewer, attention, 1)]);

    const ids = [draft, approval, pending, confirmed, canceled, attention].map((b) => b.id);
    const stored = await Promise.all(ids.map(async (id) => (await h.storedBooking(id))!.status));
    expect(stored).toEqual(['draft', 'pending_approval', 'payment_pending', 'confirmed', 'canceled', 'requires_attention']);
    const rebuilt = await Promise.all(ids.map((id) => h.server.services.bookings.rebuildStatus(id)));
    expect(rebuilt).toEqual(stored);
    expect(await h.server.services.bookings.rebuildStatus(randomUUID())).toBeNull();
  });
});
