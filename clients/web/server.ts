import express, { type ErrorRequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ViteDevServer } from 'vite';

export interface WebServerOptions {
  /** Port to listen on; 0 picks a free one (see the returned url). */
  port: number;
  host: string;
  /** The router's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql; /graphql (HTTP and WebSocket) is proxied there. */
  routerUrl: string;
  /**
   * 'production' serves the built dist/ (run `pnpm --filter @travel/web build` first);
   * 'development' serves the sources through Vite. Default: 'production' when
   * NODE_ENV is production and dist/ is built, else 'development'.
   */
  mode?: 'development' | 'production';
  /** Folder of the built client (default: clients/web/dist). */
  distDir?: string;
}

export interface WebServer {
  /** Where the page is, with the real port (e.g. http://127.0.0.1:53211). */
  url: string;
  /** Closes Vite, open connections (WebSockets included) and the server. */
  stop(): Promise<void>;
}

/** The path the browser sends GraphQL to, on the page's own origin. */
const GRAPHQL_PATH = '/graphql';
const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(WEB_ROOT, 'dist');

/**
 * Serves the web client and proxies /graphql (HTTP and graphql-ws upgrades) to
 * the router, so the browser talks to one origin: no CORS, no router URL in
 * the bundle.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const dist = opts.distDir ?? DIST;
  const built = existsSync(join(dist, 'index.html'));
  const mode = opts.mode ?? (process.env['NODE_ENV'] === 'production' && built ? 'production' : 'development');
  if (mode === 'production' && !built) throw new Error(`${dist} has no build; run \`pnpm --filter @travel/web build\` first`);
  const router = new URL(opts.routerUrl);

  const app = express();
  app.disable('x-powered-by');
  const server = createHttpServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: router.origin,
    changeOrigin: true,
    pathFilter: (pathname) => pathname === GRAPHQL_PATH,
    // Keep the query string (GET queries), swap the path for the router's.
    pathRewrite: (path) => router.pathname + path.slice(GRAPHQL_PATH.length),
    // Replaces the default plain-text error answer with a GraphQL-shaped one.
    on: {
      error: (error, _req, res) => {
        if ('writeHead' in res) {
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ errors: [{ message: 'The GraphQL router is unreachable', extensions: { code: 'ROUTER_UNAVAILABLE' } }] }));
          }
        } else {
          res.destroy(error);
        }
      },
    },
  });
  app.use(proxy);
  // The proxy reports failures to next() after answering them above.
  const proxyErrors: ErrorRequestHandler = (error, _req, res, next) => (res.headersSent ? undefined : next(error));
  app.use(proxyErrors);
  // Vite (development) listens for its own HMR upgrades on this server; /graphql upgrades are the router's.
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === GRAPHQL_PATH) proxy.upgrade(req, socket, head);
  });

  let vite: ViteDevServer | undefined;
  if (mode === 'production') {
    app.use(
      express.static(dist, {
        index: false,
        // Vite fingerprints everything under assets/, so those never change; index.html is always revalidated.
        setHeaders: (res, path) => {
          if (path.startsWith(join(dist, 'assets'))) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // SPA fallback: page addresses (no file extension) get index.html; missing files stay 404.
    app.use((req, res, next) => {
      const page = (req.method === 'GET' || req.method === 'HEAD') && extname(req.path) === '' && req.accepts('html');
      if (page) res.sendFile(join(dist, 'index.html'));
      else next();
    });
  } else {
    const { createServer } = await import('vite');
    vite = await createServer({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      appType: 'spa',
      logLevel: 'warn',
      server: { middlewareMode: true, hmr: { server } },
    });
    app.use(vite.middlewares);
  }

  try {
    await listen(server, opts.port, opts.host);
  } catch (error) {
    await vite?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${displayHost(opts.host)}:${port}`,
    stop() {
      stopping ??= (async () => {
        await vite?.close();
        const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return stopping;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A host a browser can open: wildcard binds are reached through localhost; IPv6 literals need brackets. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
