import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

describe('confirmBooking', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('sends a compliant draft to payment and asks payment to authorize it', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    const result = await h.confirm(viewer, { bookingId: draft.id, paymentMethod: 'pm_card_visa', idempotencyKey: 'confirm-0001' });

    expect(result.errors).toEqual([]);
    expect(result.booking!.status).toBe('PAYMENT_PENDING');
    expect(result.booking!.history.map((t) => [t.fromStatus, t.toStatus, t.actor?.id])).toEqual([
      [null, 'DRAFT', viewer.personId],
      ['DRAFT', 'PAYMENT_PENDING', viewer.personId],
    ]);
    const requested = (await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.confirmation_requested');
    expect(requested.map((e) => e.payload)).toEqual([
      {
        bookingId: draft.id,
        travelerId: viewer.personId,
        amount: 45_000,
        currency: 'USD',
        paymentMethod: 'pm_card_visa',
        idempotencyKey: `booking:${draft.id}:authorize`,
      },
    ]);
  });

  it('parks a draft with a soft policy warning in PENDING_APPROVAL and asks for approval, not for payment', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'SOFT_WARNING');
    const result = await h.confirm(viewer, { bookingId: draft.id, approvalReason: 'Client meeting moved forward' });
    expect(result.errors).toEqual([]);
    expect(result.booking!.status).toBe('PENDING_APPROVAL');
    expect((await h.outboxOf(draft.id)).map((e) => e.type)).toEqual(['booking.drafted', 'booking.approval_requested']);
  });

  it('refuses a soft policy warning without an approvalReason and leaves the draft as it was', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'SOFT_WARNING');
    const result = await h.confirm(viewer, { bookingId: draft.id });
    expect(result).toEqual({ booking: null, errors: [expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'approvalReason' })] });
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
  });

  it('refuses a hard stop with POLICY_BLOCKED and leaves the draft as it was', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'HARD_STOP');
    const result = await h.confirm(viewer, { bookingId: draft.id });
    expect(result).toEqual({ booking: null, errors: [expect.objectContaining({ code: 'POLICY_BLOCKED', field: 'bookingId' })] });
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
    expect(await h.transitionsOf(draft.id)).toHaveLength(1);
  });

  it('refuses a draft that policy has not evaluated with POLICY_NOT_EVALUATED, and accepts the same key once it has', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const first = await h.confirm(viewer, { bookingId: draft.id, idempotencyKey: 'retry-after-evaluation' });
    expect(first.errors).toEqual([expect.objectContaining({ code: 'POLICY_NOT_EVALUATED' })]);
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');

    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    const second = await h.confirm(viewer, { bookingId: draft.id, idempotencyKey: 'retry-after-evaluation' });
    expect(second.booking?.status).toBe('PAYMENT_PENDING');
  });

  it('refuses a booking that is no longer a draft with INVALID_TRANSITION', async () => {
    const viewer = h.person();
    const booking = await h.awaitingPayment(viewer);
    const result = await h.confirm(viewer, { bookingId: booking.id });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'bookingId' })]);
  });

  it('answers an unknown or another organization\u2019s booking with NOT_FOUND', async () => {
    const owner = h.person();
    const draft = await h.draft(owner);
    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    const stranger = h.person(['travel_admin']);
    expect((await h.confirm(stranger, { bookingId: draft.id })).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: 'bookingId' })]);
    expect((await h.confirm(stranger, { bookingId: randomUUID() })).errors[0]?.code).toBe('NOT_FOUND');
    expect((await h.confirm(stranger, { bookingId: 'not-a-uuid' })).errors[0]?.code).toBe('NOT_FOUND');
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
  });

  it('refuses a colleague who is neither traveler, booker, arranger nor travel admin (FORBIDDEN)', async () => {
    const owner = h.person();
    const draft = await h.draft(owner);
    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    const colleague = h.person(['traveler'], owner.orgId);
    expect((await h.confirm(colleague, { bookingId: draft.id })).errors[0]?.code).toBe('FORBIDDEN');
    const admin = h.person(['travel_admin'], owner.orgId);
    expect((await h.confirm(admin, { bookingId: draft.id })).booking?.status).toBe('PAYMENT_PENDING');
  });

  it('validates the idempotency key and payment method', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    h.policy.verdicts.set(draft.id, 'COMPLIANT');
    expect((await h.confirm(viewer, { bookingId: draft.id, idempotencyKey: 'short' })).errors).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'idempotencyKey' }),
    ]);
    expect((await h.confirm(viewer, { bookingId: draft.id, idempotencyKey: 'k'.repeat(256) })).errors[0]?.field).toBe('idempotencyKey');
    expect((await h.confirm(viewer, { bookingId: draft.id, paymentMethod: '  ' })).errors[0]?.field).toBe('paymentMethod');
    // Raw card numbers are refused so they never reach the outbox or the event stream.
    expect((await h.confirm(viewer, { bookingId: draft.id, paymentMethod: '4242424242424242' })).errors[0]).toMatchObject({ code: 'VALIDATION_FAILED', field: 'paymentMethod' });
    expect((await h.storedBooking(draft.id))!.status).toBe('draft');
  });

  describe('idempotency', () => {
    it('replays a repeated request: same booking, no second transition, no second payment request', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      h.policy.verdicts.set(draft.id, 'COMPLIANT');
      const input = { bookingId: draft.id, paymentMethod: 'pm_card_visa', idempotencyKey: `idem-${randomUUID()}` };
      const first = await h.confirm(viewer, input);
      const second = await h.confirm(viewer, input);

      expect(second.errors).toEqual([]);
      expect(second.booking).toEqual(first.booking);
      expect(await h.transitionsOf(draft.id)).toHaveLength(2);
      expect((await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.confirmation_requested')).toHaveLength(1);
    });

    it('replays from the key alone: policy is not asked again, so a later verdict does not change the answer', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      h.policy.verdicts.set(draft.id, 'SOFT_WARNING');
      const input = { bookingId: draft.id, idempotencyKey: `idem-${randomUUID()}`, approvalReason: 'Only flight that day' };
      expect((await h.confirm(viewer, input)).booking?.status).toBe('PENDING_APPROVAL');
      const readsBefore = h.policy.reads.get(draft.id);
      h.policy.verdicts.set(draft.id, 'HARD_STOP');
      expect(await h.confirm(viewer, input)).toMatchObject({ booking: { id: draft.id, status: 'PENDING_APPROVAL' }, errors: [] });
      expect(h.policy.reads.get(draft.id)).toBe(readsBefore);
    });

    it('refuses a key reused with a different payment method or booking (IDEMPOTENCY_CONFLICT)', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      const other = await h.draft(viewer);
      h.policy.verdicts.set(draft.id, 'COMPLIANT');
      h.policy.verdicts.set(other.id, 'COMPLIANT');
      const key = `idem-${randomUUID()}`;
      await h.confirm(viewer, { bookingId: draft.id, paymentMethod: 'pm_card_visa', idempotencyKey: key });

      const otherMethod = await h.confirm(viewer, { bookingId: draft.id, paymentMethod: 'pm_card_mastercard', idempotencyKey: key });
      expect(otherMethod).toEqual({ booking: null, errors: [expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey' })] });
      const otherBooking = await h.confirm(viewer, { bookingId: other.id, paymentMethod: 'pm_card_visa', idempotencyKey: key });
      expect(otherBooking.errors[0]?.code).toBe('IDEMPOTENCY_CONFLICT');
      expect((await h.storedBooking(other.id))!.status).toBe('draft');
    });

    it('scopes keys to the organization: another organization may use the same key', async () => {
      const a = h.person();
      const b = h.person();
      const draftA = await h.draft(a);
      const draftB = await h.draft(b);
      h.policy.verdicts.set(draftA.id, 'COMPLIANT');
      h.policy.verdicts.set(draftB.id, 'COMPLIANT');
      const key = `shared-${randomUUID()}`;
      expect((await h.confirm(a, { bookingId: draftA.id, idempotencyKey: key })).booking?.status).toBe('PAYMENT_PENDING');
      expect((await h.confirm(b, { bookingId: draftB.id, idempotencyKey: key })).booking?.status).toBe('PAYMENT_PENDING');
    });

    it('gives concurrent requests with one key one effect', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      h.policy.verdicts.set(draft.id, 'COMPLIANT');
      const input = { bookingId: draft.id, paymentMethod: 'pm_card_visa', idempotencyKey: `idem-${randomUUID()}` };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.confirm(viewer, input)));

      for (const result of results) expect(result).toMatchObject({ booking: { id: draft.id, status: 'PAYMENT_PENDING' }, errors: [] });
      expect((await h.transitionsOf(draft.id)).map((t) => t.toStatus)).toEqual(['draft', 'payment_pending']);
      expect((await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.confirmation_requested')).toHaveLength(1);
    });

    it('lets only one of two concurrent confirmations with different keys through', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      h.policy.verdicts.set(draft.id, 'COMPLIANT');
      const results = await Promise.all([h.confirm(viewer, { bookingId: draft.id }), h.confirm(viewer, { bookingId: draft.id })]);

      expect(results.filter((r) => r.booking).map((r) => r.booking!.status)).toEqual(['PAYMENT_PENDING']);
      expect(results.filter((r) => !r.booking).map((r) => r.errors[0]?.code)).toEqual(['INVALID_TRANSITION']);
      expect((await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.confirmation_requested')).toHaveLength(1);
    });
  });
});
