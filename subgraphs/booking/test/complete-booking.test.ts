import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKING_FIELDS, Harness, type PayloadView } from './support/harness.js';
import type { Viewer } from '@travel/platform';

const TICKET = `mutation ($input: TicketBookingInput!) { ticketBooking(input: $input) { booking { id status } errors { code } } }`;
const COMPLETE = `mutation ($input: CompleteBookingInput!) {
  completeBooking(input: $input) { booking { ${BOOKING_FIELDS} } errors { code field message } }
}`;
const DAY = 86_400_000;

describe('completing a booking', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const complete = async (viewer: Viewer, bookingId: string): Promise<PayloadView> => {
    const res = await h.gql<{ completeBooking: PayloadView }>(viewer, COMPLETE, { input: { bookingId } });
    if (!res.data) throw new Error(`completeBooking failed: ${JSON.stringify(res.errors)}`);
    return res.data.completeBooking;
  };

  it('completes a ticketed booking only after its last segment ended, once, emitting booking.completed', async () => {
    const viewer = h.person();
    const booking = await h.paid(viewer);
    expect((await complete(viewer, booking.id)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    await h.gql(viewer, TICKET, { input: { bookingId: booking.id } });

    const early = await complete(viewer, booking.id);
    expect(early.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'bookingId' })]);

    h.clock.advance(9 * DAY);
    const done = await complete(viewer, booking.id);
    expect(done).toMatchObject({ errors: [], booking: { status: 'COMPLETED' } });
    expect((await h.transitionsOf(booking.id)).at(-1)).toMatchObject({ fromStatus: 'ticketed', toStatus: 'completed', actorId: viewer.personId });
    expect((await complete(viewer, booking.id)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    const events = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.completed');
    expect(events.map((e) => e.payload)).toEqual([{ bookingId: booking.id, travelerId: viewer.personId, amount: booking.total.amount, currency: booking.total.currency }]);
  });

  it('refuses other organizations and colleagues who may not act on the booking', async () => {
    const viewer = h.person();
    const booking = await h.paid(viewer);
    await h.gql(viewer, TICKET, { input: { bookingId: booking.id } });
    h.clock.advance(9 * DAY);
    expect((await complete(h.person(), booking.id)).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await complete(h.person(['traveler'], viewer.orgId), booking.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await h.storedBooking(booking.id))!.status).toBe('ticketed');
  });
});
