import { ManualClock } from '@travel/platform';
import { testConfig, unique } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerHarness } from './support.js';

const UPDATE = `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { person { id costCenter } errors { code field message } } }`;
const PROFILE = `query ($id: ID!) { person(id: $id) {
  costCenter preferences { seat meal } loyaltyMemberships { kind program number }
  passport { number issuingCountry expiresOn } visas { country expiresOn }
  documentWarnings { document country expiresOn expired message }
} }`;
const SETTINGS = `mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { organization { settings { autoRebook allowedEmailDomains } } errors { code field } } }`;

describe('profiles and organization settings', () => {
  const h = new CustomerHarness(testConfig(), new ManualClock(new Date('2026-11-22T09:00:00.000Z')));
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('keeps preferences, loyalty numbers, passport and visas, and masks the passport for colleagues only', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'], cole: ['traveler', 'arranger'], tara: ['traveler', 'travel_admin'] });
    const res = await h.as<{ updateMyProfile: { errors: unknown[] } }>(viewers['ava']!, UPDATE, {
      input: {
        costCenter: 'CC-42',
        preferences: { seat: 'AISLE', meal: 'VEGETARIAN' },
        loyaltyMemberships: [{ kind: 'AIRLINE', program: 'BA Executive Club', number: '12345678' }],
        passport: { number: 'x1234567', issuingCountry: 'gb', expiresOn: '2027-03-01' },
        visas: [{ country: 'US', expiresOn: '2030-01-01' }, { country: 'IN', expiresOn: '2026-10-01' }],
      },
    });
    expect(res.updateMyProfile.errors).toEqual([]);
    type Profile = { person: { passport: { number: string }; [k: string]: unknown } };
    const own = await h.as<Profile>(viewers['ava']!, PROFILE, { id: viewers['ava']!.personId });
    expect(own.person).toMatchObject({
      costCenter: 'CC-42',
      preferences: { seat: 'AISLE', meal: 'VEGETARIAN' },
      loyaltyMemberships: [{ kind: 'AIRLINE', program: 'BA Executive Club', number: '12345678' }],
      passport: { number: 'X1234567', issuingCountry: 'GB', expiresOn: '2027-03-01' },
    });
    expect((await h.as<Profile>(viewers['tara']!, PROFILE, { id: viewers['ava']!.personId })).person.passport.number).toBe('X1234567');
    expect((await h.as<Profile>(viewers['cole']!, PROFILE, { id: viewers['ava']!.personId })).person.passport.number).toBe('****4567');
    // Within 6 months of 2026-11-22: the passport (2027-03-01) and the expired Indian visa; not the US visa.
    expect(own.person['documentWarnings']).toEqual([
      { document: 'VISA', country: 'IN', expiresOn: '2026-10-01', expired: true, message: 'Visa for IN expired on 2026-10-01' },
      { document: 'PASSPORT', country: 'GB', expiresOn: '2027-03-01', expired: false, message: 'Passport expires on 2027-03-01' },
    ]);
    const before = await h.as<{ person: { documentWarnings: { document: string }[] } }>(
      viewers['ava']!,
      `query ($id: ID!) { person(id: $id) { documentWarnings(before: "2031-01-01") { document country } } }`,
      { id: viewers['ava']!.personId },
    );
    expect(before.person.documentWarnings).toHaveLength(3);
  });

  it('lets a travel admin update anyone in their organization, and nobody else update someone else', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'], cole: ['traveler', 'arranger'], tara: ['traveler', 'travel_admin'] });
    const other = await h.organization({ zed: ['traveler', 'travel_admin'] });
    const byAdmin = await h.as<{ updateMyProfile: { person: { costCenter: string }; errors: unknown[] } }>(viewers['tara']!, UPDATE, {
      input: { personId: viewers['ava']!.personId, costCenter: 'CC-7' },
    });
    expect(byAdmin.updateMyProfile).toEqual({ person: { id: viewers['ava']!.personId, costCenter: 'CC-7' }, errors: [] });
    const byArranger = await h.as<{ updateMyProfile: { errors: { code: string }[] } }>(viewers['cole']!, UPDATE, { input: { personId: viewers['ava']!.personId, costCenter: 'X' } });
    expect(byArranger.updateMyProfile.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: 'personId' })]);
    const crossOrg = await h.as<{ updateMyProfile: { errors: { code: string }[] } }>(other.viewers['zed']!, UPDATE, { input: { personId: viewers['ava']!.personId, costCenter: 'X' } });
    expect(crossOrg.updateMyProfile.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it('rejects a malformed passport as VALIDATION_FAILED on its field', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'] });
    const res = await h.as<{ updateMyProfile: { errors: { code: string; field: string }[] } }>(viewers['ava']!, UPDATE, {
      input: { passport: { number: '12', expiresOn: '2030-01-01' } },
    });
    expect(res.updateMyProfile.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'passport.number' })]);
  });

  it('lets travel admins change settings, keeps a domain to one organization, auto-rebooking to Enterprise, and refuses other roles', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'], tara: ['traveler', 'travel_admin'] }, {}, 'enterprise');
    const other = await h.organization({ zed: ['traveler', 'travel_admin'] });
    const domain = `${unique('corp')}.example`;
    const set = await h.as<{ updateOrganizationSettings: unknown }>(viewers['tara']!, SETTINGS, { input: { autoRebook: true, allowedEmailDomains: [domain.toUpperCase()] } });
    expect(set.updateOrganizationSettings).toEqual({ organization: { settings: { autoRebook: true, allowedEmailDomains: [domain] } }, errors: [] });
    const partial = await h.as<{ updateOrganizationSettings: unknown }>(viewers['tara']!, SETTINGS, { input: { autoRebook: false } });
    expect(partial.updateOrganizationSettings).toMatchObject({ organization: { settings: { autoRebook: false, allowedEmailDomains: [domain] } } });
    const clash = await h.as<{ updateOrganizationSettings: unknown }>(other.viewers['zed']!, SETTINGS, { input: { allowedEmailDomains: [domain] } });
    expect(clash.updateOrganizationSettings).toMatchObject({ organization: null, errors: [{ code: 'CONFLICT', field: 'allowedEmailDomains' }] });
    await expect(h.as(viewers['ava']!, SETTINGS, { input: { autoRebook: true } })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const belowEnterprise = await h.as<{ updateOrganizationSettings: unknown }>(other.viewers['zed']!, SETTINGS, { input: { autoRebook: true } });
    expect(belowEnterprise.updateOrganizationSettings).toMatchObject({ organization: null, errors: [{ code: 'FORBIDDEN', field: 'autoRebook' }] });
  });
});
