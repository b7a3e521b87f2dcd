import type { SubgraphName } from '../config.js';

/**
 * The contract between subgraphs: every domain event type and its payload.
 * Producers and consumers both type-check against this map, so a changed
 * payload breaks the build rather than a consumer at run time.
 */
export interface EventPayloads {
  'inventory.hold.created': { holdId: string; flightId: string; seatId: string; personId: string; amount: number; currency: string; expiresAt: string };
  'inventory.hold.released': { holdId: string; flightId: string; seatId: string; reason: 'released' | 'expired' | 'booking_canceled' };
  'inventory.hold.converted': { holdId: string; flightId: string; seatId: string; bookingId: string };
  'booking.drafted': { bookingId: string; travelerId: string; amount: number; currency: string; holdIds: string[] };
  'booking.confirmation_requested': {
    bookingId: string;
    travelerId: string;
    amount: number;
    currency: string;
    paymentMethod: string;
    idempotencyKey: string;
  };
  'booking.confirmed': {
    bookingId: string;
    travelerId: string;
    amount: number;
    currency: string;
    holdIds: string[];
    segments: { kind: string; supplier: string; origin: string | null; destination: string | null; cabin: string | null; departAt: string | null }[];
  };
  'booking.canceled': { bookingId: string; travelerId: string; holdIds: string[]; reason: string };
  'policy.evaluated': { evaluationId: string; bookingId: string; result: 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP'; policyId: string | null; policyVersion: number | null };
  'payment.authorized': { paymentId: string; bookingId: string; amount: number; currency: string; provider: string };
  'payment.failed': { paymentId: string; bookingId: string; code: string; message: string };
}

export type EventType = keyof EventPayloads;

/** An event as it travels on the bus. */
export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  source: SubgraphName;
  orgId: string | null;
  aggregateId: string;
  occurredAt: string;
  payload: EventPayloads[T];
}

/** What a producer hands to its outbox. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  orgId: string | null;
  aggregateId: string;
  payload: EventPayloads[T];
}

/** The stream a subgraph publishes on. */
export function streamOf(source: SubgraphName): string {
  return `travel.events.${source}`;
}

export function isEvent<T extends EventType>(event: DomainEvent, type: T): event is DomainEvent<T> {
  return event.type === type;
}
