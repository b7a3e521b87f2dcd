import type { BookingStatus } from '../gql/graphql';

const LABELS: Record<BookingStatus, string> = {
  DRAFT: 'Draft',
  PENDING_APPROVAL: 'Waiting for approval',
  PAYMENT_PENDING: 'Payment pending',
  CONFIRMED: 'Confirmed',
  TICKETED: 'Ticketed',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
  REQUIRES_ATTENTION: 'Needs attention',
  REFUNDED: 'Refunded',
};

/** A booking's status as a colored badge; the color is a class per status. */
export function StatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{LABELS[status]}</span>;
}

export const BOOKING_STATUS_LABELS = LABELS;
