import { randomUUID } from 'node:crypto';
import { isEvent, ManualClock, streamOf, type DomainEvent, type EventPayloads, type Viewer } from '@travel/platform';
import { eventually } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_TTL_MS } from '../src/server.js';
import { createFlight, createRoute, HOLD_SEAT, newViewer, startInventory, tinyLayout, type Harness, type HoldSeatResult, type Route } from './fixtures.js';

function bookingEvent<T extends 'booking.confirmed' | 'booking.canceled'>(type: T, orgId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'booking', orgId, aggregateId: payload.bookingId, occurredAt: new Date().toISOString(), payload };
}

function confirmed(viewer: Viewer, bookingId: string, holdIds: string[]): DomainEvent<'booking.confirmed'> {
  return bookingEvent('booking.confirmed', viewer.orgId, { bookingId, travelerId: viewer.personId, department: null, amount: 10_000, currency: 'USD', holdIds, segments: [] });
}

describe('inventory reacting to booking outcomes', () => {
  const clock = new ManualClock(new Date('2030-03-01T12:00:00Z'));
  const events: DomainEvent[] = [];
  let h: Harness;
  let route: Route;

  beforeAll(async () => {
    // The sweeper stays out of the way (long interval): these tests decide when holds lapse.
    h = await startInventory({ clock });
    await h.runtime.bus.subscribe({ group: 'outcomes-test-observer', streams: [streamOf('inventory')], handler: async (e) => void events.push(e) });
    route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
  });
  afterAll(async () => {
    await h.close();
  });

  const hold = async (viewer: Viewer, flightId: string, seatId?: string) => {
    const res = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId, ...(seatId ? { seatId } : { cabin: 'ECONOMY' }) } }, viewer);
    return res.data!.holdSeat.hold!;
  };
  /**
   * Publishes a marker event after the ones under test and waits for its
   * effect: the consumer handles a stream in order, so everything published
   * before it has been handled too.
   */
  const handledSoFar = async (flightId: string) => {
    const viewer = newViewer();
    const marker = await hold(viewer, flightId);
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.canceled', viewer.orgId, { bookingId: randomUUID(), travelerId: viewer.personId, department: null, holdIds: [marker.id], reason: 'marker' }),
    ]);
    await eventually(async () => ((await statusOf(viewer, marker.id))?.status === 'released' ? true : undefined));
  };
  const statusOf = async (viewer: Viewer, holdId: string) => (await h.server.services.repositories.holds.findByIds(viewer.orgId, [holdId]))[0];

  it('converts the holds of a confirmed booking, once, and announces each', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-10T08:00:00Z' });
    const viewer = newViewer();
    const holds = [await hold(viewer, flight.id), await hold(viewer, flight.id)];
    const bookingId = randomUUID();
    const event = confirmed(viewer, bookingId, holds.map((x) => x.id));

    await h.runtime.bus.publish(streamOf('booking'), [event]);
    for (const x of holds) {
      const row = await eventually(async () => {
        const r = await statusOf(viewer, x.id);
        return r?.status === 'converted' ? r : undefined;
      });
      expect(row.bookingId).toBe(bookingId);
    }
    const converted = await eventually(async () => {
      const found = events.filter((e) => isEvent(e, 'inventory.hold.converted') && e.payload.bookingId === bookingId);
      return found.length === 2 ? found : undefined;
    });
    expect(converted.map((e) => e.aggregateId).sort()).toEqual(holds.map((x) => x.id).sort());

    // Sold stays sold: the seat is not available even long after the hold would have expired.
    clock.advance(HOLD_TTL_MS * 2);
    const view = await h.gql<{ hold: { status: string; seat: { available: boolean } } }>(`query ($id: ID!) { hold(id: $id) { status seat { available } } }`, { id: holds[0]!.id }, viewer);
    expect(view.data!.hold).toEqual({ status: 'CONVERTED', seat: { available: false } });
    const retake = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, seatId: holds[0]!.seat.id } }, newViewer());
    expect(retake.data!.holdSeat.errors[0]?.code).toBe('SEAT_TAKEN');

    // A redelivered event changes nothing and announces nothing again.
    await h.runtime.bus.publish(streamOf('booking'), [event]);
    await handledSoFar(flight.id);
    expect(events.filter((e) => isEvent(e, 'inventory.hold.converted') && e.payload.bookingId === bookingId)).toHaveLength(2);
  });

  it('converts a hold that lapsed while its seat stayed free, and leaves one whose seat was taken', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-11T08:00:00Z', layout: tinyLayout(2), seatPrices: { economy: 7_000 } });
    const viewer = newViewer();
    const [lapsedFree, lapsedTaken] = [await hold(viewer, flight.id), await hold(viewer, flight.id)];
    clock.advance(HOLD_TTL_MS + 1);
    await h.server.services.holds.expireDue();
    const rival = await hold(newViewer(), flight.id, lapsedTaken!.seat.id);
    expect(rival.seat.id).toBe(lapsedTaken!.seat.id);

    const bookingId = randomUUID();
    await h.runtime.bus.publish(streamOf('booking'), [confirmed(viewer, bookingId, [lapsedFree!.id, lapsedTaken!.id])]);
    await eventually(async () => ((await statusOf(viewer, lapsedFree!.id))?.status === 'converted' ? true : undefined));
    expect(await statusOf(viewer, lapsedTaken!.id)).toMatchObject({ status: 'expired', bookingId: null });
  });

  it('ignores holds of other organizations named in a booking event', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-12T08:00:00Z' });
    const owner = newViewer();
    const held = await hold(owner, flight.id);
    await h.runtime.bus.publish(streamOf('booking'), [confirmed(newViewer(), randomUUID(), [held.id])]);
    await h.runtime.bus.publish(streamOf('booking'), [bookingEvent('booking.canceled', randomUUID(), { bookingId: randomUUID(), travelerId: owner.personId, department: null, holdIds: [held.id], reason: 'test' })]);
    await handledSoFar(flight.id);
    expect((await statusOf(owner, held.id))?.status).toBe('active');
  });

  it('releases the active holds of a canceled booking', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-13T08:00:00Z' });
    const viewer = newViewer();
    const held = await hold(viewer, flight.id);
    const bookingId = randomUUID();
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.canceled', viewer.orgId, { bookingId, travelerId: viewer.personId, department: null, holdIds: [held.id], reason: 'payment_failed' }),
    ]);
    await eventually(async () => ((await statusOf(viewer, held.id))?.status === 'released' ? true : undefined));
    const released = await eventually(async () => events.find((e) => e.type === 'inventory.hold.released' && e.aggregateId === held.id));
    expect(released.payload).toMatchObject({ reason: 'booking_canceled', seatId: held.seat.id });
  });

  it('gives the sold seat of a canceled paid booking back to sale', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-14T08:00:00Z' });
    const viewer = newViewer();
    const held = await hold(viewer, flight.id);
    const bookingId = randomUUID();
    await h.runtime.bus.publish(streamOf('booking'), [confirmed(viewer, bookingId, [held.id])]);
    await eventually(async () => ((await statusOf(viewer, held.id))?.status === 'converted' ? true : undefined));
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.canceled', viewer.orgId, { bookingId, travelerId: viewer.personId, department: null, holdIds: [held.id], reason: 'traveler canceled' }),
    ]);
    await eventually(async () => ((await statusOf(viewer, held.id))?.status === 'released' ? true : undefined));
    const again = await hold(newViewer(), flight.id, held.seat.id);
    expect(again.seat.id).toBe(held.seat.id);
  });
});
