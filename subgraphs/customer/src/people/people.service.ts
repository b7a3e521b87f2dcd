import { DomainError, parseInput, type Viewer } from '@travel/platform';
import { z } from 'zod';
import { LOYALTY_PROGRAM_KINDS, MEAL_PREFERENCES, SEAT_PREFERENCES, type PersonRow } from '../db/schema.js';
import type { PeopleRepository, ProfileChanges } from './people.repository.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates are YYYY-MM-DD' });
const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'countries are ISO 3166-1 alpha-2 codes such as GB' });

const profileInput = z.object({
  personId: z.guid({ error: 'personId is not a valid id' }).nullish(),
  costCenter: z.string().trim().max(100, { error: 'costCenter is longer than 100 characters' }).nullish(),
  preferences: z
    .object({ seat: z.enum(SEAT_PREFERENCES).nullish(), meal: z.enum(MEAL_PREFERENCES).nullish() })
    .nullish(),
  loyaltyMemberships: z
    .array(
      z.object({
        kind: z.enum(LOYALTY_PROGRAM_KINDS),
        program: z.string().trim().min(1, { error: 'a loyalty program needs a name' }).max(100),
        number: z.string().trim().min(1, { error: 'a loyalty membership needs a number' }).max(50),
      }),
    )
    .max(30, { error: 'loyaltyMemberships takes at most 30 programs' })
    .nullish(),
  passport: z
    .object({
      number: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{5,20}$/, { error: 'a passport number is 5 to 20 letters and digits' }),
      issuingCountry: country.nullish(),
      expiresOn: isoDate,
    })
    .nullish(),
  visas: z.array(z.object({ country, expiresOn: isoDate })).max(50, { error: 'visas takes at most 50 visas' }).nullish(),
});

/** Profiles: what a person keeps on file for booking (cost center, preferences, loyalty numbers, documents). */
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  /**
   * Applies the fields the input names (`undefined` keeps, `null` clears).
   * Someone else's profile needs the travel_admin role, in the same organization.
   */
  async updateProfile(viewer: Viewer, input: unknown): Promise<PersonRow> {
    const data = parseInput(profileInput, input);
    const personId = data.personId ?? viewer.personId;
    if (personId !== viewer.personId && !viewer.roles.includes('travel_admin')) {
      throw new DomainError('FORBIDDEN', "Only travel admins may update someone else's profile", 'personId');
    }
    const [person] = await this.people.findByIds(viewer.orgId, [personId]);
    if (!person) throw new DomainError('NOT_FOUND', `Person ${personId} not found in your organization`, 'personId');
    const changes: ProfileChanges = {};
    if (data.costCenter !== undefined) changes.costCenter = data.costCenter || null;
    if (data.preferences !== undefined) {
      const next = { ...person.preferences };
      if (data.preferences === null) Object.assign(next, { seat: null, meal: null });
      else {
        if (data.preferences.seat !== undefined) next.seat = data.preferences.seat;
        if (data.preferences.meal !== undefined) next.meal = data.preferences.meal;
      }
      changes.preferences = next;
    }
    if (data.loyaltyMemberships !== undefined) changes.loyaltyMemberships = data.loyaltyMemberships ?? [];
    if (data.passport !== undefined) {
      changes.passportNumber = data.passport?.number ?? null;
      changes.passportCountry = data.passport?.issuingCountry ?? null;
      changes.passportExpiresOn = data.passport?.expiresOn ?? null;
    }
    if (data.visas !== undefined) changes.visas = data.visas ?? [];
    if (Object.keys(changes).length === 0) return person;
    return (await this.people.updateProfile(viewer.orgId, personId, changes))!;
  }
}
