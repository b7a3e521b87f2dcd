import { DomainError } from '@travel/platform';

/**
 * The booking lifecycle. Every status change goes through `assertTransition`
 * and is recorded as a booking_transitions row in the same transaction, so the
 * audit trail alone can rebuild the current status (`replayTransitions`).
 *
 * | from               | to                                                | why                                                        |
 * |--------------------|---------------------------------------------------|------------------------------------------------------------|
 * | (none)             | draft                                             | createBookingDraft                                         |
 * | draft              | pending_approval, payment_pending, canceled       | confirm with a soft warning / compliant; abandoned         |
 * | pending_approval   | payment_pending, canceled                         | approved / rejected                                        |
 * | payment_pending    | confirmed, canceled, requires_attention           | payment authorized / failed / authorized a different sum   |
 * | confirmed          | ticketed, completed, canceled, requires_attention | tickets issued / trip over (no tickets) / canceled / disrupted |
 * | ticketed           | completed, canceled, requires_attention           | trip over / canceled / disrupted                           |
 * | requires_attention | confirmed, ticketed, canceled                     | resolved or rebooked / reissued / given up                 |
 * | canceled           | refunded                                          | payment.refunded paid back the quoted refund in full       |
 * | completed          | (terminal)                                        |                                                            |
 * | refunded           | (terminal)                                        |                                                            |
 *
 * Every `canceled` edge a person takes goes through cancelBooking with an
 * unexpired quote (cancellations.service.ts); payment.failed cancels without
 * one. Swapping a segment (changeBookingSegment) does not change the status:
 * it is audited in segment_changes instead.
 */
export const BOOKING_STATUSES = [
  'draft',
  'pending_approval',
  'payment_pending',
  'confirmed',
  'ticketed',
  'completed',
  'canceled',
  'requires_attention',
  'refunded',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const INITIAL_STATUS = 'draft' satisfies BookingStatus;

export const TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  draft: ['pending_approval', 'payment_pending', 'canceled'],
  pending_approval: ['payment_pending', 'canceled'],
  payment_pending: ['confirmed', 'canceled', 'requires_attention'],
  confirmed: ['ticketed', 'completed', 'canceled', 'requires_attention'],
  ticketed: ['completed', 'canceled', 'requires_attention'],
  requires_attention: ['confirmed', 'ticketed', 'canceled'],
  canceled: ['refunded'],
  completed: [],
  refunded: [],
};

/** True when a booking may move from `from` to `to`; `null` is "not created yet", which only leads to draft. */
export function canTransition(from: BookingStatus | null, to: BookingStatus): boolean {
  if (from === null) return to === INITIAL_STATUS;
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: BookingStatus | null, to: BookingStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('INVALID_TRANSITION', `A booking cannot go from ${from ?? '(new)'} to ${to}`);
  }
}

/**
 * Folds an ordered audit trail into the status it leads to, checking that each
 * step starts where the previous one ended and is allowed by the table.
 * Null for an empty trail.
 */
export function replayTransitions(steps: readonly { fromStatus: BookingStatus | null; toStatus: BookingStatus }[]): BookingStatus | null {
  let status: BookingStatus | null = null;
  for (const step of steps) {
    if (step.fromStatus !== status) {
      throw new Error(`Audit trail is broken: a step starts at ${step.fromStatus ?? '(new)'} but the booking was ${status ?? '(new)'}`);
    }
    assertTransition(status, step.toStatus);
    status = step.toStatus;
  }
  return status;
}
