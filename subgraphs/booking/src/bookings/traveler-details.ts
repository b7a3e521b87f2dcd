import { z } from 'zod';
import { ISO_COUNTRIES } from './iso-countries.js';

/** Meal needs airlines and hotels can act on (stored lower case, UPPER in GraphQL). */
export const DIETARY_NEEDS = ['vegetarian', 'vegan', 'halal', 'kosher', 'gluten_free', 'lactose_free', 'nut_allergy', 'diabetic', 'low_sodium'] as const;
/**
 * Assistance needs, after the IATA special service request codes: WCHR (can
 * climb stairs, not walk far), WCHS (cannot climb stairs), WCHC (cannot walk),
 * BLND, DEAF, SVAN (service animal), own wheelchair, assisted-living room.
 */
export const ACCESSIBILITY_NEEDS = [
  'wheelchair_ramp',
  'wheelchair_steps',
  'wheelchair_cabin',
  'own_wheelchair',
  'blind',
  'deaf',
  'service_animal',
  'accessible_room',
] as const;

/**
 * Names as printed on the passport: letters of any script, spaces, hyphens,
 * apostrophes and periods, starting with a letter. Digits and other symbols
 * are refused because carriers reject them on the ticket.
 */
const passportName = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(60, { error: `${field} takes at most 60 characters` })
    .regex(/^\p{L}[\p{L}\p{M}' .-]*$/u, { error: `${field} may only contain letters, spaces, hyphens, apostrophes and periods, as on the passport` });

/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. Spaces, dots, dashes and brackets are dropped first. */
const e164 = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .transform((v) => v.replace(/[\s().-]/g, ''))
    .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, { error: `${field} must be an international number in E.164 form, such as +14155550123` }));

const isoDate = (field: string) => z.iso.date({ error: `${field} must be a date as YYYY-MM-DD` });

export const travelerDetailsInput = z.object({
  givenNames: passportName('givenNames'),
  surname: passportName('surname'),
  dateOfBirth: isoDate('dateOfBirth'),
  passport: z.object({
    number: z
      .string({ error: 'passport.number is required' })
      .transform((v) => v.replace(/\s/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{5,20}$/, { error: 'passport.number must be 5 to 20 letters and digits' })),
    issuingCountry: z
      .string({ error: 'passport.issuingCountry is required' })
      .transform((v) => v.trim().toUpperCase())
      .refine((v) => ISO_COUNTRIES.has(v), { error: 'passport.issuingCountry must be an ISO 3166-1 alpha-2 country code, such as DE or US' }),
    expiresOn: isoDate('passport.expiresOn'),
  }),
  contact: z.object({
    email: z
      .string({ error: 'contact.email is required' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'contact.email is not an email address' }).max(254, { error: 'contact.email takes at most 254 characters' })),
    phone: e164('contact.phone'),
  }),
  emergencyContact: z.object({
    name: z.string().trim().min(1, { error: 'emergencyContact.name is required' }).max(120, { error: 'emergencyContact.name takes at most 120 characters' }),
    relationship: z.string().trim().max(60, { error: 'emergencyContact.relationship takes at most 60 characters' }).nullish(),
    phone: e164('emergencyContact.phone'),
  }),
  specialRequests: z.string().trim().max(500, { error: 'specialRequests takes at most 500 characters' }).nullish(),
  dietaryNeeds: z
    .array(z.enum(DIETARY_NEEDS, { error: 'dietaryNeeds has an unknown value' }))
    .max(DIETARY_NEEDS.length)
    .nullish(),
  accessibilityNeeds: z
    .array(z.enum(ACCESSIBILITY_NEEDS, { error: 'accessibilityNeeds has an unknown value' }))
    .max(ACCESSIBILITY_NEEDS.length)
    .nullish(),
});

/** What is stored: the validated, normalized input, with absent optionals as null and needs de-duplicated. */
export interface TravelerDetails {
  givenNames: string;
  surname: string;
  dateOfBirth: string;
  passport: { number: string; issuingCountry: string; expiresOn: string };
  contact: { email: string; phone: string };
  emergencyContact: { name: string; relationship: string | null; phone: string };
  specialRequests: string | null;
  dietaryNeeds: (typeof DIETARY_NEEDS)[number][];
  accessibilityNeeds: (typeof ACCESSIBILITY_NEEDS)[number][];
}

export type TravelerDetailsInput = z.output<typeof travelerDetailsInput>;

export function normalizeTravelerDetails(input: TravelerDetailsInput): TravelerDetails {
  return {
    givenNames: input.givenNames.replace(/\s+/g, ' '),
    surname: input.surname.replace(/\s+/g, ' '),
    dateOfBirth: input.dateOfBirth,
    passport: input.passport,
    contact: input.contact,
    emergencyContact: { name: input.emergencyContact.name, relationship: input.emergencyContact.relationship || null, phone: input.emergencyContact.phone },
    specialRequests: input.specialRequests || null,
    dietaryNeeds: [...new Set(input.dietaryNeeds ?? [])],
    accessibilityNeeds: [...new Set(input.accessibilityNeeds ?? [])],
  };
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Rules that need the clock and the trip: born in the past and at most 130
 * years ago; passport valid on the day the trip ends (the last segment's end,
 * or its start when it has no end). Dates compare as UTC calendar days.
 */
export function checkTravelerDates(details: TravelerDetails, today: Date, tripEnd: Date | null): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const todayDay = day(today);
  const oldest = `${String(today.getUTCFullYear() - 130).padStart(4, '0')}${todayDay.slice(4)}`;
  if (details.dateOfBirth >= todayDay) issues.push({ field: 'dateOfBirth', message: 'dateOfBirth must be in the past' });
  else if (details.dateOfBirth < oldest) issues.push({ field: 'dateOfBirth', message: 'dateOfBirth is more than 130 years ago' });
  const mustCover = tripEnd && day(tripEnd) > todayDay ? day(tripEnd) : todayDay;
  if (details.passport.expiresOn <= mustCover) {
    issues.push({
      field: 'passport.expiresOn',
      message: tripEnd ? `The passport expires on ${details.passport.expiresOn}, before the trip ends on ${day(tripEnd)}` : 'The passport has expired',
    });
  }
  return issues;
}
