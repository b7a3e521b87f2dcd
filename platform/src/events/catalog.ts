import type { SubgraphName } from '../config.js';

/**
 * The contract between subgraphs: every domain event type and its payload.
 * Producers and consumers both type-check against this map, so a changed
 * payload breaks the build rather than a consumer at run time.
 */
export interface EventPayloads {
  /** An organization's settings after a change (customer's updateOrganizationSettings, or provisioning with settings). */
  'customer.organization.settings_changed': { autoRebook: boolean };
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
   * An operator recorded a flight's status (inventory's recordFlightStatus). `orgId` is null: flights are public.
   * `alternatives`: bookable flights of the same route departing within two days after the original departure,
   * with seats left, each cabin with its seats left and cheapest fare (minor units). Empty for gate changes and
   * back-on-time reports. Times are ISO instants; cabins are inventory's database values (economy, business, ...).
   */
  'inventory.flight.status_changed': {
    flightId: string;
    flightNumber: string;
    origin: string;
    destination: string;
    change: 'delayed' | 'canceled' | 'diverted' | 'gate_changed' | 'on_time';
    status: string;
    scheduledDepartureAt: string;
    scheduledArrivalAt: string;
    estimatedDepartureAt: string | null;
    estimatedArrivalAt: string | null;
    delayMinutes: number | null;
    gate: string | null;
    divertedTo: string | null;
    reason: string | null;
    alternatives: {
      flightId: string;
      flightNumber: string;
      departureAt: string;
      arrivalAt: string;
      stops: number;
      cabins: { cabin: string; seatsLeft: number; fareAmount: number; currency: string }[];
    }[];
  };
  /**
   * Inventory held a seat for an automatic rebooking (booking.rebooking_hold_requested), in the organization and for
   * the traveler; `hold` describes it as booking's hold reads would (cabin as the GraphQL name), or is null with
   * `failure` when no seat could be held.
   */
  'inventory.rebooking_hold.placed': {
    bookingId: string;
    disruptionId: string;
    suggestionId: string;
    hold: {
      id: string;
      expiresAt: string;
      price: { amount: number; currency: string };
      seat: { id: string; cabin: string; seatNumber: string };
      flight: { id: string; flightNumber: string; departureAt: string; arrivalAt: string; airline: { code: string }; origin: { code: string }; destination: { code: string } };
    } | null;
    failure: string | null;
  };
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
  /**
   * A flight status change reached a booking: a disruption was recorded with its severity (see booking's
   * src/disruptions/severity.ts). `requiresAttention`: the booking moved to requires_attention.
   */
  'booking.disrupted': {
    bookingId: string;
    disruptionId: string;
    travelerId: string;
    bookedById: string;
    flightId: string;
    kind: 'delayed' | 'canceled' | 'diverted' | 'gate_changed';
    severity: 'low' | 'medium' | 'high' | 'critical';
    requiresAttention: boolean;
    suggestions: number;
  };
  /** The organization rebooks automatically: booking asks inventory to hold a seat on the best suggestion for the traveler. */
  'booking.rebooking_hold_requested': { bookingId: string; disruptionId: string; suggestionId: string; flightId: string; cabin: string; travelerId: string };
  /** A disrupted booking moved onto an alternative flight (acceptRebooking); booking.segment_changed carries the hold swap. */
  'booking.rebooked': {
    bookingId: string;
    disruptionId: string;
    travelerId: string;
    fromFlightId: string;
    toFlightId: string;
    newHoldId: string;
    priceDifference: number;
    currency: string;
    automatic: boolean;
  };
  /** The traveler's passport, contact or needs changed on a booking; no personal data travels in the event. */
  'booking.traveler_details_updated': { bookingId: string; travelerId: string };
  /** A canceled booking's quoted refund was paid back (after payment.refunded): the booking is now refunded. */
  'booking.refunded': { bookingId: string; travelerId: string; amount: number; currency: string; quoteId: string };
  /** A confirm met a soft policy warning: the booking waits in pending_approval until policy grants or rejects it. */
  'booking.approval_requested': { bookingId: string; travelerId: string; requestedBy: string; amount: number; currency: string; reason: string };
  /** The approval chain of a booking finished with approval; `approvedBy` is null when the SLA auto-approved it. */
  'policy.approval.granted': { requestId: string; bookingId: string; approvedBy: string | null; comment: string | null };
  /** The approval chain of a booking ended in a rejection; `rejectedBy` is null when the SLA auto-rejected it. */
  'policy.approval.rejected': { requestId: string; bookingId: string; rejectedBy: string | null; reason: string };
  'policy.evaluated': { evaluationId: string; bookingId: string; result: 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP'; policyId: string | null; policyVersion: number | null };
  /** A policy version came into force for its organization; `previousVersionId` is the one it retired, if any. */
  'policy.version_activated': { policyId: string; versionId: string; version: number; previousVersionId: string | null; activatedBy: string | null };
  'payment.authorized': { paymentId: string; bookingId: string; amount: number; currency: string; provider: string };
  'payment.failed': { paymentId: string; bookingId: string; code: string; message: string };
  /** Booking asks for money back after a cancellation; `amount` comes from the booking's refund quote, refunded at most once per quoteId. */
  'booking.refund_requested': { bookingId: string; amount: number; currency: string; quoteId: string };
  /** Tickets were issued: the authorized amount can be collected. */
  'booking.ticketed': { bookingId: string; travelerId: string; amount: number; currency: string };
  /** The trip is over (its last segment ended) and the ticketed booking was closed as completed. */
  'booking.completed': { bookingId: string; travelerId: string; amount: number; currency: string };
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
