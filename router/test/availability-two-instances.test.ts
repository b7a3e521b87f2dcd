import { createLogger, createRuntime, ServiceDirectory, SUBGRAPH_NAMES, type ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, testConfig } from '@travel/platform/testkit';
import { startStack, type Stack } from '@travel/stack/src/stack.js';
import { createSubgraphServers } from '@travel/stack/src/subgraphs.js';
import { createJourneyFixture, type JourneyFixture } from '@travel/stack/test/journey.fixtures.js';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterServer } from '../src/server.js';
import { readSupergraphSdl } from '../src/supergraph.js';
import { routerClient, watch, within } from './ws-client.js';

const SIGN_IN = /* GraphQL */ `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const HOLD_SEAT = /* GraphQL */ `mutation Hold($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id } errors { code } } }`;
const WATCH = /* GraphQL */ `subscription ($flightId: ID!) { flightAvailabilityChanged(flightId: $flightId) { flightId cabins { cabin seatsLeft } } }`;

interface Availability {
  flightAvailabilityChanged: { cabins: { cabin: string; seatsLeft: number }[] };
}
const economy = (a: Availability | null | undefined) => a?.flightAvailabilityChanged.cabins.find((c) => c.cabin === 'ECONOMY')?.seatsLeft;

const onRedis = Boolean(process.env['DATABASE_URL'] && process.env['REDIS_URL']);

/**
 * Scale-out on PostgreSQL and Redis: a second inventory instance and a second
 * router, each with runtimes (database pool, Redis connections) of their own,
 * as separate processes would have. A hold taken through router A on
 * inventory A reaches a subscriber of router B, whose upstream is inventory B,
 * through Redis Pub/Sub only.
 */
describe.skipIf(!onRedis)('live availability across two inventory instances and two routers (Redis)', () => {
  let runtimeA: ProcessRuntime;
  let runtimeB: ProcessRuntime;
  let stack: Stack;
  let inventoryB: ReturnType<typeof createSubgraphServers>['inventory'];
  let routerB: RouterServer;
  let fx: JourneyFixture;
  let client: Client | undefined;

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
    fx = await createJourneyFixture(stack.servers);
  });
  afterAll(async () => {
    await client?.dispose();
    await routerB?.stop();
    await inventoryB?.stop();
    await runtimeB?.close();
    await stack?.stop();
    await runtimeA?.close();
  });

  it('delivers a hold made through router A to a subscriber of router B', async () => {
    const signIn = await gqlRequest<{ signIn: { accessToken: string } }>(stack.routerUrl, SIGN_IN, { input: { email: fx.travelerEmail, password: fx.password } });
    const token = signIn.data!.signIn.accessToken;
    client = routerClient(routerB.url, token);
    const sub = watch<Availability>(client, WATCH, { flightId: fx.flightId });
    const before = economy((await eventually(async () => sub.received[0], { what: 'the current availability from inventory B' })).data);
    expect(before).toBeGreaterThan(0);
    // Inventory B subscribes to the Redis channel after sending the first state; until then a publish is lost
    // (pub/sub is lossy by design). Inventory A re-announcing the same state shows when the path is live.
    await eventually(async () => {
      await stack.servers.inventory.services.availability.publish([fx.flightId]);
      return sub.received.length >= 2 ? true : undefined;
    }, { what: 'inventory A → Redis → inventory B → router B', intervalMs: 100 });
    expect(economy(sub.received[1]!.data)).toBe(before);

    const hold = await gqlRequest<{ holdSeat: { errors: unknown[] } }>(stack.routerUrl, HOLD_SEAT, { input: { flightId: fx.flightId, cabin: 'ECONOMY' } }, { authorization: `Bearer ${token}` });
    expect(hold.data?.holdSeat.errors).toEqual([]);
    await within(1000, 'the update on router B', () => sub.received.find((r) => economy(r.data) === before! - 1));
    expect(routerB.subscriptionStats().upstreamOpen).toBe(1);
    expect(stack.router.subscriptionStats().upstreamOpened).toBe(0);
  });
});
