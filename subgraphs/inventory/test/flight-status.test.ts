import { randomUUID } from 'node:crypto';
import type { EventPayloads, Viewer } from '@travel/platform';
import { eventually, routerHeaders } from '@travel/platform/testkit';
import { eq } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { outbox } from '../src/db/schema.js';
import { createFlight, createRoute, startInventory, type Harness, type Route } from './fixtures.js';

const RECORD = /* GraphQL */ `
  mutation ($input: RecordFlightStatusInput!) {
    recordFlightStatus(input: $input) {
      update { change status delayMinutes estimatedDepartureAt estimatedArrivalAt gate divertedTo { code } reason flight { id status gate } }
      errors { code field }
    }
  }
`;
const FLIGHT = /* GraphQL */ `
  query ($id: ID!) { flight(id: $id) { status estimatedDepartureAt gate divertedTo { code } statusHistory { change status delayMinutes gate } } }
`;

interface Recorded {
  recordFlightStatus: {
    update: { change: string; status: string; delayMinutes: number | null; estimatedDepartureAt: string | null; estimatedArrivalAt: string | null; gate: string | null; flight: { status: string; gate: string | null } } | null;
    errors: { code: string; field: string | null }[];
  };
}

const ops: Viewer = { orgId: randomUUID(), personId: randomUUID(), roles: ['platform_admin'] };

describe('flight status', () => {
  let h: Harness;
  let route: Route;
  let client: Client;

  beforeAll(async () => {
    h = await startInventory();
    route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const headers = await routerHeaders(h.config, null);
    client = createClient({ url: h.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { 'x-travel-identity': headers['x-travel-identity']! }, retryAttempts: 0 });
  });
  afterAll(async () => {
    await client.dispose();
    await h.close();
  });

  const record = (input: Record<string, unknown>, viewer: Viewer = ops) => h.gql<Recorded>(RECORD, { input }, viewer);

  it('is for flight operations only: a travel admin is refused', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-10-01T08:00:00Z' });
    const res = await record({ flightId: flight.id, change: 'CANCELED' }, { orgId: randomUUID(), personId: randomUUID(), roles: ['traveler', 'travel_admin'] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses incomplete or impossible reports', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-10-02T08:00:00Z' });
    expect((await record({ flightId: flight.id, change: 'DELAYED' })).data?.recordFlightStatus.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'estimatedDepartureAt' }]);
    expect((await record({ flightId: flight.id, change: 'DELAYED', estimatedDepartureAt: '2031-10-02T07:00:00Z' })).data?.recordFlightStatus.errors).toEqual([
      { code: 'VALIDATION_FAILED', field: 'estimatedDepartureAt' },
    ]);
    expect((await record({ flightId: flight.id, change: 'GATE_CHANGED' })).data?.recordFlightStatus.errors).toEqual([{ code: 'VALIDATION_FAILED', field: 'gate' }]);
    expect((await record({ flightId: flight.id, change: 'DIVERTED', divertedTo: 'NOWHERE' })).data?.recordFlightStatus.errors).toEqual([{ code: 'NOT_FOUND', field: 'divertedTo' }]);
    expect((await record({ flightId: randomUUID(), change: 'CANCELED' })).data?.recordFlightStatus.errors).toEqual([{ code: 'NOT_FOUND', field: 'flightId' }]);
    expect((await record({ flightId: flight.id, change: 'CANCELED' })).data?.recordFlightStatus.errors).toEqual([]);
    expect((await record({ flightId: flight.id, change: 'ON_TIME' })).data?.recordFlightStatus.errors).toEqual([{ code: 'INVALID_TRANSITION', field: 'flightId' }]);
  });

  it('records a delay with its estimates and history, and announces it with alternatives on the same route that have seats', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-10-10T08:00:00Z', minutes: 300 });
    const nextDay = await createFlight(h.server, route, { departureAt: '2031-10-11T08:00:00Z' });
    await createFlight(h.server, route, { departureAt: '2031-10-20T08:00:00Z' });

    const delayed = await record({ flightId: flight.id, change: 'DELAYED', estimatedDepartureAt: '2031-10-10T11:30:00Z', reason: 'Late inbound aircraft' });
    expect(delayed.data?.recordFlightStatus).toMatchObject({
      errors: [],
      update: { change: 'DELAYED', status: 'DELAYED', delayMinutes: 210, estimatedDepartureAt: '2031-10-10T11:30:00.000Z', estimatedArrivalAt: '2031-10-10T16:30:00.000Z', flight: { status: 'DELAYED' } },
    });
    await record({ flightId: flight.id, change: 'GATE_CHANGED', gate: 'B22' });
    const { data } = await h.gql<{ flight: unknown }>(FLIGHT, { id: flight.id });
    expect(data?.flight).toEqual({
      status: 'DELAYED',
      estimatedDepartureAt: '2031-10-10T11:30:00.000Z',
      gate: 'B22',
      divertedTo: null,
      statusHistory: [
        { change: 'DELAYED', status: 'DELAYED', delayMinutes: 210, gate: null },
        { change: 'GATE_CHANGED', status: 'DELAYED', delayMinutes: null, gate: 'B22' },
      ],
    });

    const events = await h.runtime.db.select().from(outbox).where(eq(outbox.aggregateId, flight.id));
    const payloads = events.filter((e) => e.type === 'inventory.flight.status_changed').map((e) => e.payload as EventPayloads['inventory.flight.status_changed']);
    expect(payloads.map((p) => p.change)).toEqual(expect.arrayContaining(['delayed', 'gate_changed']));
    const delay = payloads.find((p) => p.change === 'delayed')!;
    expect(delay).toMatchObject({ flightId: flight.id, delayMinutes: 210, reason: 'Late inbound aircraft', origin: route.origin, destination: route.destination });
    // Within two days after the departure: the next day's flight, not the one ten days later.
    expect(delay.alternatives.map((a) => a.flightId)).toEqual([nextDay.id]);
    expect(delay.alternatives[0]!.cabins).toEqual(expect.arrayContaining([expect.objectContaining({ cabin: 'economy', fareAmount: 12_000, currency: 'USD' })]));
    expect(payloads.find((p) => p.change === 'gate_changed')?.alternatives).toEqual([]);
  });

  it('pushes every status change of a flight to its subscribers with the flight as it is after that change', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-11-01T08:00:00Z' });
    const received: { change: string; flight: { status: string; gate: string | null } }[] = [];
    const stop = client.subscribe<{ flightStatusChanged: (typeof received)[number] }>(
      { query: `subscription ($id: ID) { flightStatusChanged(flightId: $id) { change flight { status gate } } }`, variables: { id: flight.id } },
      { next: (m) => void (m.data && received.push(m.data.flightStatusChanged)), error: () => {}, complete: () => {} },
    );
    // The subscription is live once a report sent after it opened arrives.
    await eventually(async () => {
      await record({ flightId: flight.id, change: 'GATE_CHANGED', gate: 'C1' });
      return received.length > 0 ? true : undefined;
    });
    await record({ flightId: flight.id, change: 'CANCELED' });
    const canceled = await eventually(async () => received.find((r) => r.change === 'CANCELED'));
    expect(canceled.flight).toEqual({ status: 'CANCELED', gate: 'C1' });
    stop();
  });
});
