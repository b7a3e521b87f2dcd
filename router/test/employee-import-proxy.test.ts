import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { closeServer, createLogger, IDENTITY_HEADER, listen, ServiceDirectory, signAccessToken, verifyInternalIdentity, type Config, type Viewer } from '@travel/platform';
import { testConfig } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYEE_IMPORT_PATH } from '../src/employee-import-proxy.js';
import { RouterServer } from '../src/server.js';
import { startFakeSupergraph, type FakeSupergraph } from './fake-subgraphs.js';

describe('POST /imports/employees.csv through the router', () => {
  let config: Config;
  let fake: FakeSupergraph;
  let router: RouterServer;
  let customer: Server;
  const received: { viewer: Viewer | null; body: string; path: string }[] = [];

  beforeAll(async () => {
    config = testConfig();
    fake = await startFakeSupergraph(config);
    // Stands in for customer's import route: records who it was told is calling and what arrived.
    customer = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const viewer = await verifyInternalIdentity(req.headers[IDENTITY_HEADER] as string | undefined, config.INTERNAL_SECRET);
      received.push({ viewer, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ created: 1 }));
    });
    const port = await listen(customer, 0, '127.0.0.1');
    const directory = new ServiceDirectory({ ...fake.urls(), customer: `http://127.0.0.1:${port}/graphql` });
    router = new RouterServer({ config, directory, supergraphSdl: fake.supergraphSdl, logger: createLogger(config, 'router') });
    await router.start(0);
  });
  afterAll(async () => {
    await router?.stop();
    await fake?.stop();
    if (customer?.listening) await closeServer(customer);
  });

  it('verifies the bearer token, then streams the CSV to customer with the signed identity', async () => {
    const admin: Viewer = { personId: randomUUID(), orgId: randomUUID(), roles: ['travel_admin'] };
    const csv = 'email,name\nada@example.com,Ada\n';
    const res = await fetch(router.url.replace(/\/graphql$/, EMPLOYEE_IMPORT_PATH), {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await signAccessToken(admin, config.JWT_SECRET, 300)}` },
      body: csv,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 1 });
    expect(received.at(-1)).toEqual({ viewer: admin, body: csv, path: EMPLOYEE_IMPORT_PATH });
  });

  it('refuses a bad token with 401 and never calls customer', async () => {
    const before = received.length;
    const res = await fetch(router.url.replace(/\/graphql$/, EMPLOYEE_IMPORT_PATH), { method: 'POST', headers: { authorization: 'Bearer nonsense' }, body: 'email,name\n' });
    expect(res.status).toBe(401);
    expect(received.length).toBe(before);
  });
});
