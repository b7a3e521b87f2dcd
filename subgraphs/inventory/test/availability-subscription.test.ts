import { randomUUID } from 'node:crypto';
import { streamOf } from '@travel/platform';
import { eventually, routerHeaders } from '@travel/platform/testkit';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createFlight, createRoute, HOLD_SEAT, newViewer, RELEASE_HOLD, startInventory, type Harness, type HoldSeatResult, type Route } from './fixtures.js';

const WATCH = `subscription ($flightId: ID!) { flightAvailabilityChanged(flightId: $flightId) { flightId cabins { cabin seatsLeft lowestFare { amount currency } } } }`;

interface Availability {
  flightId: string;
  cabins: { cabin: string; seatsLeft: number; lowestFare: { amount: number; currency: string } | null }[];
}

describe('inventory live availability', () => {
  let h: Harness;
  let route: Route;
  let client: Client;

  beforeAll(async () => {
    h = await startInventory();
    route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const headers = await routerHeaders(h.config, null);
    client = createClient({
      url: h.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-travel-identity': headers['x-travel-identity']! },
      retryAttempts: 0,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await h.close();
  });

  /** Collects every message of one subscription until `stop` is called. */
  function watch(flightId: string) {
    const received: Availability[] = [];
    const errors: unknown[] = [];
    const stop = client.subscribe<{ flightAvailabilityChanged: Availability }>(
      { query: WATCH, variables: { flightId } },
      {
        next: (message) => {
          if (message.data) received.push(message.data.flightAvailabilityChanged);
          if (message.errors) errors.push(...message.errors);
        },
        error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
        complete: () => {},
      },
    );
    return { received, errors, stop };
  }
  const economyLeft = (a: Availability | undefined) => a?.cabins.find((c) => c.cabin === 'ECONOMY')?.seatsLeft;

  it('sends the current availability, then the new one after a hold and after its release', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-09-01T08:00:00Z' });
    const sub = watch(flight.id);
    const first = await eventually(async () => sub.received[0]);
    expect(first).toEqual({
      flightId: flight.id,
      cabins: [
        { cabin: 'ECONOMY', seatsLeft: 156, lowestFare: { amount: 12_000, currency: 'USD' } },
        { cabin: 'BUSINESS', seatsLeft: 12, lowestFare: { amount: 48_000, currency: 'USD' } },
      ],
    });

    const viewer = newViewer();
    const held = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, cabin: 'ECONOMY' } }, viewer);
    const hold = held.data!.holdSeat.hold!;
    expect(await eventually(async () => sub.received.find((a) => economyLeft(a) === 155))).toMatchObject({ flightId: flight.id });

    await h.gql(RELEASE_HOLD, { input: { holdId: hold.id } }, viewer);
    await eventually(async () => (economyLeft(sub.received.at(-1)) === 156 && sub.received.length >= 3 ? true : undefined));
    expect(sub.received.map(economyLeft)).toEqual([156, 155, 156]);
    expect(sub.errors).toEqual([]);
    sub.stop();
  });

  it('announces seats given back by a canceled booking, after the release commits', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-09-02T08:00:00Z' });
    const viewer = newViewer();
    const hold = (await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, cabin: 'BUSINESS' } }, viewer)).data!.holdSeat.hold!;
    const sub = watch(flight.id);
    await eventually(async () => sub.received[0]);
    expect(sub.received[0]!.cabins.find((c) => c.cabin === 'BUSINESS')!.seatsLeft).toBe(11);

    const bookingId = randomUUID();
    await h.runtime.bus.publish(streamOf('booking'), [
      {
        id: randomUUID(),
        type: 'booking.canceled',
        source: 'booking',
        orgId: viewer.orgId,
        aggregateId: bookingId,
        occurredAt: new Date().toISOString(),
        payload: { bookingId, travelerId: viewer.personId, department: null, holdIds: [hold.id], reason: 'payment_failed' },
      },
    ]);
    const update = await eventually(async () => sub.received[1]);
    expect(update.cabins.find((c) => c.cabin === 'BUSINESS')!.seatsLeft).toBe(12);
    sub.stop();
  });

  it('refuses to watch a flight that does not exist', async () => {
    const sub = watch(randomUUID());
    const [error] = await eventually(async () => (sub.errors.length > 0 ? sub.errors : undefined));
    expect(error).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(sub.received).toEqual([]);
  });
});
