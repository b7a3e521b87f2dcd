import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type DomainEvent, type EventPayloads, type EventType, type Viewer } from '@travel/platform';
import { eventually } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlight, createRoute, HOLD_SEAT, newViewer, startInventory, tinyLayout, type Harness, type HoldSeatResult } from './fixtures.js';

function bookingEvent<T extends EventType>(type: T, orgId: string, aggregateId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'booking', orgId, aggregateId, occurredAt: new Date().toISOString(), payload };
}

describe('booking outcomes on room and package holds, and segment changes', () => {
  const clock = new ManualClock(new Date('2030-03-01T12:00:00Z'));
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ clock });
  });
  afterAll(async () => {
    await h.close();
  });

  async function roomAndPackageHolds(viewer: Viewer) {
    const { hotels } = await h.server.services.catalog.insertHotels([
      { name: `Mixed ${randomUUID()}`, city: 'Mixville', country: 'Testland', latitude: 1, longitude: 1, starRating: 3, timeZone: 'UTC', roomTypes: [{ name: 'Single', capacity: 1, nightlyRateMinor: 5_000, currency: 'USD', totalRooms: 1 }] },
    ]);
    const [roomType] = await h.server.services.repositories.hotels.roomTypesOf([hotels[0]!.id]);
    const title = `Mixed ${randomUUID()}`;
    await h.server.services.catalog.insertPackages([
      { title, description: 'Mixed outcomes.', destinationCity: 'Mixville', destinationCountry: 'Testland', category: 'city', durationDays: 2, priceMinor: 20_000, currency: 'USD', maxGroupSize: 2 },
    ]);
    const pkg = (await h.server.services.repositories.packages.list(100, null)).find((p) => p.title === title)!;
    await h.server.services.catalog.upsertPackageDepartures([{ packageId: pkg.id, date: '2030-04-01', capacity: 2, priceMultiplier: 1 }]);
    const room = await h.server.services.roomHolds.holdRoom(viewer, { roomTypeId: roomType!.id, checkIn: '2030-03-10', checkOut: '2030-03-12' });
    const place = await h.server.services.packageHolds.holdPackage(viewer, { packageId: pkg.id, date: '2030-04-01', travelers: 2 });
    return { room, place, roomTypeId: roomType!.id, packageId: pkg.id };
  }

  it('converts room and package holds of a confirmed booking; they stay taken after their TTL', async () => {
    const viewer = newViewer();
    const { room, place, roomTypeId, packageId } = await roomAndPackageHolds(viewer);
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.confirmed', viewer.orgId, randomUUID(), { bookingId: randomUUID(), travelerId: viewer.personId, department: null, amount: 1, currency: 'USD', holdIds: [room.id, place.id], segments: [] }),
    ]);
    await eventually(async () => ((await h.server.services.repositories.roomHolds.findByIds(viewer.orgId, [room.id]))[0]!.status === 'converted' ? true : undefined));
    await eventually(async () => ((await h.server.services.repositories.packageHolds.findByIds(viewer.orgId, [place.id]))[0]!.status === 'converted' ? true : undefined));

    clock.advance(60 * 60_000);
    await expect(h.server.services.roomHolds.holdRoom(newViewer(), { roomTypeId, checkIn: '2030-03-11', checkOut: '2030-03-12' })).rejects.toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
    await expect(h.server.services.packageHolds.holdPackage(newViewer(), { packageId, date: '2030-04-01' })).rejects.toMatchObject({ code: 'INSUFFICIENT_INVENTORY' });
  });

  it('releases room and package holds of a canceled booking, freeing them at once', async () => {
    const viewer = newViewer();
    const { room, place, roomTypeId, packageId } = await roomAndPackageHolds(viewer);
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.canceled', viewer.orgId, randomUUID(), { bookingId: randomUUID(), travelerId: viewer.personId, department: null, holdIds: [room.id, place.id], reason: 'test' }),
    ]);
    await eventually(async () => ((await h.server.services.repositories.packageHolds.findByIds(viewer.orgId, [place.id]))[0]!.status === 'released' ? true : undefined));
    expect((await h.server.services.repositories.roomHolds.findByIds(viewer.orgId, [room.id]))[0]!.status).toBe('released');
    expect((await h.server.services.roomHolds.holdRoom(newViewer(), { roomTypeId, checkIn: '2030-03-10', checkOut: '2030-03-12' })).status).toBe('active');
    expect((await h.server.services.packageHolds.holdPackage(newViewer(), { packageId, date: '2030-04-01', travelers: 2 })).status).toBe('active');
  });

  it('on a paid segment change, sells the new seat and gives the old one back', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(h.server, route, { departureAt: '2031-01-10T08:00:00Z', layout: tinyLayout(2), seatPrices: { economy: 5_000 } });
    const viewer = newViewer();
    const hold = async () => (await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, cabin: 'ECONOMY' } }, viewer)).data!.holdSeat.hold!;
    const [old, fresh] = [await hold(), await hold()];
    const bookingId = randomUUID();
    await h.runtime.bus.publish(streamOf('booking'), [
      bookingEvent('booking.segment_changed', viewer.orgId, bookingId, {
        bookingId,
        segmentId: randomUUID(),
        kind: 'flight',
        releasedHoldId: old.id,
        newHoldId: fresh.id,
        convertNewHold: true,
        oldAmount: 5_000,
        newAmount: 5_000,
        priceDifference: 0,
        currency: 'USD',
      }),
    ]);
    const statusOf = async (id: string) => (await h.server.services.repositories.holds.findByIds(viewer.orgId, [id]))[0]!;
    await eventually(async () => ((await statusOf(fresh.id)).status === 'converted' ? true : undefined));
    expect((await statusOf(fresh.id)).bookingId).toBe(bookingId);
    expect((await statusOf(old.id)).status).toBe('released');
    const again = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, seatId: old.seat.id } }, newViewer());
    expect(again.data!.holdSeat.errors).toEqual([]);
  });
});
