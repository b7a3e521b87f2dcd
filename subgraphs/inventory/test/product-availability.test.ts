import { randomUUID } from 'node:crypto';
import { eventually, routerHeaders } from '@travel/platform/testkit';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { newViewer, startInventory, type Harness } from './fixtures.js';

const WATCH_ROOMS = /* GraphQL */ `
  subscription ($id: ID!, $in: Date!, $out: Date!) { roomAvailabilityChanged(roomTypeId: $id) { id nights(checkIn: $in, checkOut: $out) { date roomsLeft } } }
`;
const HOLD_ROOM = /* GraphQL */ `mutation ($input: HoldRoomInput!) { holdRoom(input: $input) { roomHold { id } errors { code } } }`;
const RELEASE_ROOM = /* GraphQL */ `mutation ($input: RoomHoldInput!) { releaseRoomHold(input: $input) { roomHold { id } errors { code } } }`;

interface RoomState {
  roomAvailabilityChanged: { id: string; nights: { date: string; roomsLeft: number }[] };
}

describe('live room availability', () => {
  let h: Harness;
  let client: Client;

  beforeAll(async () => {
    h = await startInventory();
    const headers = await routerHeaders(h.config, null);
    client = createClient({ url: h.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { 'x-travel-identity': headers['x-travel-identity']! }, retryAttempts: 0 });
  });
  afterAll(async () => {
    await client.dispose();
    await h.close();
  });

  it("sends a room type's nights now, then after a hold and after its release", async () => {
    const { hotels } = await h.server.services.catalog.insertHotels([
      {
        name: `Centro ${randomUUID().slice(0, 6)}`,
        city: 'Lisbon',
        country: 'Portugal',
        timeZone: 'Europe/Lisbon',
        latitude: 38.71,
        longitude: -9.14,
        starRating: 4,
        roomTypes: [{ name: 'Double', capacity: 2, nightlyRateMinor: 12_000, currency: 'EUR', totalRooms: 3 }],
      },
    ]);
    const [roomType] = await h.server.services.repositories.hotels.roomTypesOf([hotels[0]!.id]);
    const stay = { checkIn: '2030-08-01', checkOut: '2030-08-03' };
    const received: RoomState['roomAvailabilityChanged'][] = [];
    const errors: unknown[] = [];
    const stop = client.subscribe<RoomState>(
      { query: WATCH_ROOMS, variables: { id: roomType!.id, in: stay.checkIn, out: stay.checkOut } },
      { next: (m) => void (m.data ? received.push(m.data.roomAvailabilityChanged) : errors.push(m.errors)), error: (e) => errors.push(e), complete: () => {} },
    );
    const left = (state: RoomState['roomAvailabilityChanged'] | undefined) => state?.nights.map((n) => n.roomsLeft);
    expect(left(await eventually(async () => received[0]))).toEqual([3, 3]);

    const viewer = newViewer();
    const hold = await h.gql<{ holdRoom: { roomHold: { id: string }; errors: unknown[] } }>(HOLD_ROOM, { input: { roomTypeId: roomType!.id, ...stay } }, viewer);
    expect(hold.data?.holdRoom.errors).toEqual([]);
    await eventually(async () => (received.some((s) => left(s)?.join() === '2,2') ? true : undefined), { what: 'two rooms left after the hold' });
    await h.gql(RELEASE_ROOM, { input: { holdId: hold.data!.holdRoom.roomHold.id } }, viewer);
    await eventually(async () => (left(received.at(-1))?.join() === '3,3' ? true : undefined), { what: 'three rooms again after the release' });
    expect(errors).toEqual([]);
    stop();
  });

  it("sends a package's departures now, then after a hold", async () => {
    const tag = `Pkg${randomUUID().slice(0, 8)}`;
    await h.server.services.catalog.insertPackages([
      { title: `${tag} Island week`, description: 'Sailing between quiet coves.', destinationCity: `Naxos ${tag}`, destinationCountry: 'Greece', category: 'beach', durationDays: 7, priceMinor: 150_000, currency: 'EUR', maxGroupSize: 4 },
    ]);
    const [pkg] = await h.server.services.repositories.packages.search({ text: tag, category: null, destination: null, minDays: null, maxDays: null, minPrice: null, maxPrice: null });
    await h.server.services.catalog.upsertPackageDepartures([{ packageId: pkg!.id, date: '2030-09-01', capacity: 10, priceMultiplier: 1 }]);
    const received: number[][] = [];
    const stop = client.subscribe<{ packageAvailabilityChanged: { departures: { date: string; placesLeft: number }[] } }>(
      { query: `subscription ($id: ID!) { packageAvailabilityChanged(packageId: $id) { departures(from: "2030-09-01", to: "2030-09-30") { date placesLeft } } }`, variables: { id: pkg!.id } },
      { next: (m) => void (m.data && received.push(m.data.packageAvailabilityChanged.departures.map((d) => d.placesLeft))), error: () => {}, complete: () => {} },
    );
    expect(await eventually(async () => received[0])).toEqual([10]);
    const hold = await h.gql<{ holdPackage: { errors: unknown[] } }>(
      `mutation ($input: HoldPackageInput!) { holdPackage(input: $input) { packageHold { id } errors { code } } }`,
      { input: { packageId: pkg!.id, date: '2030-09-01', travelers: 3 } },
      newViewer(),
    );
    expect(hold.data?.holdPackage.errors).toEqual([]);
    await eventually(async () => (received.some((r) => r[0] === 7) ? true : undefined), { what: 'seven places left after the hold' });
    stop();
  });

  it('refuses an unknown room type', async () => {
    // graphql-ws reports a refused subscription either as an error or as a result with errors, then completes.
    const failure = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: WATCH_ROOMS, variables: { id: randomUUID(), in: '2030-08-01', out: '2030-08-02' } },
        { next: (m) => resolve(m.errors), error: resolve, complete: () => resolve(null) },
      );
    });
    expect(JSON.stringify(failure)).toContain('NOT_FOUND');
  });
});
