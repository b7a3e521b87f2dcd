import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKING_FIELDS, Harness, type PayloadView } from './support/harness.js';
import type { Viewer } from '@travel/platform';

const TICKET = `mutation ($input: TicketBookingInput!) {
  ticketBooking(input: $input) { booking { ${BOOKING_FIELDS} } errors { code field message } }
}`;

describe('ticketing', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const ticket = async (viewer: Viewer, bookingId: string): Promise<PayloadView> => {
    const res = await h.gql<{ ticketBooking: PayloadView }>(viewer, TICKET, { input: { bookingId } });
    if (!res.data) throw new Error(`ticketBooking failed: ${JSON.stringify(res.errors)}`);
    return res.data.ticketBooking;
  };

  it('tickets a confirmed booking once and asks payment to capture its total', async () => {
    const viewer = h.person();
    const booking = await h.paid(viewer);
    const first = await ticket(viewer, booking.id);
    expect(first).toMatchObject({ errors: [], booking: { status: 'TICKETED' } });
    expect((await h.transitionsOf(booking.id)).at(-1)).toMatchObject({ fromStatus: 'confirmed', toStatus: 'ticketed', actorId: viewer.personId });
    const ticketed = (await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.ticketed');
    expect(ticketed.map((e) => e.payload)).toEqual([{ bookingId: booking.id, travelerId: viewer.personId, amount: booking.total.amount, currency: booking.total.currency }]);

    const again = await ticket(viewer, booking.id);
    expect(again.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    expect((await h.outboxOf(booking.id)).filter((e) => e.type === 'booking.ticketed')).toHaveLength(1);
  });

  it('refuses drafts, other organizations and people who may not act on the booking', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    expect((await ticket(viewer, draft.id)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: 'bookingId' })]);

    const paid = await h.paid(h.person(['traveler'], viewer.orgId));
    expect((await ticket(h.person(['traveler'], viewer.orgId), paid.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await ticket(h.person(), paid.id)).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await h.storedBooking(paid.id))!.status).toBe('confirmed');
  });
});
