import { IDENTITY_HEADER, type Config, type Logger, type ServiceDirectory } from '@travel/platform';
import type { Express } from 'express';
import type { CredentialVerifier } from './auth/credentials.js';
import { identityForRequest } from './auth/request-identity.js';

export const EMPLOYEE_IMPORT_PATH = '/imports/employees.csv';

/**
 * Passes POST /imports/employees.csv on to the customer subgraph, which owns
 * the import: the caller is verified here exactly as for /graphql and
 * customer gets the signed identity statement. The CSV body is streamed
 * through, not buffered, so a 10,000-row file costs the router no memory.
 */
export function mountEmployeeImportProxy(app: Express, deps: { config: Pick<Config, 'INTERNAL_SECRET'>; credentials: CredentialVerifier; directory: ServiceDirectory; logger: Logger }): void {
  app.post(EMPLOYEE_IMPORT_PATH, async (req, res) => {
    const identity = await identityForRequest(req, res, deps);
    if (!identity) return;
    try {
      const target = new URL(EMPLOYEE_IMPORT_PATH, deps.directory.url('customer'));
      const upstream = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': req.header('content-type') ?? 'text/csv', [IDENTITY_HEADER]: identity },
        body: req,
        duplex: 'half',
      });
      res.status(upstream.status).type(upstream.headers.get('content-type') ?? 'application/json');
      res.send(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      deps.logger.error({ err: error }, 'employee import proxy failed');
      if (!res.headersSent) res.status(502).json({ errors: [{ code: 'BAD_GATEWAY', message: 'The customer subgraph did not answer' }] });
    }
  });
}
