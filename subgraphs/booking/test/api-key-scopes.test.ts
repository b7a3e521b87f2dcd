import { randomUUID } from 'node:crypto';
import type { ApiKeyScope, Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const BOOKING = `query ($id: ID!) { booking(id: $id) { id status } }`;
const TICKET = `mutation ($input: TicketBookingInput!) { ticketBooking(input: $input) { booking { id status } errors { code } } }`;

describe('API key scopes on booking', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const partner = (orgId: string, scopes: ApiKeyScope[]): Viewer => {
    const apiKeyId = randomUUID();
    return { personId: apiKeyId, orgId, roles: ['partner'], scopes, apiKeyId };
  };

  it('lets a BOOKINGS_READ key read its organization’s bookings but not change them', async () => {
    const traveler = h.person();
    const booking = await h.paid(traveler);
    const reader = partner(traveler.orgId, ['bookings_read']);

    const read = await h.gql<{ booking: { id: string } | null }>(reader, BOOKING, { id: booking.id });
    expect(read.data?.booking?.id).toBe(booking.id);

    const write = await h.gql<{ ticketBooking: unknown }>(reader, TICKET, { input: { bookingId: booking.id } });
    expect(write.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(write.errors?.[0]?.message).toContain('BOOKINGS_WRITE');
    expect((await h.storedBooking(booking.id))!.status).toBe('confirmed');
  });

  it('refuses a key without BOOKINGS_READ, and still scopes a key to its own organization', async () => {
    const traveler = h.person();
    const booking = await h.paid(traveler);
    const inventoryOnly = await h.gql<{ booking: unknown }>(partner(traveler.orgId, ['inventory_read']), BOOKING, { id: booking.id });
    expect(inventoryOnly.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const otherOrg = await h.gql<{ booking: unknown }>(partner(randomUUID(), ['bookings_read']), BOOKING, { id: booking.id });
    expect(otherOrg.errors).toBeUndefined();
    expect(otherOrg.data?.booking).toBeNull();
  });

  it('leaves people signed in with a token unaffected', async () => {
    const traveler = h.person();
    const booking = await h.paid(traveler);
    const res = await h.gql<{ booking: { id: string } | null }>(traveler, BOOKING, { id: booking.id });
    expect(res.data?.booking?.id).toBe(booking.id);
  });
});
