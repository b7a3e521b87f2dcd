import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, policyEvent, type BookingView } from './support/harness.js';

describe('bookings waiting for approval', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  async function pendingApproval(viewer: Viewer, paymentMethod = 'pm_card_mastercard'): Promise<BookingView> {
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'SOFT_WARNING');
    const result = await h.confirm(viewer, { bookingId: draft.id, paymentMethod, approvalReason: 'Client workshop on Monday' });
    if (result.booking?.status !== 'PENDING_APPROVAL') throw new Error(`confirm refused: ${JSON.stringify(result.errors)}`);
    return result.booking;
  }

  it('asks policy for approval with the reason and the amount', async () => {
    const viewer = h.person();
    const booking = await pendingApproval(viewer);
    const asked = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.approval_requested');
    expect(asked.map((e) => e.payload)).toEqual([
      { bookingId: booking.id, travelerId: viewer.personId, requestedBy: viewer.personId, amount: booking.total.amount, currency: 'USD', reason: 'Client workshop on Monday' },
    ]);
  });

  it('goes on to payment with the payment method given at confirm when the approval is granted', async () => {
    const viewer = h.person();
    const booking = await pendingApproval(viewer, 'pm_card_mastercard');
    const approver = randomUUID();
    await h.deliverFromPolicy([policyEvent('policy.approval.granted', viewer.orgId, { requestId: randomUUID(), bookingId: booking.id, approvedBy: approver, comment: 'ok' })]);

    expect((await h.storedBooking(booking.id))!.status).toBe('payment_pending');
    expect((await h.transitionsOf(booking.id)).at(-1)).toMatchObject({ fromStatus: 'pending_approval', toStatus: 'payment_pending', actorId: approver, reason: 'Approved' });
    const requested = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.confirmation_requested');
    expect(requested.map((e) => e.payload)).toEqual([
      {
        bookingId: booking.id,
        travelerId: viewer.personId,
        amount: booking.total.amount,
        currency: 'USD',
        paymentMethod: 'pm_card_mastercard',
        idempotencyKey: `booking:${booking.id}:authorize`,
      },
    ]);
  });

  it('is canceled with the reason, releasing its holds, when the approval is rejected', async () => {
    const viewer = h.person();
    const booking = await pendingApproval(viewer);
    const approver = randomUUID();
    await h.deliverFromPolicy([policyEvent('policy.approval.rejected', viewer.orgId, { requestId: randomUUID(), bookingId: booking.id, rejectedBy: approver, reason: 'Take the train' })]);

    const stored = (await h.storedBooking(booking.id))!;
    expect(stored.status).toBe('canceled');
    expect((await h.transitionsOf(booking.id)).at(-1)).toMatchObject({ fromStatus: 'pending_approval', toStatus: 'canceled', actorId: approver, reason: 'Approval rejected: Take the train' });
    const canceled = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.canceled');
    expect(canceled.map((e) => e.payload)).toEqual([
      { bookingId: booking.id, travelerId: viewer.personId, department: null, holdIds: [booking.segments[0]!.hold!.id], reason: 'Approval rejected: Take the train' },
    ]);
    expect((await h.outboxOf(booking.id)).map((e) => e.type)).not.toContain('booking.confirmation_requested');
  });

  it('changes nothing for a redelivered verdict, a late rejection or a verdict from another organization', async () => {
    const viewer = h.person();
    const booking = await pendingApproval(viewer);
    const foreign = policyEvent('policy.approval.rejected', randomUUID(), { requestId: randomUUID(), bookingId: booking.id, rejectedBy: null, reason: 'not yours' });
    await h.deliverFromPolicy([foreign]);
    expect((await h.storedBooking(booking.id))!.status).toBe('pending_approval');

    const granted = policyEvent('policy.approval.granted', viewer.orgId, { requestId: randomUUID(), bookingId: booking.id, approvedBy: null, comment: null });
    await h.deliverFromPolicy([granted]);
    const trail = await h.transitionsOf(booking.id);
    expect(trail.at(-1)).toMatchObject({ toStatus: 'payment_pending', actorId: null, reason: 'Approved automatically: the approval deadline passed' });

    await h.deliverFromPolicy([granted, policyEvent('policy.approval.rejected', viewer.orgId, { requestId: randomUUID(), bookingId: booking.id, rejectedBy: null, reason: 'late' })]);
    expect((await h.storedBooking(booking.id))!.status).toBe('payment_pending');
    expect(await h.transitionsOf(booking.id)).toEqual(trail);
    expect((await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.confirmation_requested')).toHaveLength(1);
  });
});
