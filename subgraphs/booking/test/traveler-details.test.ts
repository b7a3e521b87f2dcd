import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO_COUNTRIES } from '../src/bookings/iso-countries.js';
import { bookings } from '../src/db/schema.js';
import { Harness } from './support/harness.js';

/** Valid for a trip a week after the harness clock (2030-03-02). */
function details(overrides: Record<string, unknown> = {}) {
  return {
    givenNames: 'Anna  Maria',
    surname: "O'Neill-Sørensen",
    dateOfBirth: '1988-04-12',
    passport: { number: 'c01x 00t47', issuingCountry: 'de', expiresOn: '2034-01-31' },
    contact: { email: ' Anna.ONeill@Example.com ', phone: '+49 (30) 1234-5678' },
    emergencyContact: { name: 'Jonas Sørensen', relationship: 'spouse', phone: '+4915112345678' },
    specialRequests: 'Aisle seat if possible',
    dietaryNeeds: ['VEGETARIAN', 'NUT_ALLERGY', 'VEGETARIAN'],
    accessibilityNeeds: ['WHEELCHAIR_RAMP'],
    ...overrides,
  };
}

describe('traveler details', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('knows the 249 ISO 3166-1 alpha-2 codes and not the reserved ones', () => {
    expect(ISO_COUNTRIES.size).toBe(249);
    for (const code of ['DE', 'US', 'GB', 'JP', 'SS', 'AQ']) expect(ISO_COUNTRIES.has(code)).toBe(true);
    for (const code of ['UK', 'EU', 'UN', 'XK', 'SU', 'YU', 'ZZ']) expect(ISO_COUNTRIES.has(code)).toBe(false);
  });

  it('adds details to a draft, normalized, and announces it without personal data', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const result = await h.updateDetails(viewer, { bookingId: draft.id, travelerDetails: details() });

    expect(result.errors).toEqual([]);
    expect(result.booking!.travelerDetails).toEqual({
      givenNames: 'Anna Maria',
      surname: "O'Neill-Sørensen",
      dateOfBirth: '1988-04-12',
      passport: { number: 'C01X00T47', issuingCountry: 'DE', expiresOn: '2034-01-31' },
      contact: { email: 'anna.oneill@example.com', phone: '+493012345678' },
      emergencyContact: { name: 'Jonas Sørensen', relationship: 'spouse', phone: '+4915112345678' },
      specialRequests: 'Aisle seat if possible',
      dietaryNeeds: ['VEGETARIAN', 'NUT_ALLERGY'],
      accessibilityNeeds: ['WHEELCHAIR_RAMP'],
    });
    const events = (await h.outboxOf(draft.id)).filter((e) => e.type === 'booking.traveler_details_updated');
    expect(events.map((e) => e.payload)).toEqual([{ bookingId: draft.id, travelerId: viewer.personId }]);

    const read = `query ($id: ID!) { booking(id: $id) { id travelerDetails { passport { number } } } }`;
    const colleague = await h.gql<{ booking: { id: string; travelerDetails: unknown } }>(h.person(['traveler'], viewer.orgId), read, { id: draft.id });
    expect(colleague.data?.booking).toEqual({ id: draft.id, travelerDetails: null });
    const admin = await h.gql<{ booking: { id: string; travelerDetails: unknown } }>(h.person(['travel_admin'], viewer.orgId), read, { id: draft.id });
    expect(admin.data?.booking.travelerDetails).toEqual({ passport: { number: 'C01X00T47' } });

    const replaced = await h.updateDetails(viewer, { bookingId: draft.id, travelerDetails: details({ specialRequests: null, dietaryNeeds: [] }) });
    expect(replaced.booking!.travelerDetails).toMatchObject({ specialRequests: null, dietaryNeeds: [] });
  });

  it('reports every invalid field with its path at once and writes nothing', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const result = await h.updateDetails(viewer, {
      bookingId: draft.id,
      travelerDetails: details({
        givenNames: 'Anna2',
        surname: '  ',
        passport: { number: 'AB1', issuingCountry: 'UK', expiresOn: '2034-01-31' },
        contact: { email: 'anna-at-example.com', phone: '030 1234567' },
        emergencyContact: { name: 'Jonas', phone: '+0123456789' },
        specialRequests: 'x'.repeat(501),
      }),
    });

    expect(result.booking).toBeNull();
    expect(result.errors.map((e) => [e.code, e.field])).toEqual([
      ['VALIDATION_FAILED', 'travelerDetails.givenNames'],
      ['VALIDATION_FAILED', 'travelerDetails.surname'],
      ['VALIDATION_FAILED', 'travelerDetails.passport.number'],
      ['VALIDATION_FAILED', 'travelerDetails.passport.issuingCountry'],
      ['VALIDATION_FAILED', 'travelerDetails.contact.email'],
      ['VALIDATION_FAILED', 'travelerDetails.contact.phone'],
      ['VALIDATION_FAILED', 'travelerDetails.emergencyContact.phone'],
      ['VALIDATION_FAILED', 'travelerDetails.specialRequests'],
    ]);
    expect(result.errors.find((e) => e.field === 'travelerDetails.contact.phone')!.message).toContain('E.164');
    const [row] = await h.runtime.db.select().from(bookings).where(eq(bookings.id, draft.id));
    expect(row!.travelerDetails).toBeNull();
    expect((await h.outboxOf(draft.id)).map((e) => e.type)).toEqual(['booking.drafted']);
  });

  it('checks dates against the clock and the trip: born in the past, passport valid after the trip ends', async () => {
    const viewer = h.person();
    const draft = await h.draft(viewer);
    const arrival = draft.segments[0]!.arriveAt!.slice(0, 10);

    const future = await h.updateDetails(viewer, { bookingId: draft.id, travelerDetails: details({ dateOfBirth: '2031-01-01' }) });
    expect(future.errors.map((e) => e.field)).toEqual(['travelerDetails.dateOfBirth']);
    const ancient = await h.updateDetails(viewer, { bookingId: draft.id, travelerDetails: details({ dateOfBirth: '1890-01-01' }) });
    expect(ancient.errors.map((e) => e.field)).toEqual(['travelerDetails.dateOfBirth']);

    const onArrival = await h.updateDetails(viewer, {
      bookingId: draft.id,
      travelerDetails: details({ passport: { number: 'C01X00T47', issuingCountry: 'DE', expiresOn: arrival } }),
    });
    expect(onArrival.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'travelerDetails.passport.expiresOn' })]);
    expect(onArrival.errors[0]!.message).toContain(arrival);

    const dayAfter = new Date(Date.parse(`${arrival}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const ok = await h.updateDetails(viewer, {
      bookingId: draft.id,
      travelerDetails: details({ passport: { number: 'C01X00T47', issuingCountry: 'DE', expiresOn: dayAfter } }),
    });
    expect(ok.errors).toEqual([]);
  });

  it('takes details with the draft, and refuses the draft entirely when they are invalid', async () => {
    const viewer = h.person();
    const hold = h.inventory.add(viewer.orgId, h.clock.now());
    const bad = await h.createFull(viewer, { holdIds: [hold.id], travelerDetails: details({ contact: { email: 'nope', phone: '+14155550123' } }) });
    expect(bad.errors.map((e) => e.field)).toEqual(['travelerDetails.contact.email']);
    expect(await h.rowCounts(viewer.orgId)).toEqual({ bookings: 0, segments: 0, transitions: 0, outbox: 0 });

    const good = await h.createFull(viewer, { holdIds: [hold.id], travelerDetails: details() });
    expect(good.errors).toEqual([]);
    expect(good.booking!.travelerDetails).toMatchObject({ surname: "O'Neill-Sørensen", passport: { issuingCountry: 'DE' } });
  });

  it('changes details on drafts only, of the caller\u2019s organization, by the traveler, booker, arranger or admin', async () => {
    const viewer = h.person();
    const waiting = await h.awaitingPayment(viewer);
    expect((await h.updateDetails(viewer, { bookingId: waiting.id, travelerDetails: details() })).errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'bookingId' }),
    ]);
    const draft = await h.draft(viewer);
    expect((await h.updateDetails(h.person(['travel_admin']), { bookingId: draft.id, travelerDetails: details() })).errors[0]?.code).toBe('NOT_FOUND');
    expect((await h.updateDetails(h.person(['traveler'], viewer.orgId), { bookingId: draft.id, travelerDetails: details() })).errors[0]?.code).toBe('FORBIDDEN');
    expect((await h.updateDetails(h.person(['arranger'], viewer.orgId), { bookingId: draft.id, travelerDetails: details() })).errors).toEqual([]);
    expect((await h.updateDetails(viewer, { bookingId: randomUUID(), travelerDetails: details() })).errors[0]?.code).toBe('NOT_FOUND');
  });
});
