import { createServer, type Server } from 'node:http';
import { closeServer, listen, localUrl, type ApiKeyScope } from '@travel/platform';
import type { VerifiedApiKey } from '../src/auth/api-keys.js';

export interface FakeCustomer {
  url: string;
  /** Verify calls that reached it (the router's cache keeps this low). */
  verifyCalls: number;
  issue(orgId: string, scopes: ApiKeyScope[]): { key: string; apiKeyId: string };
  revoke(key: string): void;
  stop(): Promise<void>;
}

/** Customer's POST /internal/api-keys/verify, and nothing else, for the router's credential tests. */
export async function startFakeCustomer(internalSecret: string): Promise<FakeCustomer> {
  const keys = new Map<string, VerifiedApiKey>();
  const state = { verifyCalls: 0 };
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url !== '/internal/api-keys/verify' || req.headers.authorization !== `Bearer ${internalSecret}`) {
        res.writeHead(401).end();
        return;
      }
      state.verifyCalls += 1;
      const found = keys.get((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key: string }).key);
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(found ?? { error: 'unknown or revoked key' }));
    });
  });
  const port = await listen(http, 0, '127.0.0.1');
  let n = 0;
  return Object.assign(state, {
    url: `${localUrl('127.0.0.1', port)}`,
    issue: (orgId: string, scopes: ApiKeyScope[]) => {
      n += 1;
      const key = `tsk_fake_${n}_${Math.random().toString(36).slice(2)}`;
      const apiKeyId = crypto.randomUUID();
      keys.set(key, { apiKeyId, orgId, scopes });
      return { key, apiKeyId };
    },
    revoke: (key: string) => {
      keys.delete(key);
    },
    stop: () => closeServer(http),
  });
}
