import { randomUUID } from 'node:crypto';
import { streamOf, type DomainEvent, type EventPayloads, type ProcessRuntime } from '@travel/platform';
import { eventually } from '@travel/platform/testkit';
import type { PaymentRow } from '../src/db/schema.js';
import type { PaymentServer } from '../src/server.js';

/** A booking.confirmation_requested as booking would publish it, for a fresh booking unless told otherwise. */
export function confirmationRequested(
  orgId: string,
  payload: Partial<EventPayloads['booking.confirmation_requested']> = {},
): DomainEvent<'booking.confirmation_requested'> {
  const bookingId = payload.bookingId ?? randomUUID();
  return {
    id: randomUUID(),
    type: 'booking.confirmation_requested',
    source: 'booking',
    orgId,
    aggregateId: bookingId,
    occurredAt: new Date().toISOString(),
    payload: {
      bookingId,
      travelerId: randomUUID(),
      amount: 48_250,
      currency: 'USD',
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `confirm-${bookingId}`,
      ...payload,
    },
  };
}

export function publishFromBooking(runtime: ProcessRuntime, ...events: DomainEvent[]): Promise<void> {
  return runtime.bus.publish(streamOf('booking'), events);
}

/**
 * Publishes and waits for the payment the event leads to. With the
 * in-process bus it exists when publish returns; with Redis Streams the
 * consumer gets to it shortly after.
 */
export async function publishAndAwaitPayment(runtime: ProcessRuntime, server: PaymentServer, event: DomainEvent<'booking.confirmation_requested'>): Promise<PaymentRow> {
  await publishFromBooking(runtime, event);
  return eventually(() => server.services.repositories.payments.findByIdempotencyKey(event.payload.idempotencyKey), {
    what: `payment for ${event.payload.idempotencyKey}`,
  });
}

function fromBooking<T extends 'booking.ticketed' | 'booking.refund_requested'>(type: T, orgId: string, bookingId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'booking', orgId, aggregateId: bookingId, occurredAt: new Date().toISOString(), payload };
}

export function ticketed(orgId: string, bookingId: string, amount: number, currency = 'USD'): DomainEvent<'booking.ticketed'> {
  return fromBooking('booking.ticketed', orgId, bookingId, { bookingId, travelerId: randomUUID(), amount, currency });
}

export function refundRequested(orgId: string, bookingId: string, amount: number, quoteId: string = randomUUID(), currency = 'USD'): DomainEvent<'booking.refund_requested'> {
  return fromBooking('booking.refund_requested', orgId, bookingId, { bookingId, amount, currency, quoteId });
}

export function bookingConfirmed(orgId: string, bookingId: string, amount: number, currency = 'USD'): DomainEvent<'booking.confirmed'> {
  return {
    id: randomUUID(),
    type: 'booking.confirmed',
    source: 'booking',
    orgId,
    aggregateId: bookingId,
    occurredAt: new Date().toISOString(),
    payload: { bookingId, travelerId: randomUUID(), department: null, amount, currency, holdIds: [], segments: [] },
  };
}
