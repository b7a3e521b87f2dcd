import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createLogger, IDENTITY_HEADER, ServiceDirectory, signAccessToken, verifyInternalIdentity, type Config, type Viewer } from '@travel/platform';
import { testConfig } from '@travel/platform/testkit';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RouterServer } from '../src/server.js';
import { readSupergraphSdl } from '../src/supergraph.js';

/** A stand-in for analytics' export route: answers with who asked (from the signed identity) and what. */
function fakeAnalytics(config: Config) {
  const app = express();
  app.get('/reports/:file', async (req, res) => {
    const viewer = await verifyInternalIdentity(req.header(IDENTITY_HEADER), config.INTERNAL_SECRET).catch(() => null);
    if (!viewer) {
      res.status(401).json({ errors: [{ code: 'UNAUTHENTICATED' }] });
      return;
    }
    res.status(200).type('text/csv; charset=utf-8').attachment(String(req.params['file']));
    // Written in pieces, as the bookings export streams its pages.
    res.write(`org_id,file,from\r\n`);
    res.end(`${viewer.orgId},${req.params['file']},${String(req.query['from'])}\r\n`);
  });
  return createServer(app);
}

describe('router /reports/*.csv', () => {
  const config = testConfig();
  let analytics: Server;
  let router: RouterServer;

  beforeAll(async () => {
    analytics = fakeAnalytics(config);
    await new Promise<void>((resolve) => analytics.listen(0, '127.0.0.1', resolve));
    const port = (analytics.address() as { port: number }).port;
    router = new RouterServer({
      config,
      // Only analytics answers; the others are never reached by these requests.
      directory: new ServiceDirectory({
        ...Object.fromEntries(['inventory', 'booking', 'customer', 'policy', 'payment'].map((name) => [name, 'http://127.0.0.1:9/graphql'])),
        analytics: `http://127.0.0.1:${port}/graphql`,
      }),
      supergraphSdl: readSupergraphSdl(),
      logger: createLogger(config, 'router'),
    });
    await router.start(0, '127.0.0.1');
  });
  afterAll(async () => {
    await router?.stop();
    await new Promise((resolve) => analytics.close(resolve));
  });

  const base = () => new URL(router.url).origin;

  it("streams analytics' CSV with the caller's identity and query", async () => {
    const viewer: Viewer = { personId: randomUUID(), orgId: randomUUID(), roles: ['finance'] };
    const token = await signAccessToken(viewer, config.JWT_SECRET, 300);
    const res = await fetch(`${base()}/reports/spend.csv?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('spend.csv');
    expect(await res.text()).toBe(`org_id,file,from\r\n${viewer.orgId},spend.csv,2026-01-01T00:00:00Z\r\n`);
  });

  it('refuses a bad token itself, passes an anonymous caller on for analytics to refuse, and serves only .csv names', async () => {
    const bad = await fetch(`${base()}/reports/spend.csv`, { headers: { authorization: 'Bearer nonsense' } });
    expect(bad.status).toBe(401);
    const anonymous = await fetch(`${base()}/reports/spend.csv`);
    expect(anonymous.status).toBe(401);
    const other = await fetch(`${base()}/reports/..%2Fgraphql`);
    expect(other.status).toBe(404);
  });
});
