import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startWebServer, type WebServer } from '../server';

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/**
 * Stands in for the router: answers POST /graphql with JSON, and acknowledges
 * graphql-ws connections on /graphql.
 */
async function startFakeRouter(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
    if (req.method === 'POST' && req.url === '/graphql') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { viewer: { id: 'p-1', name: 'Ada Traveler' } } }));
    } else {
      res.writeHead(404).end();
    }
  });
  const sockets = new WebSocketServer({ server, path: '/graphql' });
  sockets.on('connection', (socket, req) => {
    received.push({ method: 'WS', url: req.url ?? '', authorization: undefined, body: socket.protocol });
    socket.on('message', (message) => {
      const { type } = JSON.parse(String(message)) as { type: string };
      if (type === 'connection_init') socket.send(JSON.stringify({ type: 'connection_ack' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve, reject) => sockets.close((e) => (e ? reject(e) : resolve())));
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

describe('startWebServer', () => {
  let router: Awaited<ReturnType<typeof startFakeRouter>>;
  let web: WebServer;

  beforeAll(async () => {
    router = await startFakeRouter();
    web = await startWebServer({ port: 0, host: '127.0.0.1', routerUrl: router.url, mode: 'development' });
  });

  afterAll(async () => {
    await web?.stop();
    await router?.close();
  });

  it('listens on the real port when asked for port 0', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(web.url).not.toMatch(/:0$/);
  });

  it('serves the page with the root element and the client entry', async () => {
    const res = await fetch(`${web.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('/src/main.tsx');
  });

  it('falls back to the page for client-side routes', async () => {
    const res = await fetch(`${web.url}/flights/search`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"></div>');
  });

  it('proxies POST /graphql to the router with the body and headers', async () => {
    const query = '{ viewer { id name } }';
    const res = await fetch(`${web.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0ken' },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { id: 'p-1', name: 'Ada Traveler' } } });
    const last = router.received.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/graphql', authorization: 'Bearer t0ken' });
    expect(JSON.parse(last?.body ?? '{}')).toEqual({ query });
  });

  it('proxies graphql-ws WebSocket upgrades on /graphql to the router', async () => {
    const socket = new WebSocket(`${web.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    try {
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      expect(socket.protocol).toBe('graphql-transport-ws');
      const ack = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
      socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      expect(await ack).toEqual({ type: 'connection_ack' });
      expect(router.received.at(-1)).toMatchObject({ method: 'WS', url: '/graphql', body: 'graphql-transport-ws' });
    } finally {
      socket.close();
    }
  });

  it('answers 502 with a GraphQL error when the router is down', async () => {
    const down = await startFakeRouter();
    await down.close();
    const orphan = await startWebServer({ port: 0, host: '127.0.0.1', routerUrl: down.url, mode: 'development' });
    try {
      const res = await fetch(`${orphan.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'ROUTER_UNAVAILABLE' } }] });
    } finally {
      await orphan.stop();
    }
  });
});

describe('startWebServer in production mode', () => {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  const distDir = mkdtempSync(join(tmpdir(), 'travel-web-dist-'));
  let router: Awaited<ReturnType<typeof startFakeRouter>>;
  let web: WebServer;

  beforeAll(async () => {
    await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir: distDir, emptyOutDir: true } });
    router = await startFakeRouter();
    web = await startWebServer({ port: 0, host: '127.0.0.1', routerUrl: router.url, mode: 'production', distDir });
  });

  afterAll(async () => {
    await web?.stop();
    await router?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('serves the built page, its hashed assets and the SPA fallback, and still proxies /graphql', async () => {
    const html = await (await fetch(`${web.url}/`)).text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${web.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const deep = await fetch(`${web.url}/flights/search`, { headers: { accept: 'text/html' } });
    expect(await deep.text()).toBe(html);
    expect((await fetch(`${web.url}/assets/missing.js`, { headers: { accept: '*/*' } })).status).toBe(404);

    const res = await fetch(`${web.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { id } }"}' });
    expect(await res.json()).toEqual({ data: { viewer: { id: 'p-1', name: 'Ada Traveler' } } });
  });
});
