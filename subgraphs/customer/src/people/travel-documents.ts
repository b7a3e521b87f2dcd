import type { Viewer } from '@travel/platform';
import type { PersonRow } from '../db/schema.js';

export interface PassportView {
  number: string;
  issuingCountry: string | null;
  expiresOn: string;
}

export interface DocumentWarning {
  document: 'PASSPORT' | 'VISA';
  country: string | null;
  expiresOn: string;
  expired: boolean;
  message: string;
}

const WARNING_MONTHS = 6;

/** The holder and travel admins see the whole number; everyone else the last 4 characters. */
export function seesFullPassport(viewer: Viewer | null, person: Pick<PersonRow, 'id' | 'orgId'>): boolean {
  if (!viewer || viewer.orgId !== person.orgId) return false;
  return viewer.personId === person.id || viewer.roles.includes('travel_admin');
}

export function maskDocumentNumber(number: string): string {
  return number.length <= 4 ? '*'.repeat(number.length) : `${'*'.repeat(number.length - 4)}${number.slice(-4)}`;
}

export function passportOf(person: PersonRow, viewer: Viewer | null): PassportView | null {
  if (!person.passportNumber || !person.passportExpiresOn) return null;
  return {
    number: seesFullPassport(viewer, person) ? person.passportNumber : maskDocumentNumber(person.passportNumber),
    issuingCountry: person.passportCountry,
    expiresOn: person.passportExpiresOn,
  };
}

/** The default horizon: six calendar months after `today` (UTC). */
export function defaultWarningHorizon(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + WARNING_MONTHS, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** Documents that expire before `before` (an ISO date), soonest first; `today` decides which already expired. */
export function documentWarnings(person: PersonRow, today: string, before: string): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  const check = (document: DocumentWarning['document'], country: string | null, expiresOn: string) => {
    if (expiresOn >= before) return;
    const expired = expiresOn < today;
    const what = document === 'PASSPORT' ? 'Passport' : `Visa for ${country}`;
    warnings.push({ document, country, expiresOn, expired, message: expired ? `${what} expired on ${expiresOn}` : `${what} expires on ${expiresOn}` });
  };
  if (person.passportExpiresOn) check('PASSPORT', person.passportCountry, person.passportExpiresOn);
  for (const visa of person.visas) check('VISA', visa.country, visa.expiresOn);
  return warnings.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
}
