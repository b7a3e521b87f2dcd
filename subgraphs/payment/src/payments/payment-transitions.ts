import type { PaymentStatus } from '../db/schema.js';

/**
 * Where a payment may go from each status. Only forward: a webhook or event
 * that arrives late (a capturable update after the capture, a failure after
 * a cancel) finds its target unreachable and changes nothing. failed,
 * canceled and refunded are final.
 */
const FORWARD: Record<PaymentStatus, readonly PaymentStatus[]> = {
  requires_action: ['authorized', 'captured', 'refunded', 'failed', 'canceled'],
  authorized: ['captured', 'refunded', 'canceled'],
  captured: ['refunded'],
  refunded: [],
  failed: [],
  canceled: [],
};

export function canAdvance(from: PaymentStatus, to: PaymentStatus): boolean {
  return FORWARD[from].includes(to);
}
