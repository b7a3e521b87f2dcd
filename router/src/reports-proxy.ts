import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { IDENTITY_HEADER, type Config, type Logger } from '@travel/platform';
import type { Express } from 'express';
import type { CredentialVerifier } from './auth/credentials.js';
import { identityForRequest } from './auth/request-identity.js';

const REPORT_FILE = /^[a-z][a-z-]*\.csv$/;
/** Response headers of the analytics export worth passing on to the caller. */
const PASSED_HEADERS = ['content-type', 'content-disposition'];

/**
 * GET /reports/<name>.csv on the router: the caller authenticates as for
 * /graphql (bearer token or API key), the router signs the identity and
 * streams analytics' CSV through without buffering it, so a download URL
 * works for clients that only know the router.
 */
export function reportsProxy(app: Express, deps: { analyticsGraphqlUrl: () => string; credentials: CredentialVerifier; config: Pick<Config, 'INTERNAL_SECRET'>; logger: Logger }): void {
  app.get('/reports/:file', async (req, res) => {
    const file = String(req.params['file']);
    if (!REPORT_FILE.test(file)) {
      res.status(404).json({ errors: [{ code: 'NOT_FOUND', message: 'Reports are at /reports/<name>.csv' }] });
      return;
    }
    const identity = await identityForRequest(req, res, deps);
    if (!identity) return;
    // Beside analytics' /graphql, wherever that is mounted; looked up per request, as subgraphs may start after the router.
    const target = new URL(`reports/${file}`, deps.analyticsGraphqlUrl().replace(/graphql\/?$/, ''));
    target.search = new URL(req.originalUrl, 'http://router').search;
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    try {
      const upstream = await fetch(target, { headers: { [IDENTITY_HEADER]: identity }, signal: aborted.signal });
      res.status(upstream.status);
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      if (!upstream.body) {
        res.end();
        return;
      }
      await pipeline(Readable.fromWeb(upstream.body as WebReadableStream<Uint8Array>), res);
    } catch (error) {
      if (aborted.signal.aborted) return;
      deps.logger.warn({ err: error, file }, 'report export through the router failed');
      if (res.headersSent) res.destroy(error as Error);
      else res.status(502).json({ errors: [{ code: 'BAD_GATEWAY', message: 'Analytics did not answer' }] });
    }
  });
}
