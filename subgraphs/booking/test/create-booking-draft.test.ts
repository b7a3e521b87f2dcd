import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../src/db/schema.js';
import { Harness } from './support/harness.js';
import { eq } from 'drizzle-orm';

describe('createBookingDraft', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  /** Asserts the refusal and that the organization has no row anywhere. */
  async function refused(viewer: Viewer, input: Record<string, unknown>, code: string, field: string | null = 'holdIds') {
    const result = await h.createDraft(viewer, input);
    expect(result.booking).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ code, field })]);
    expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 0, segments: 0, transitions: 0, outbox: 0 });
    return result.errors[0]!;
  }

  it('turns active holds into a draft with a snapshot of each segment, one audit step and booking.drafted', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const first = h.inventory.add(viewer.orgId, now);
    const second = h.inventory.add(viewer.orgId, now, {
      price: { amount: 30_500, currency: 'USD' },
      seat: { id: randomUUID(), cabin: 'PREMIUM_ECONOMY', seatNumber: '21C' },
    });
    const result = await h.createDraft(viewer, { holdIds: [first.id, second.id], tripPurpose: '  Customer workshop in New York ' });

    expect(result.errors).toEqual([]);
    const booking = result.booking!;
    expect(booking).toMatchObject({
      status: 'DRAFT',
      tripPurpose: 'Customer workshop in New York',
      createdAt: now.toISOString(),
      confirmedAt: null,
      traveler: { id: viewer.personId },
      bookedBy: { id: viewer.personId },
      organization: { id: viewer.orgId },
      total: { amount: 75_500, currency: 'USD' },
    });
    expect(booking.segments).toEqual([
      {
        id: expect.any(String),
        kind: 'FLIGHT',
        hold: { id: first.id },
        flight: { id: first.flight.id },
        seat: { id: first.seat.id },
        cabin: 'BUSINESS',
        origin: 'LHR',
        destination: 'JFK',
        carrier: 'BA',
        flightNumber: 'BA117',
        departAt: first.flight.departureAt,
        arriveAt: first.flight.arrivalAt,
        price: { amount: 45_000, currency: 'USD' },
      },
      expect.objectContaining({ hold: { id: second.id }, cabin: 'PREMIUM_ECONOMY', price: { amount: 30_500, currency: 'USD' } }),
    ]);
    expect(booking.history).toEqual([{ fromStatus: null, toStatus: 'DRAFT', actor: { id: viewer.personId }, reason: null, at: now.toISOString() }]);

    const stored = await h.runtime.db.select().from(segments).where(eq(segments.bookingId, booking.id));
    expect(stored.map((s) => s.cabin).sort()).toEqual(['business', 'premium_economy']);

    const events = await h.outboxOf(booking.id);
    expect(events.map((e) => e.type)).toEqual(['booking.drafted']);
    expect(events[0]!.orgId).toBe(viewer.orgId);
    expect(events[0]!.payload).toEqual({ bookingId: booking.id, travelerId: viewer.personId, amount: 75_500, currency: 'USD', holdIds: [first.id, second.id] });
  });

  it('lets an arranger book for a colleague who delegated booking to them', async () => {
    const arranger = h.person(['traveler', 'arranger']);
    const colleague = h.person(['traveler'], arranger.orgId);
    h.customer.delegate(colleague.personId, arranger.personId);
    const booking = await h.draft(arranger, { travelerId: colleague.personId });
    expect(booking.traveler.id).toBe(colleague.personId);
    expect(booking.bookedBy.id).toBe(arranger.personId);
    expect((await h.outboxOf(booking.id))[0]!.payload).toMatchObject({ travelerId: colleague.personId });
  });

  it("snapshots the traveler's department (not the arranger's) on the draft, and null for a traveler without one", async () => {
    const arranger = h.person(['traveler', 'arranger']);
    const colleague = h.person(['traveler'], arranger.orgId);
    h.customer.delegate(colleague.personId, arranger.personId);
    h.customer.departments.set(arranger.personId, 'Travel Office');
    h.customer.departments.set(colleague.personId, 'Engineering');
    const forColleague = await h.draft(arranger, { travelerId: colleague.personId });
    const forSelf = await h.draft(arranger);
    const solo = h.person();
    const withoutDepartment = await h.draft(solo);

    expect((await h.storedBooking(forColleague.id))!.travelerDepartment).toBe('Engineering');
    expect((await h.storedBooking(forSelf.id))!.travelerDepartment).toBe('Travel Office');
    expect((await h.storedBooking(withoutDepartment.id))!.travelerDepartment).toBeNull();
  });

  it('answers an unknown hold with NOT_FOUND', async () => {
    const viewer = h.person();
    const known = h.inventory.add(viewer.orgId, h.clock.now());
    const missing = randomUUID();
    const error = await refused(viewer, { holdIds: [known.id, missing] }, 'NOT_FOUND');
    expect(error.message).toContain(missing);
  });

  it('answers another organization\u2019s hold with NOT_FOUND', async () => {
    const viewer = h.person();
    const foreign = h.inventory.add(randomUUID(), h.clock.now());
    await refused(viewer, { holdIds: [foreign.id] }, 'NOT_FOUND');
  });

  it('refuses a hold that is no longer active with HOLD_NOT_ACTIVE', async () => {
    const viewer = h.person();
    const released = h.inventory.add(viewer.orgId, h.clock.now(), { status: 'RELEASED' });
    await refused(viewer, { holdIds: [released.id] }, 'HOLD_NOT_ACTIVE');
  });

  it('refuses a hold whose expiry has passed by the clock with HOLD_EXPIRED', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const lapsed = h.inventory.add(viewer.orgId, now, { expiresAt: now.toISOString() });
    await refused(viewer, { holdIds: [lapsed.id] }, 'HOLD_EXPIRED');
  });

  it('refuses holds priced in different currencies with VALIDATION_FAILED', async () => {
    const viewer = h.person();
    const now = h.clock.now();
    const usd = h.inventory.add(viewer.orgId, now);
    const eur = h.inventory.add(viewer.orgId, now, { price: { amount: 41_000, currency: 'EUR' } });
    await refused(viewer, { holdIds: [usd.id, eur.id] }, 'VALIDATION_FAILED');
  });

  it('validates the input: hold count, duplicates, trip purpose length, traveler id', async () => {
    const viewer = h.person();
    const hold = h.inventory.add(viewer.orgId, h.clock.now());
    await refused(viewer, { holdIds: [] }, 'VALIDATION_FAILED');
    await refused(viewer, { holdIds: Array.from({ length: 11 }, () => randomUUID()) }, 'VALIDATION_FAILED');
    await refused(viewer, { holdIds: [hold.id, hold.id] }, 'VALIDATION_FAILED');
    await refused(viewer, { holdIds: [hold.id], tripPurpose: 'x'.repeat(501) }, 'VALIDATION_FAILED', 'tripPurpose');
    await refused(viewer, { holdIds: [hold.id], travelerId: 'not-an-id' }, 'VALIDATION_FAILED', 'travelerId');
  });

  it('refuses booking for someone else without their delegation, even for an arranger (FORBIDDEN)', async () => {
    const traveler = h.person(['traveler']);
    const arranger = h.person(['traveler', 'arranger'], traveler.orgId);
    const colleague = h.person(['traveler'], traveler.orgId);
    // A delegation to someone else does not count for the caller.
    h.customer.delegate(colleague.personId, traveler.personId);
    const hold = h.inventory.add(traveler.orgId, h.clock.now());
    await refused(traveler, { holdIds: [hold.id], travelerId: arranger.personId }, 'FORBIDDEN', 'travelerId');
    await refused(arranger, { holdIds: [hold.id], travelerId: colleague.personId }, 'FORBIDDEN', 'travelerId');
  });

  it('lets a travel admin book for anyone of the organization without a delegation', async () => {
    const admin = h.person(['traveler', 'travel_admin']);
    const colleague = h.person(['traveler'], admin.orgId);
    const booking = await h.draft(admin, { travelerId: colleague.personId });
    expect(booking.traveler.id).toBe(colleague.personId);
    expect(booking.bookedBy.id).toBe(admin.personId);
  });

  it('refuses a traveler who is not in the organization with NOT_FOUND on travelerId', async () => {
    const admin = h.person(['travel_admin']);
    const outsider = h.person(['traveler']);
    const hold = h.inventory.add(admin.orgId, h.clock.now());
    await refused(admin, { holdIds: [hold.id], travelerId: outsider.personId }, 'NOT_FOUND', 'travelerId');
    await refused(admin, { holdIds: [hold.id], travelerId: randomUUID() }, 'NOT_FOUND', 'travelerId');
  });

  it('refuses a hold that already backs a booking with CONFLICT, even when two drafts race for it', async () => {
    const viewer = h.person();
    const hold = h.inventory.add(viewer.orgId, h.clock.now());
    const [a, b] = await Promise.all([h.createDraft(viewer, { holdIds: [hold.id] }), h.createDraft(viewer, { holdIds: [hold.id] })]);
    const winners = [a, b].filter((r) => r.booking);
    const losers = [a, b].filter((r) => !r.booking);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors[0]?.code)).toEqual(['CONFLICT']);
    const again = await h.createDraft(viewer, { holdIds: [hold.id] });
    expect(again.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'holdIds' })]);
    expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 1, segments: 1, transitions: 1, outbox: 1 });
  });
});
