import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventPayloads, EventType } from '@travel/platform';
import type { SubgraphName } from '@travel/platform';

const SOURCE: Record<string, SubgraphName> = { booking: 'booking', payment: 'payment', policy: 'policy', inventory: 'inventory' };

export function event<T extends EventType>(type: T, orgId: string, aggregateId: string, occurredAt: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: SOURCE[type.split('.')[0]!]!, orgId, aggregateId, occurredAt, payload };
}

type Segment = EventPayloads['booking.confirmed']['segments'][number];
const HOUR_MS = 3_600_000;
/** A flight of `amount` minor units landing `hours` after it departs. */
const flight = (supplier: string, origin: string, destination: string, cabin: string, departAt: string, amount: number, hours = 8): Segment => ({
  kind: 'flight',
  supplier,
  origin,
  destination,
  cabin,
  departAt,
  arriveAt: new Date(Date.parse(departAt) + hours * HOUR_MS).toISOString(),
  amount,
});

/**
 * The known stream: five bookings of three travelers in 2026, one canceled,
 * with their holds, payments and policy evaluations. Every id is fresh, so
 * the same stream can be fed to several organizations. Figures expected from
 * it are worked out by hand in reports.test.ts.
 */
export function knownStream(orgId: string) {
  const traveler = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  const booking = { b1: randomUUID(), b2: randomUUID(), b3: randomUUID(), b4: randomUUID(), b5: randomUUID() };
  const hold = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()] as const;
  const department = { [traveler.a]: 'Sales', [traveler.b]: 'Engineering', [traveler.c]: null } as Record<string, string | null>;
  const confirmed = (id: string, travelerId: string, amount: number, currency: string, at: string, segments: Segment[]) =>
    event('booking.confirmed', orgId, id, at, { bookingId: id, travelerId, department: department[travelerId] ?? null, amount, currency, holdIds: [], segments });
  const payment = (bookingId: string, amount: number, currency: string, at: string) => {
    const paymentId = randomUUID();
    return event('payment.authorized', orgId, paymentId, at, { paymentId, bookingId, amount, currency, provider: 'sandbox' });
  };
  const evaluated = (bookingId: string, result: 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP', at: string) => {
    const evaluationId = randomUUID();
    return event('policy.evaluated', orgId, evaluationId, at, { evaluationId, bookingId, result, policyId: null, policyVersion: null });
  };
  const holdCreated = (holdId: string, at: string) =>
    event('inventory.hold.created', orgId, holdId, at, { holdId, flightId: randomUUID(), seatId: randomUUID(), personId: traveler.a, amount: 1, currency: 'USD', expiresAt: at });
  const failedPaymentId = randomUUID();

  const events = {
    b1: confirmed(booking.b1, traveler.a, 100_000, 'USD', '2026-01-05T10:00:00.000Z', [
      flight('BA', 'JFK', 'LHR', 'economy', '2026-03-10T18:00:00.000Z', 50_000),
      flight('BA', 'LHR', 'JFK', 'economy', '2026-03-14T12:00:00.000Z', 50_000),
    ]),
    b2: confirmed(booking.b2, traveler.a, 50_001, 'USD', '2026-01-11T23:59:59.000Z', [flight('JL', 'SFO', 'NRT', 'business', '2026-03-12T01:00:00.000Z', 50_001, 11)]),
    b3: confirmed(booking.b3, traveler.b, 30_000, 'EUR', '2026-02-01T00:00:00.000Z', [
      flight('LH', 'FRA', 'CDG', 'premium_economy', '2026-03-11T08:00:00.000Z', 12_000, 1),
      { kind: 'hotel', supplier: 'HILTON', origin: null, destination: 'CDG', cabin: null, departAt: '2026-03-11T15:00:00.000Z', arriveAt: '2026-03-13T11:00:00.000Z', amount: 10_000 },
      flight('AF', 'CDG', 'FRA', 'economy', '2026-03-13T19:00:00.000Z', 8_000, 1),
    ]),
    b4: confirmed(booking.b4, traveler.b, 20_000, 'USD', '2026-02-15T12:00:00.000Z', [flight('AA', 'JFK', 'BOS', 'economy', '2026-04-01T12:00:00.000Z', 20_000, 1)]),
    b4Canceled: event('booking.canceled', orgId, booking.b4, '2026-02-16T12:00:00.000Z', {
      bookingId: booking.b4,
      travelerId: traveler.b,
      department: 'Engineering',
      holdIds: [],
      reason: 'traveler_request',
    }),
    b5: confirmed(booking.b5, traveler.c, 12_345, 'USD', '2026-03-02T09:00:00.000Z', [
      flight('ZZ', 'XXX', 'LHR', 'economy', '2026-03-11T05:00:00.000Z', 5_000),
      flight('EI', 'LHR', 'DUB', 'business', '2026-03-20T07:00:00.000Z', 7_345, 1),
    ]),
    p1: payment(booking.b1, 100_000, 'USD', '2026-01-05T09:59:00.000Z'),
    p2: payment(booking.b2, 50_001, 'USD', '2026-01-11T23:58:00.000Z'),
    p3: payment(booking.b3, 30_000, 'EUR', '2026-01-31T23:59:00.000Z'),
    p4: payment(booking.b4, 20_000, 'USD', '2026-02-15T11:59:00.000Z'),
    p5: payment(booking.b5, 12_345, 'USD', '2026-03-02T08:59:00.000Z'),
    pFailed: event('payment.failed', orgId, failedPaymentId, '2026-02-10T10:00:00.000Z', {
      paymentId: failedPaymentId,
      bookingId: randomUUID(),
      code: 'card_declined',
      message: 'Your card was declined.',
    }),
    e1: evaluated(booking.b1, 'COMPLIANT', '2026-01-05T09:00:00.000Z'),
    e2Warn: evaluated(booking.b2, 'SOFT_WARNING', '2026-01-11T20:00:00.000Z'),
    e2Ok: evaluated(booking.b2, 'COMPLIANT', '2026-01-11T21:00:00.000Z'),
    e3: evaluated(booking.b3, 'HARD_STOP', '2026-01-31T12:00:00.000Z'),
    e4: evaluated(booking.b4, 'COMPLIANT', '2026-02-15T11:00:00.000Z'),
    h1: holdCreated(hold[0], '2026-01-05T08:00:00.000Z'),
    h1Converted: event('inventory.hold.converted', orgId, hold[0], '2026-01-05T10:00:01.000Z', { holdId: hold[0], flightId: randomUUID(), seatId: randomUUID(), bookingId: booking.b1 }),
    h2: holdCreated(hold[1], '2026-01-11T19:00:00.000Z'),
    h2Converted: event('inventory.hold.converted', orgId, hold[1], '2026-01-12T00:00:00.000Z', { holdId: hold[1], flightId: randomUUID(), seatId: randomUUID(), bookingId: booking.b2 }),
    h3: holdCreated(hold[2], '2026-01-20T10:00:00.000Z'),
    h3Released: event('inventory.hold.released', orgId, hold[2], '2026-01-20T10:15:00.000Z', { holdId: hold[2], flightId: randomUUID(), seatId: randomUUID(), reason: 'expired' }),
    h4: holdCreated(hold[3], '2026-01-31T11:00:00.000Z'),
    h4Converted: event('inventory.hold.converted', orgId, hold[3], '2026-02-01T00:00:01.000Z', { holdId: hold[3], flightId: randomUUID(), seatId: randomUUID(), bookingId: booking.b3 }),
    h5: holdCreated(hold[4], '2026-03-01T10:00:00.000Z'),
  };
  return { traveler, booking, events };
}

export type KnownStream = ReturnType<typeof knownStream>;

/** The stream in a deliberately scrambled order: cancels before confirms, conversions before creations, the later evaluation first. */
export function scrambled(s: KnownStream): DomainEvent[] {
  const e = s.events;
  return [e.b4Canceled, e.h1Converted, e.e2Ok, e.p3, e.b5, e.h4Converted, e.e3, e.b4, e.h1, e.pFailed, e.b3, e.e2Warn, e.h2Converted, e.p1, e.b2, e.h3Released, e.h2, e.p5, e.e4, e.h4, e.p4, e.b1, e.h3, e.p2, e.e1, e.h5];
}
