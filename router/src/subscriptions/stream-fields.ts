/**
 * Subscription root fields by how the router may share their streams.
 * Subgraphs owning a new subscription field add it here when it is one of these kinds.
 */

/** Fields whose messages are events, not states: a late joiner of a shared stream gets no replay of the last one. */
export const EVENT_STREAM_FIELDS: readonly string[] = ['flightStatusChanged', 'bookingUpdated', 'disruptionRaised', 'approvalUpdated'];

/**
 * Fields whose payload depends on who is watching, not only on their
 * organization and roles (a traveler hears about their own bookings, an approver about their own queue): their
 * streams are shared per person, never across people.
 */
export const PERSONAL_STREAM_FIELDS: readonly string[] = ['bookingUpdated', 'approvalUpdated'];
