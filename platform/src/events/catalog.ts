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
  'inventory.hold.extended': { holdId: string; kind: 'seat' | 'room' | 'package'; expiresAt: string };
  'inventory.room_hold.created': {
    holdId: string;
    hotelId: string;
    roomTypeId: string;
    checkIn: string;
    checkOut: string;
    rooms: number;
    personId: string;
    amount: number;
    currency: string;
    expiresAt: string;
  };
  'inventory.room_hold.released': { holdId: string; roomTypeId: string; reason: 'released' | 'expired' | 'booking_canceled' };
  'inventory.room_hold.converted': { holdId: string; roomTypeId: string; bookingId: string };
  'inventory.package_hold.created': {
    holdId: string;
    packageId: string;
    date: string;
    travelers: number;
    personId: string;
    amount: number;
    currency: string;
    expiresAt: string;
  };
  'inventory.package_hold.released': { holdId: string; packageId: string; date: string; reason: 'released' | 'expired' | 'booking_canceled' };
  'inventory.package_hold.converted': { holdId: string; packageId: string; date: string; bookingId: string };
  /**
   * Flight searches of one organization over a short window, batched by inventory so searching never waits on a write:
   * `count` searches per origin/destination pair between `windowStart` and `windowEnd`.
   */
  'inventory.search.performed': { kind: 'flight'; windowStart: string; windowEnd: string; routes: { origin: string; destination: string; count: number }[] };
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
    /** The traveler's department as customer had it when the draft was made; null when none was set. */
    department: string | null;
    /** `amount` is the segment's price in minor units of the booking's currency; `arriveAt` its end (arrival, check-out, drop-off). */
    segments: {
      kind: string;
      supplier: string;
      origin: string | null;
      destination: string | null;
      cabin: string | null;
      departAt: string | null;
      arriveAt: string | null;
      amount: number;
    }[];
  };
  /** `department`: the traveler's department snapshotted on the draft, as in booking.confirmed. */
  'booking.canceled': { bookingId: string; travelerId: string; department: string | null; holdIds: string[]; reason: string };
  /**
   * A segment of a booking was swapped for a new hold (another seat, another date). Inventory releases
   * `releasedHoldId` and, when `convertNewHold` (the booking is already paid), converts `newHoldId`; for a draft
   * the new hold stays active until booking.confirmed lists it. `priceDifference` = new - old, in minor units.
   */
  'booking.segment_changed': {
    bookingId: string;
    segmentId: string;
    kind: string;
    releasedHoldId: string;
    newHoldId: string;
    convertNewHold: boolean;
    oldAmount: number;
    newAmount: number;
    priceDifference: number;
    currency: string;
    /**
     * Where the segment stands in booking.confirmed's `segments` (position order), and what it is now, in the same
     * shape; optional so changes published before they were added still parse.
     */
    position?: number;
    segment?: EventPayloads['booking.confirmed']['segments'][number];
  };
  /** The traveler's passport, contact or needs changed on a booking; no personal data travels in the event. */
  'booking.traveler_details_updated': { bookingId: string; travelerId: string };
  /** A canceled booking's quoted refund was paid back (after payment.refunded): the booking is now refunded. */
  'booking.refunded': { bookingId: string; travelerId: string; amount: number; currency: string; quoteId: string };
  'policy.evaluated': { evaluationId: string; bookingId: string; result: 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP'; policyId: string | null; policyVersion: number | null };
  'payment.authorized': { paymentId: string; bookingId: string; amount: number; currency: string; provider: string };
  'payment.failed': { paymentId: string; bookingId: string; code: string; message: string };
  /** Booking asks for money back after a cancellation; `amount` comes from the booking's refund quote, refunded at most once per quoteId. */
  'booking.refund_requested': { bookingId: string; amount: number; currency: string; quoteId: string };
  /** Tickets were issued: the authorized amount can be collected. */
  'booking.ticketed': { bookingId: string; travelerId: string; amount: number; currency: string };
  'payment.captured': { paymentId: string; bookingId: string; amount: number; currency: string };
  /**
   * The quote's money is back with the traveler. After capture it was refunded (`totalRefunded` never exceeds the
   * capture); before capture it was released from the authorization (the rest, if any, captured as the fee).
   */
  'payment.refunded': { paymentId: string; bookingId: string; refundId: string; quoteId: string | null; amount: number; currency: string; totalRefunded: number };
  'payment.refund_failed': { paymentId: string | null; bookingId: string; quoteId: string; amount: number; currency: string; code: string; message: string };
  /** The authorization was released before capture (booking canceled before ticketing): nothing was collected. */
  'payment.canceled': { paymentId: string; bookingId: string; amount: number; currency: string };
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
