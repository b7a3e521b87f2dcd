import { randomUUID } from 'node:crypto';
import { createLogger, ServiceDirectory, signAccessToken, type Config, type Viewer } from '@travel/platform';
import { eventually, testConfig } from '@travel/platform/testkit';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RouterServer } from '../src/server.js';
import { startFakeSupergraph, type FakeSupergraph } from './fake-subgraphs.js';
import { routerClient, watch, within } from './ws-client.js';

const WATCH = /* GraphQL */ `
  subscription Watch($id: ID!) {
    flightChanged(id: $id) { id seatsLeft bookedCount policyStatus }
  }
`;

interface FlightChanged {
  flightChanged: { id: string; seatsLeft: number; bookedCount: number; policyStatus: string };
}

const LIMIT = 3;

describe('subscriptions through the router (fake subgraphs)', () => {
  let config: Config;
  let fake: FakeSupergraph;
  let router: RouterServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    config = testConfig();
    fake = await startFakeSupergraph(config);
    router = new RouterServer({
      config,
      directory: new ServiceDirectory(fake.urls()),
      supergraphSdl: fake.supergraphSdl,
      logger: createLogger(config, 'router'),
      subscriptionLimits: { maxPerConnection: LIMIT, upstreamMaxRetryWaitMs: 200 },
    });
    await router.start(0);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(async () => {
    await router?.stop();
    await fake?.stop();
  });

  const viewer = (orgId = randomUUID(), roles: Viewer['roles'] = ['traveler']): Viewer => ({ personId: randomUUID(), orgId, roles });
  const connect = async (who: Viewer | null): Promise<Client> => {
    const client = routerClient(router.url, who ? await signAccessToken(who, config.JWT_SECRET, 300) : undefined);
    clients.push(client);
    return client;
  };
  const upstreamOpen = (flightId: string, count = 1) => eventually(async () => (fake.upstream(flightId).active === count ? true : undefined), { what: `${count} upstream for ${flightId}` });

  it('delivers an event enriched with fields of the two other subgraphs, fetched as the subscriber', async () => {
    const ava = viewer();
    const flightId = randomUUID();
    const sub = watch<FlightChanged>(await connect(ava), WATCH, { id: flightId });
    await upstreamOpen(flightId);
    expect(fake.upstream(flightId).viewers).toEqual([ava]);

    fake.publish({ id: flightId, seatsLeft: 41 });
    const first = await within(1000, 'the enriched event', () => sub.received[0]);
    expect(first).toEqual({
      data: { flightChanged: { id: flightId, seatsLeft: 41, bookedCount: 3, policyStatus: `compliant:${ava.orgId}` } },
      errors: undefined,
      extensions: undefined,
    });
  });

  it('shares one upstream subscription and one entity fetch per event among ten watchers of the same scope', async () => {
    const orgId = randomUUID();
    const flightId = randomUUID();
    const watchers = await Promise.all(Array.from({ length: 10 }, async () => watch<FlightChanged>(await connect(viewer(orgId)), WATCH, { id: flightId })));
    await eventually(async () => (router.subscriptionStats().watchers >= 10 ? true : undefined));
    await upstreamOpen(flightId);
    const fetchesBefore = fake.bookingEntityFetches;

    fake.publish({ id: flightId, seatsLeft: 7 });
    await eventually(async () => (watchers.every((w) => w.received.length === 1) ? true : undefined), { what: 'all ten watchers' });
    for (const w of watchers) expect(w.received[0]!.data?.flightChanged).toMatchObject({ id: flightId, seatsLeft: 7, bookedCount: 3 });
    expect(fake.upstream(flightId).opened).toBe(1);
    expect(fake.bookingEntityFetches - fetchesBefore).toBe(1);
  });

  it('gives a watcher who joins a running stream the latest state at once, and no replay for an event-stream field', async () => {
    const orgId = randomUUID();
    const flightId = randomUUID();
    const early = watch<FlightChanged>(await connect(viewer(orgId)), WATCH, { id: flightId });
    await upstreamOpen(flightId);
    fake.publish({ id: flightId, seatsLeft: 12 });
    await eventually(async () => early.received[0]);

    const late = watch<FlightChanged>(await connect(viewer(orgId)), WATCH, { id: flightId });
    const replayed = await eventually(async () => late.received[0]);
    expect(replayed.data?.flightChanged).toMatchObject({ seatsLeft: 12, bookedCount: 3 });
    expect(fake.upstream(flightId).opened).toBe(1);

    const eventRouter = new RouterServer({
      config,
      directory: new ServiceDirectory(fake.urls()),
      supergraphSdl: fake.supergraphSdl,
      logger: createLogger(config, 'router'),
      eventStreamFields: ['flightChanged'],
    });
    await eventRouter.start(0);
    try {
      const eventsOnly = randomUUID();
      const client = routerClient(eventRouter.url, await signAccessToken(viewer(orgId), config.JWT_SECRET, 300));
      clients.push(client);
      const first = watch<FlightChanged>(client, WATCH, { id: eventsOnly });
      await upstreamOpen(eventsOnly);
      fake.publish({ id: eventsOnly, seatsLeft: 30 });
      await eventually(async () => first.received[0]);
      const second = watch<FlightChanged>(client, WATCH, { id: eventsOnly });
      await eventually(async () => (eventRouter.subscriptionStats().watchers === 2 ? true : undefined));
      fake.publish({ id: eventsOnly, seatsLeft: 29 });
      await eventually(async () => second.received[0]);
      expect(second.received.map((r) => r.data?.flightChanged.seatsLeft)).toEqual([29]);
    } finally {
      await eventRouter.stop();
    }
  });

  it('keeps organizations apart: another scope gets its own upstream and none of the other tenant’s events', async () => {
    const flightId = randomUUID();
    const mine = viewer();
    const theirs = viewer();
    const a = watch<FlightChanged>(await connect(mine), WATCH, { id: flightId });
    const b = watch<FlightChanged>(await connect(theirs), WATCH, { id: flightId });
    await upstreamOpen(flightId, 2);
    expect(new Set(fake.upstream(flightId).viewers.map((v) => v?.orgId))).toEqual(new Set([mine.orgId, theirs.orgId]));

    fake.publish({ id: flightId, seatsLeft: 5, orgId: mine.orgId });
    await eventually(async () => a.received[0]);
    fake.publish({ id: flightId, seatsLeft: 4, orgId: theirs.orgId });
    await eventually(async () => b.received[0]);

    expect(a.received.map((r) => [r.data?.flightChanged.seatsLeft, r.data?.flightChanged.policyStatus])).toEqual([[5, `compliant:${mine.orgId}`]]);
    expect(b.received.map((r) => [r.data?.flightChanged.seatsLeft, r.data?.flightChanged.policyStatus])).toEqual([[4, `compliant:${theirs.orgId}`]]);
  });

  it('refuses a bad access token in connection_init with 4403, and lets an anonymous caller in', async () => {
    const badClient = routerClient(router.url, 'not-a-token');
    clients.push(badClient);
    const refused = watch<FlightChanged>(badClient, WATCH, { id: randomUUID() });
    const closed = await eventually(async () => refused.failure as { code: number } | undefined);
    expect(closed.code).toBe(4403);

    const flightId = randomUUID();
    const anonymous = watch<FlightChanged>(await connect(null), WATCH, { id: flightId });
    await upstreamOpen(flightId);
    fake.publish({ id: flightId, seatsLeft: 9 });
    const event = await eventually(async () => anonymous.received[0]);
    expect(event.data?.flightChanged).toEqual({ id: flightId, seatsLeft: 9, bookedCount: 3, policyStatus: 'anonymous' });
  });

  it('completes cleanly both ways: a client complete closes the upstream, an upstream complete completes the watchers', async () => {
    const leaving = randomUUID();
    const sub = watch<FlightChanged>(await connect(viewer()), WATCH, { id: leaving });
    await upstreamOpen(leaving);
    sub.stop();
    await upstreamOpen(leaving, 0);

    const ending = randomUUID();
    const orgId = randomUUID();
    const one = watch<FlightChanged>(await connect(viewer(orgId)), WATCH, { id: ending });
    const two = watch<FlightChanged>(await connect(viewer(orgId)), WATCH, { id: ending });
    await upstreamOpen(ending);
    fake.publish({ id: ending, seatsLeft: 1 });
    fake.completeFlight(ending);
    await eventually(async () => (one.completed && two.completed ? true : undefined), { what: 'both watchers completed' });
    expect(one.received.map((r) => r.data?.flightChanged.seatsLeft)).toEqual([1]);
    expect(two.failure).toBeUndefined();
    await eventually(async () => (router.subscriptionStats().watchers === 0 ? true : undefined), { what: 'no watcher left on the router' });
  });

  it('resubscribes when the owning subgraph restarts and marks the next event as possibly missing some', async () => {
    const flightId = randomUUID();
    const sub = watch<FlightChanged>(await connect(viewer()), WATCH, { id: flightId });
    await upstreamOpen(flightId);
    fake.publish({ id: flightId, seatsLeft: 20 });
    await eventually(async () => sub.received[0]);

    await fake.inventory.stop();
    await fake.inventory.start();
    await upstreamOpen(flightId);
    expect(fake.upstream(flightId).opened).toBe(2);

    fake.publish({ id: flightId, seatsLeft: 19 });
    fake.publish({ id: flightId, seatsLeft: 18 });
    await eventually(async () => sub.received[2]);
    expect(sub.received.map((r) => [r.data?.flightChanged.seatsLeft, r.extensions?.['eventsMayHaveBeenMissed'] ?? false])).toEqual([
      [20, false],
      [19, true],
      [18, false],
    ]);
    expect(sub.completed).toBe(false);
  });

  it(`refuses a subscription beyond ${LIMIT} per connection, and accepts one again after a complete`, async () => {
    const client = await connect(viewer());
    const subs = Array.from({ length: LIMIT }, () => watch<FlightChanged>(client, WATCH, { id: randomUUID() }));
    const over = watch<FlightChanged>(client, WATCH, { id: randomUUID() });
    const errors = await eventually(async () => over.failure as { message: string; extensions?: { code?: string } }[] | undefined);
    expect(errors[0]?.extensions?.code).toBe('SUBSCRIPTION_LIMIT_REACHED');
    expect(subs.every((s) => s.failure === undefined)).toBe(true);

    subs[0]!.stop();
    const flightId = randomUUID();
    const again = watch<FlightChanged>(client, WATCH, { id: flightId });
    await upstreamOpen(flightId);
    fake.publish({ id: flightId, seatsLeft: 3 });
    expect((await eventually(async () => again.received[0])).data?.flightChanged.seatsLeft).toBe(3);
  });

  it('answers queries sent over the socket through the gateway', async () => {
    const flightId = randomUUID();
    const query = watch<{ flight: { id: string; seatsLeft: number; bookedCount: number } }>(await connect(viewer()), `query ($id: ID!) { flight(id: $id) { id seatsLeft bookedCount } }`, { id: flightId });
    await eventually(async () => (query.completed ? true : undefined));
    expect(query.received).toEqual([{ data: { flight: { id: flightId, seatsLeft: 10, bookedCount: 3 } }, errors: undefined, extensions: undefined }]);
  });

  it('rejects an invalid subscription with validation errors, without opening anything upstream', async () => {
    const before = router.subscriptionStats().upstreamOpened;
    const bad = watch<FlightChanged>(await connect(viewer()), `subscription { flightChanged(id: "x") { nope } }`);
    const errors = await eventually(async () => bad.failure as { message: string }[] | undefined);
    expect(errors[0]?.message).toMatch(/nope/);
    expect(router.subscriptionStats().upstreamOpened).toBe(before);
  });
});
