import { randomUUID } from 'node:crypto';
import { createLogger, ServiceDirectory, signAccessToken, type Config } from '@travel/platform';
import { eventually, testConfig } from '@travel/platform/testkit';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyVerifier } from '../src/auth/api-keys.js';
import { RouterServer } from '../src/server.js';
import { startFakeCustomer, type FakeCustomer } from './fake-customer.js';
import { startFakeSupergraph, type FakeSupergraph } from './fake-subgraphs.js';

const FLIGHT = `query ($id: ID!) { flight(id: $id) { id policyStatus } }`;
const WATCH = `subscription ($id: ID!) { flightChanged(id: $id) { id seatsLeft } }`;
const TTL_MS = 300;
const PER_MINUTE = 5;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: { flight: { policyStatus: string } } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('router credentials: API keys', () => {
  let config: Config;
  let fake: FakeSupergraph;
  let customer: FakeCustomer;
  let router: RouterServer;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    config = testConfig({ API_KEY_CACHE_TTL_MS: String(TTL_MS), API_KEY_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) });
    fake = await startFakeSupergraph(config);
    customer = await startFakeCustomer(config.INTERNAL_SECRET);
    router = new RouterServer({
      config,
      directory: new ServiceDirectory({ ...fake.urls(), customer: customer.url }),
      supergraphSdl: fake.supergraphSdl,
      logger: createLogger(config, 'router'),
    });
    await router.start(0);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(async () => {
    await router?.stop();
    await customer?.stop();
    await fake?.stop();
  });

  async function ask(headers: Record<string, string>): Promise<Answer> {
    const res = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: FLIGHT, variables: { id: 'f1' } }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
  }

  it('lets a key act for its organization: subgraphs see the key’s organization', async () => {
    const orgId = randomUUID();
    const { key } = customer.issue(orgId, ['inventory_read']);
    const answer = await ask({ 'x-api-key': key });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.flight.policyStatus).toBe(`compliant:${orgId}`);
  });

  it('refuses an unknown key, and a token and a key sent together, with 401 UNAUTHENTICATED', async () => {
    const unknown = await ask({ 'x-api-key': 'tsk_nobody' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const { key } = customer.issue(randomUUID(), ['inventory_read']);
    const token = await signAccessToken({ personId: randomUUID(), orgId: randomUUID(), roles: ['traveler'] }, config.JWT_SECRET, 300);
    const both = await ask({ 'x-api-key': key, authorization: `Bearer ${token}` });
    expect(both.status).toBe(401);
  });

  it('stops accepting a revoked key within the cache TTL, asking customer about once per TTL meanwhile', async () => {
    const { key } = customer.issue(randomUUID(), ['inventory_read']);
    expect((await ask({ 'x-api-key': key })).status).toBe(200);
    const callsBefore = customer.verifyCalls;
    customer.revoke(key);
    const refused = await eventually(
      async () => {
        const answer = await ask({ 'x-api-key': key });
        return answer.status === 401 ? answer : undefined;
      },
      { timeoutMs: TTL_MS + 5000, intervalMs: 100, what: 'revoked key refused' },
    );
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(customer.verifyCalls - callsBefore).toBe(1);
  });

  it('answers 429 RATE_LIMITED with Retry-After once a key spent its budget, without touching other keys', async () => {
    const orgId = randomUUID();
    const { key } = customer.issue(orgId, ['inventory_read']);
    const { key: other } = customer.issue(orgId, ['inventory_read']);
    for (let i = 0; i < PER_MINUTE; i += 1) expect((await ask({ 'x-api-key': key })).status).toBe(200);
    const limited = await ask({ 'x-api-key': key });
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    expect((await ask({ 'x-api-key': other })).status).toBe(200);
  });

  /** Speaks graphql-transport-ws by hand: init with `payload`, then `subscribeTimes` operations of `query` once acked; resolves with the close code. */
  function closeCodeOf(payload: Record<string, unknown>, subscribeTimes = 1, query = FLIGHT): Promise<number> {
    return new Promise((resolve) => {
      const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      socket.on('message', (raw: Buffer) => {
        if ((JSON.parse(raw.toString('utf8')) as { type: string }).type !== 'connection_ack') return;
        for (let i = 0; i < subscribeTimes; i += 1) {
          socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query, variables: { id: randomUUID() } } }));
        }
      });
      socket.on('close', (code: number) => resolve(code));
      sockets.push(socket);
    });
  }

  it('closes a graphql-ws connection with 4403 for a bad key', async () => {
    expect(await closeCodeOf({ 'x-api-key': 'tsk_nobody' })).toBe(4403);
  });

  it('closes a graphql-ws connection with 4429 when the key is over its limit', async () => {
    const { key } = customer.issue(randomUUID(), ['inventory_read']);
    for (let i = 0; i < PER_MINUTE; i += 1) await ask({ 'x-api-key': key });
    expect(await closeCodeOf({ 'x-api-key': key })).toBe(4429);
  });

  it('releases the upstream subscriptions of a connection it closes with 4429', async () => {
    const { key } = customer.issue(randomUUID(), ['inventory_read']);
    expect(await closeCodeOf({ 'x-api-key': key }, PER_MINUTE + 1, WATCH)).toBe(4429);
    await eventually(async () => (router.subscriptionStats().upstreamOpen === 0 ? true : undefined), { what: 'upstream subscriptions closed' });
    expect(router.subscriptionStats().upstreamOpened).toBeGreaterThan(0);
  });

  it('counts each operation of a key’s connection and closes it with 4429 past the limit', async () => {
    const { key } = customer.issue(randomUUID(), ['inventory_read']);
    // connection_init takes one point, each subscribe another.
    expect(await closeCodeOf({ 'x-api-key': key }, PER_MINUTE + 1)).toBe(4429);
  });
});

describe('ApiKeyVerifier cache', () => {
  it('serves a key from cache until the TTL ends, then asks customer again', async () => {
    let now = 1_000;
    let calls = 0;
    let known = true;
    const verifier = new ApiKeyVerifier({ customerUrl: () => 'http://127.0.0.1:9/graphql', internalSecret: 's', ttlMs: 5000, now: () => now });
    const ask = verifier as unknown as { ask: (key: string) => Promise<unknown> };
    ask.ask = async () => {
      calls += 1;
      return known ? { apiKeyId: 'k', orgId: 'o', scopes: ['inventory_read'] } : null;
    };
    expect(await verifier.verify('tsk_a')).toMatchObject({ apiKeyId: 'k' });
    known = false;
    now += 4999;
    expect(await verifier.verify('tsk_a')).toMatchObject({ apiKeyId: 'k' });
    now += 1;
    expect(await verifier.verify('tsk_a')).toBeNull();
    expect(calls).toBe(2);
  });
});
