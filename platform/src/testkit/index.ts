import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { signInternalIdentity, IDENTITY_HEADER, type Viewer } from '../auth/identity.js';
import type { Clock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { openPglite } from '../db/database.js';
import { createRuntime, type ProcessRuntime } from '../runtime.js';

/**
 * Configuration for a test process: the machine's PostgreSQL and Redis when
 * DATABASE_URL / REDIS_URL are set (CI), otherwise in-memory PGlite and the
 * in-process bus. Every port is 0 and Redis keys get a namespace of their own.
 */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    HOST: '127.0.0.1',
    ROUTER_PORT: '0',
    WEB_PORT: '0',
    INVENTORY_PORT: '0',
    BOOKING_PORT: '0',
    CUSTOMER_PORT: '0',
    POLICY_PORT: '0',
    PAYMENT_PORT: '0',
    ANALYTICS_PORT: '0',
    REDIS_NAMESPACE: `test-${randomUUID().slice(0, 8)}`,
    SEED_DEMO_DATA: 'false',
    ...overrides,
  });
}

/**
 * A process runtime for tests. On PostgreSQL it gets a database of its own
 * (created here, dropped on close): test processes running at once would
 * otherwise share outbox tables, and one process's relay would publish
 * another's events into its own Redis namespace. On PGlite the database is
 * in memory. `runtime.config.DATABASE_URL` names the database to hand to
 * child processes.
 */
export async function createTestRuntime(base: Config = testConfig(), clock?: Clock): Promise<ProcessRuntime> {
  const pglite = base.DATABASE_URL ? undefined : await openPglite();
  const isolated = base.DATABASE_URL ? await createIsolatedDatabase(base.DATABASE_URL, base.REDIS_NAMESPACE) : undefined;
  const config = isolated ? { ...base, DATABASE_URL: isolated.url } : base;
  const runtime = await createRuntime(config, { name: 'test', ...(clock ? { clock } : {}), ...(pglite ? { database: pglite } : {}) });
  const close = runtime.close;
  return {
    ...runtime,
    close: async () => {
      await close();
      await pglite?.close();
      await isolated?.drop();
      await deleteNamespace(config);
    },
  };
}

async function createIsolatedDatabase(url: string, namespace: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = namespace.replace(/[^a-z0-9]/g, '_');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const isolated = new URL(url);
  isolated.pathname = `/${name}`;
  return {
    url: isolated.toString(),
    drop: async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

async function deleteNamespace(config: Config): Promise<void> {
  if (!config.REDIS_URL) return;
  const redis = new Redis(config.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.REDIS_NAMESPACE}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Headers that make a direct subgraph request look as if the router verified `viewer`. */
export async function routerHeaders(config: Config, viewer: Viewer | null): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signInternalIdentity(viewer, config.INTERNAL_SECRET) };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs one GraphQL operation and returns the parsed body and HTTP status. */
export async function gqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as GraphQLResponse<T>), status: response.status };
}

/** A unique, readable suffix for slugs and emails so tests never collide. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${opts.what ?? 'condition'}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}

/** A TCP port that was free a moment ago (for child processes, which cannot report a port-0 bind back). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
