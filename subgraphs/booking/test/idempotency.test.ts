import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

/**
 * createBookingDraft, cancelBooking and changeBookingSegment with keys
 * (confirmBooking's are in confirm-booking.test.ts): a repeat returns the
 * same booking and does nothing more, a key reused with other input is
 * refused, and concurrent requests with one key act once.
 */
describe('idempotency keys', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const key = () => `idem-${randomUUID()}`;

  describe('createBookingDraft', () => {
    it('returns the same draft for a repeated request, without a second draft', async () => {
      const viewer = h.person();
      const hold = h.inventory.add(viewer.orgId, h.clock.now());
      const input = { holdIds: [hold.id], tripPurpose: 'Workshop', idempotencyKey: key() };
      const first = await h.createDraft(viewer, input);
      // Inventory has since turned the hold into something else: the replay does not depend on it.
      hold.status = 'CONVERTED';
      const second = await h.createDraft(viewer, { ...input, tripPurpose: '  Workshop ' });

      expect(second.errors).toEqual([]);
      expect(second.booking).toEqual(first.booking);
      expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 1, segments: 1, transitions: 1, outbox: 1 });
    });

    it('refuses a key reused with other holds or purpose (IDEMPOTENCY_CONFLICT) and writes nothing', async () => {
      const viewer = h.person();
      const hold = h.inventory.add(viewer.orgId, h.clock.now());
      const other = h.inventory.add(viewer.orgId, h.clock.now());
      const k = key();
      await h.createDraft(viewer, { holdIds: [hold.id], idempotencyKey: k });
      const otherHolds = await h.createDraft(viewer, { holdIds: [other.id], idempotencyKey: k });
      expect(otherHolds).toEqual({ booking: null, errors: [expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey' })] });
      const otherPurpose = await h.createDraft(viewer, { holdIds: [hold.id], tripPurpose: 'Other', idempotencyKey: k });
      expect(otherPurpose.errors[0]?.code).toBe('IDEMPOTENCY_CONFLICT');
      expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 1, segments: 1, transitions: 1, outbox: 1 });
      // Keys belong to one operation: the same string may key a confirmation.
      const draft = (await h.draft(viewer)).id;
      h.policy.verdicts.set(draft, 'COMPLIANT');
      expect((await h.confirm(viewer, { bookingId: draft, idempotencyKey: k })).booking?.status).toBe('PAYMENT_PENDING');
    });

    it('makes one draft from concurrent requests with one key', async () => {
      const viewer = h.person();
      const hold = h.inventory.add(viewer.orgId, h.clock.now());
      const input = { holdIds: [hold.id], idempotencyKey: key() };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.createDraft(viewer, input)));

      const ids = new Set(results.map((r) => r.booking?.id));
      expect(results.map((r) => r.errors)).toEqual(Array.from({ length: 5 }, () => []));
      expect(ids.size).toBe(1);
      expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 1, segments: 1, transitions: 1, outbox: 1 });
    });

    it('lets a refused request be retried with the same key once the cause is fixed', async () => {
      const viewer = h.person();
      const hold = h.inventory.add(viewer.orgId, h.clock.now(), { status: 'RELEASED' });
      const input = { holdIds: [hold.id], idempotencyKey: key() };
      expect((await h.createDraft(viewer, input)).errors[0]?.code).toBe('HOLD_NOT_ACTIVE');
      hold.status = 'ACTIVE';
      expect((await h.createDraft(viewer, input)).booking?.status).toBe('DRAFT');
    });
  });

  describe('cancelBooking', () => {
    async function quoted(viewer: Viewer) {
      const booking = await h.paid(viewer);
      const quote = (await h.quote(viewer, booking.id)).quote!;
      return { booking, quote };
    }

    it('returns the canceled booking for a repeated request, with one cancellation and one refund request', async () => {
      const viewer = h.person();
      const { booking, quote } = await quoted(viewer);
      const input = { quoteId: quote.id, idempotencyKey: key(), reason: 'Trip off' };
      const first = await h.cancel(viewer, input);
      const second = await h.cancel(viewer, input);

      expect(first.booking?.status).toBe('CANCELED');
      expect(second).toEqual(first);
      const types = (await h.outboxOf(booking.id)).map((e) => e.type);
      expect(types.filter((t) => t === 'booking.canceled')).toHaveLength(1);
      expect(types.filter((t) => t === 'booking.refund_requested')).toHaveLength(1);
    });

    it('refuses a key reused with another quote or reason (IDEMPOTENCY_CONFLICT) and cancels nothing', async () => {
      const viewer = h.person();
      const a = await quoted(viewer);
      const b = await quoted(viewer);
      const k = key();
      await h.cancel(viewer, { quoteId: a.quote.id, idempotencyKey: k });
      expect((await h.cancel(viewer, { quoteId: b.quote.id, idempotencyKey: k })).errors).toEqual([
        expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey' }),
      ]);
      expect((await h.cancel(viewer, { quoteId: a.quote.id, idempotencyKey: k, reason: 'changed my mind' })).errors[0]?.code).toBe('IDEMPOTENCY_CONFLICT');
      expect((await h.storedBooking(b.booking.id))!.status).toBe('confirmed');
    });

    it('cancels once for concurrent requests with one key, and once for concurrent requests with different keys', async () => {
      const viewer = h.person();
      const same = await quoted(viewer);
      const input = { quoteId: same.quote.id, idempotencyKey: key() };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.cancel(viewer, input)));
      for (const r of results) expect(r).toMatchObject({ booking: { id: same.booking.id, status: 'CANCELED' }, errors: [] });
      expect((await h.transitionsOf(same.booking.id)).map((t) => t.toStatus)).toEqual(['draft', 'payment_pending', 'confirmed', 'canceled']);
      expect((await h.outboxOf(same.booking.id)).filter((e) => e.type === 'booking.refund_requested')).toHaveLength(1);

      const different = await quoted(viewer);
      const raced = await Promise.all([h.cancel(viewer, { quoteId: different.quote.id }), h.cancel(viewer, { quoteId: different.quote.id })]);
      expect(raced.filter((r) => r.booking).length).toBe(1);
      expect(raced.filter((r) => !r.booking).map((r) => r.errors[0]?.code)).toEqual(['CONFLICT']);
      expect((await h.outboxOf(different.booking.id)).filter((e) => e.type === 'booking.refund_requested')).toHaveLength(1);
    });
  });

  describe('changeBookingSegment', () => {
    function rehold(orgId: string, amount: number) {
      return h.inventory.add(orgId, h.clock.now(), { price: { amount, currency: 'USD' }, seat: { id: randomUUID(), cabin: 'ECONOMY', seatNumber: '30F' } });
    }

    it('returns the same booking and change for a repeated request, swapping once', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      const next = rehold(viewer.orgId, 50_000);
      const input = { bookingId: draft.id, segmentId: draft.segments[0]!.id, newHoldId: next.id, idempotencyKey: key() };
      const first = await h.change(viewer, input);
      const second = await h.change(viewer, input);

      expect(first.errors).toEqual([]);
      expect(second).toEqual(first);
      expect(second.booking!.changes).toHaveLength(1);
      expect((await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.segment_changed')).toHaveLength(1);
      expect((await h.storedBooking(draft.id))!.totalMinor).toBe(50_000);
    });

    it('refuses a key reused with another hold (IDEMPOTENCY_CONFLICT) and swaps nothing', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      const k = key();
      const segmentId = draft.segments[0]!.id;
      await h.change(viewer, { bookingId: draft.id, segmentId, newHoldId: rehold(viewer.orgId, 50_000).id, idempotencyKey: k });
      const other = rehold(viewer.orgId, 60_000);
      const conflict = await h.change(viewer, { bookingId: draft.id, segmentId, newHoldId: other.id, idempotencyKey: k });
      expect(conflict).toEqual({ booking: null, change: null, errors: [expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT', field: 'idempotencyKey' })] });
      expect((await h.storedBooking(draft.id))!.totalMinor).toBe(50_000);
    });

    it('swaps once for concurrent requests with one key', async () => {
      const viewer = h.person();
      const draft = await h.draft(viewer);
      const next = rehold(viewer.orgId, 52_000);
      const input = { bookingId: draft.id, segmentId: draft.segments[0]!.id, newHoldId: next.id, idempotencyKey: key() };
      const results = await Promise.all(Array.from({ length: 5 }, () => h.change(viewer, input)));

      for (const r of results) expect(r).toMatchObject({ errors: [], change: { newHold: { id: next.id } }, booking: { total: { amount: 52_000 } } });
      expect(new Set(results.map((r) => r.change!.id)).size).toBe(1);
      expect((await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.segment_changed')).toHaveLength(1);
      expect((await h.storedBooking(draft.id))!.totalMinor).toBe(52_000);
    });
  });
});
