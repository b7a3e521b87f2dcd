import { DomainError, type Role, type Viewer } from '@travel/platform';
import type { BookingRow } from '../db/schema.js';

/** Besides the traveler and the booker, who may act on someone's booking (confirm, change, cancel, edit details). */
export const ACTS_FOR_OTHERS: readonly Role[] = ['arranger', 'travel_admin'];

export function mayAct(viewer: Viewer, booking: Pick<BookingRow, 'travelerId' | 'bookedById'>): boolean {
  const own = viewer.personId === booking.travelerId || viewer.personId === booking.bookedById;
  return own || viewer.roles.some((r) => ACTS_FOR_OTHERS.includes(r));
}

/**
 * Whether the caller may book a trip for `travelerId`: themselves always;
 * someone else when that person delegated booking to them (customer decides,
 * as `Person.canBeBookedByViewer`) or as a travel admin. The arranger role
 * alone does not suffice.
 */
export function mayBookFor(viewer: Viewer, travelerId: string, traveler: { canBeBookedByViewer: boolean } | null): boolean {
  if (travelerId === viewer.personId || viewer.roles.includes('travel_admin')) return true;
  return traveler?.canBeBookedByViewer === true;
}

export function assertMayAct(viewer: Viewer, booking: BookingRow, field = 'bookingId'): void {
  if (!mayAct(viewer, booking)) {
    throw new DomainError('FORBIDDEN', 'Only the traveler, the booker, an arranger or a travel admin may do this', field);
  }
}
