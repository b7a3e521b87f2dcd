import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventPayloads } from '@travel/platform';
import { event } from './fixtures.js';

type Segment = EventPayloads['booking.confirmed']['segments'][number];
const flight = (origin: string, destination: string, cabin: string, departAt: string, amount: number): Segment => ({
  kind: 'flight',
  supplier: 'XX',
  origin,
  destination,
  cabin,
  departAt,
  arriveAt: new Date(Date.parse(departAt) + 8 * 3_600_000).toISOString(),
  amount,
});

/**
 * A second known stream, for what came after the first: refunds, paid
 * changes, search batches. Four USD bookings in April 2026 (X and Z by
 * traveler a of Sales, Y by b of Engineering, W by b): Y is changed after
 * payment (+5,000), Z canceled and refunded 15,000 of 20,000, W canceled and
 * refunded in full. The figures are worked out by hand in
 * adjustments.test.ts.
 */
export function adjustmentsStream(orgId: string) {
  const traveler = { a: randomUUID(), b: randomUUID() };
  const booking = { x: randomUUID(), y: randomUUID(), z: randomUUID(), w: randomUUID() };
  const refund = { z: randomUUID(), w: randomUUID() };
  const confirmed = (id: string, travelerId: string, department: string, amount: number, at: string, segments: Segment[]) =>
    event('booking.confirmed', orgId, id, at, { bookingId: id, travelerId, department, amount, currency: 'USD', holdIds: [], segments });
  const canceled = (id: string, travelerId: string, department: string, at: string) =>
    event('booking.canceled', orgId, id, at, { bookingId: id, travelerId, department, holdIds: [], reason: 'traveler_request' });
  const paid = (bookingId: string, amount: number, at: string) => {
    const paymentId = randomUUID();
    return event('payment.authorized', orgId, paymentId, at, { paymentId, bookingId, amount, currency: 'USD', provider: 'sandbox' });
  };
  const refunded = (bookingId: string, refundId: string, amount: number, at: string) => {
    const paymentId = randomUUID();
    return event('payment.refunded', orgId, paymentId, at, { paymentId, bookingId, refundId, quoteId: randomUUID(), amount, currency: 'USD', totalRefunded: amount });
  };
  const changed = (bookingId: string, convertNewHold: boolean, oldAmount: number, newAmount: number, at: string) =>
    event('booking.segment_changed', orgId, bookingId, at, {
      bookingId,
      segmentId: randomUUID(),
      kind: 'flight',
      releasedHoldId: randomUUID(),
      newHoldId: randomUUID(),
      convertNewHold,
      oldAmount,
      newAmount,
      priceDifference: newAmount - oldAmount,
      currency: 'USD',
    });
  const hold = (at: string) => {
    const holdId = randomUUID();
    return event('inventory.hold.created', orgId, holdId, at, { holdId, flightId: randomUUID(), seatId: randomUUID(), personId: traveler.a, amount: 1, currency: 'USD', expiresAt: at });
  };
  const converted = (h: DomainEvent<'inventory.hold.created'>, bookingId: string, at: string) =>
    event('inventory.hold.converted', orgId, h.payload.holdId, at, { holdId: h.payload.holdId, flightId: randomUUID(), seatId: randomUUID(), bookingId });
  const searched = (at: string, routes: { origin: string; destination: string; count: number }[]) =>
    event('inventory.search.performed', orgId, orgId, at, { kind: 'flight', windowStart: at, windowEnd: at, routes });

  const holds = [hold('2026-04-01T08:00:00.000Z'), hold('2026-04-02T08:00:00.000Z'), hold('2026-04-03T08:00:00.000Z'), hold('2026-04-04T08:00:00.000Z')] as const;
  const events = {
    x: confirmed(booking.x, traveler.a, 'Sales', 100_000, '2026-04-01T10:00:00.000Z', [
      flight('JFK', 'LHR', 'economy', '2026-06-01T18:00:00.000Z', 60_000),
      flight('LHR', 'JFK', 'economy', '2026-06-05T12:00:00.000Z', 40_000),
    ]),
    y: confirmed(booking.y, traveler.b, 'Engineering', 50_000, '2026-04-02T10:00:00.000Z', [flight('SFO', 'NRT', 'business', '2026-06-02T01:00:00.000Z', 50_000)]),
    z: confirmed(booking.z, traveler.a, 'Sales', 20_000, '2026-04-03T10:00:00.000Z', [flight('FRA', 'CDG', 'economy', '2026-06-03T08:00:00.000Z', 20_000)]),
    w: confirmed(booking.w, traveler.b, 'Engineering', 10_000, '2026-04-04T10:00:00.000Z', [flight('JFK', 'BOS', 'economy', '2026-06-04T08:00:00.000Z', 10_000)]),
    px: paid(booking.x, 100_000, '2026-04-01T09:59:00.000Z'),
    py: paid(booking.y, 50_000, '2026-04-02T09:59:00.000Z'),
    pz: paid(booking.z, 20_000, '2026-04-03T09:59:00.000Z'),
    pw: paid(booking.w, 10_000, '2026-04-04T09:59:00.000Z'),
    // A change before the confirm is already in the confirm's amount; only the paid change moves the figures.
    xDraftChange: changed(booking.x, false, 99_001, 100_000, '2026-04-01T09:00:00.000Z'),
    yChange: changed(booking.y, true, 50_000, 55_000, '2026-04-05T10:00:00.000Z'),
    zCanceled: canceled(booking.z, traveler.a, 'Sales', '2026-04-06T10:00:00.000Z'),
    wCanceled: canceled(booking.w, traveler.b, 'Engineering', '2026-04-07T10:00:00.000Z'),
    wRefund: refunded(booking.w, refund.w, 10_000, '2026-04-07T11:00:00.000Z'),
    zRefund: refunded(booking.z, refund.z, 15_000, '2026-05-02T10:00:00.000Z'),
    // The same refund published again under a new event id (a retried publish): keyed by refund id, it counts once.
    zRefundAgain: refunded(booking.z, refund.z, 15_000, '2026-05-02T10:00:00.000Z'),
    h1: holds[0],
    h2: holds[1],
    h3: holds[2],
    h4: holds[3],
    h1Converted: converted(holds[0], booking.x, '2026-04-01T10:00:01.000Z'),
    h2Converted: converted(holds[1], booking.y, '2026-04-02T10:00:01.000Z'),
    searchesApril: searched('2026-04-01T07:00:00.000Z', [
      { origin: 'JFK', destination: 'LHR', count: 7 },
      { origin: 'SFO', destination: 'NRT', count: 3 },
    ]),
    searchesMay: searched('2026-05-01T07:00:00.000Z', [{ origin: 'JFK', destination: 'LHR', count: 5 }]),
  };
  return { traveler, booking, events };
}

export type AdjustmentsStream = ReturnType<typeof adjustmentsStream>;

/** Refunds and changes before the bookings they adjust, cancels before confirms. */
export function outOfOrder(s: AdjustmentsStream): DomainEvent[] {
  const e = s.events;
  return [
    e.zRefund,
    e.yChange,
    e.wRefund,
    e.zCanceled,
    e.searchesMay,
    e.h2Converted,
    e.wCanceled,
    e.z,
    e.xDraftChange,
    e.pw,
    e.y,
    e.h1Converted,
    e.w,
    e.searchesApril,
    e.px,
    e.h4,
    e.x,
    e.h3,
    e.pz,
    e.h2,
    e.py,
    e.h1,
    e.zRefundAgain,
  ];
}
