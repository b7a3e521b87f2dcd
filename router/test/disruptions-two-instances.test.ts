import { createLogger, createRuntime, ServiceDirectory, SUBGRAPH_NAMES, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, gqlRequest, testConfig } from '@travel/platform/testkit';
import { startStack, type Stack } from '@travel/stack/src/stack.js';
import { createSubgraphServers } from '@travel/stack/src/subgraphs.js';
import { bookConfirmed, createDisruptionFixture, type DisruptionFixture } from '@travel/stack/test/disruption.fixtures.js';
import { client } from '@travel/stack/test/journey.js';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterServer } from '../src/server.js';
import { readSupergraphSdl } from '../src/supergraph.js';
import { routerClient, watch, within } from './ws-client.js';

const SIGN_IN = /* GraphQL */ `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const RECORD = /* GraphQL */ `mutation ($input: RecordFlightStatusInput!) { recordFlightStatus(input: $input) { update { status } errors { code } } }`;
const STATUS = /* GraphQL */ `subscription ($flightId: ID) { flightStatusChanged(flightId: $flightId) { change delayMinutes flight { flightNumber } } }`;
const RAISED = /* GraphQL */ `subscription { disruptionRaised { severity delayMinutes booking { id status traveler { name } } flight { flightNumber } } }`;

interface Status {
  flightStatusChanged: { change: string; delayMinutes: number | null; flight: { flightNumber: string } };
}
interface Raised {
  disruptionRaised: { severity: string; delayMinutes: number | null; booking: { id: string; status: string; traveler: { name: string } }; flight: { flightNumber: string } };
}

const onRedis = Boolean(process.env['DATABASE_URL'] && process.env['REDIS_URL']);

/**
 * Scale-out on PostgreSQL and Redis, as availability-two-instances.test.ts: a
 * second inventory instance and a second router with runtimes of their own.
 * A delay recorded through router A on inventory A reaches router B's
 * subscribers: the status change through Redis Pub/Sub to inventory B, and
 * the disruption through Redis Streams to booking, then Pub/Sub.
 */
describe.skipIf(!onRedis)('flight status and disruptions across two inventory instances and two routers (Redis)', () => {
  let runtimeA: ProcessRuntime;
  let runtimeB: ProcessRuntime;
  let stack: Stack;
  let inventoryB: ReturnType<typeof createSubgraphServers>['inventory'];
  let routerB: RouterServer;
  let fx: DisruptionFixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    runtimeA = await createTestRuntime(testConfig());
    stack = await startStack(runtimeA);
    runtimeB = await createRuntime(runtimeA.config, { name: 'instance-b' });
    inventoryB = createSubgraphServers(runtimeB).inventory;
    await inventoryB.start(0);
    const directory = new ServiceDirectory(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, runtimeA.directory.url(name)])));
    directory.set('inventory', inventoryB.url);
    routerB = new RouterServer({ config: runtimeB.config, directory, supergraphSdl: readSupergraphSdl(), logger: createLogger(runtimeB.config, 'router-b') });
    await routerB.start(0);
    fx = await createDisruptionFixture(stack.servers);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await routerB?.stop();
    await inventoryB?.stop();
    await runtimeB?.close();
    await stack?.stop();
    await runtimeA?.close();
  });

  it('delivers a delay recorded through router A to flight status and disruption subscribers of router B', async () => {
    const traveler = client(stack.routerUrl);
    await traveler.signIn(fx.travelerEmail, fx.password);
    const { bookingId } = await bookConfirmed(traveler, fx.flightId);
    const token = async (email: string) => (await gqlRequest<{ signIn: { accessToken: string } }>(stack.routerUrl, SIGN_IN, { input: { email, password: fx.password } })).data!.signIn.accessToken;
    const [adminToken, opsToken] = [await token(fx.adminEmail), await token(fx.opsEmail)];
    const ws = routerClient(routerB.url, adminToken);
    clients.push(ws);
    const status = watch<Status>(ws, STATUS, { flightId: fx.flightId });
    const raised = watch<Raised>(ws, RAISED);
    await within(5000, 'two upstreams on router B', () => (routerB.subscriptionStats().upstreamOpen === 2 ? true : undefined));

    // Inventory B subscribes to the Redis channel after the router opened the upstream; until then a publish is
    // lost (pub/sub is lossy by design). Gate changes, which leave bookings alone, show when the path is live.
    const gateChange = async (n: number) => {
      const { data } = await gqlRequest<{ recordFlightStatus: { errors: unknown[] } }>(
        stack.routerUrl,
        RECORD,
        { input: { flightId: fx.flightId, change: 'GATE_CHANGED', gate: `A${n}` } },
        { authorization: `Bearer ${opsToken}` },
      );
      expect(data?.recordFlightStatus.errors).toEqual([]);
    };
    for (let i = 1; status.received.length === 0; i++) {
      await gateChange(i);
      await new Promise((r) => setTimeout(r, 100));
      if (i > 50) throw new Error('inventory A → Redis → inventory B → router B never delivered');
    }
    const { data: flight } = await gqlRequest<{ flight: { departureAt: string } }>(stack.routerUrl, `query ($id: ID!) { flight(id: $id) { departureAt } }`, { id: fx.flightId });
    const estimated = new Date(new Date(flight!.flight.departureAt).getTime() + 200 * 60_000).toISOString();
    const { data } = await gqlRequest<{ recordFlightStatus: { update: { status: string } } }>(
      stack.routerUrl,
      RECORD,
      { input: { flightId: fx.flightId, change: 'DELAYED', estimatedDepartureAt: estimated } },
      { authorization: `Bearer ${opsToken}` },
    );
    expect(data?.recordFlightStatus.update.status).toBe('DELAYED');

    const delayed = await within(5000, 'the delay on router B', () => status.received.find((r) => r.data?.flightStatusChanged.change === 'DELAYED'));
    expect(delayed.data?.flightStatusChanged).toEqual({ change: 'DELAYED', delayMinutes: 200, flight: { flightNumber: fx.flightNumber } });
    const disruption = await within(10_000, 'the high-severity disruption on router B', () => raised.received.find((r) => r.data?.disruptionRaised.severity === 'HIGH'));
    expect(disruption.data?.disruptionRaised).toEqual({
      severity: 'HIGH',
      delayMinutes: 200,
      booking: { id: bookingId, status: 'REQUIRES_ATTENTION', traveler: { name: 'Ava Traveler' } },
      flight: { flightNumber: fx.flightNumber },
    });
    // Gate changes are low severity: recorded and notified, the booking untouched.
    expect(raised.received.filter((r) => r.data?.disruptionRaised.severity === 'LOW').every((r) => r.data?.disruptionRaised.booking.status === 'CONFIRMED')).toBe(true);
    expect(stack.router.subscriptionStats().upstreamOpened).toBe(0);
  });
});
