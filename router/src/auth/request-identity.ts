import type { Config } from '@travel/platform';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createRouterContext } from '../context.js';
import type { CredentialVerifier } from './credentials.js';

/**
 * The signed identity statement for a plain HTTP route of the router (CSV
 * import and export): the caller's bearer token or API key is verified
 * exactly as for /graphql. Answers the refusal itself (401, or 429 with the
 * error's code) and returns null then.
 */
export async function identityForRequest(
  req: Request,
  res: Response,
  deps: { credentials: CredentialVerifier; config: Pick<Config, 'INTERNAL_SECRET'> },
): Promise<string | null> {
  try {
    const presented = { authorization: req.header('authorization'), apiKey: req.header('x-api-key') };
    return (await createRouterContext(presented, deps.credentials, deps.config)).identity;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const http = error.extensions['http'] as { status?: number } | undefined;
    const code = typeof error.extensions['code'] === 'string' ? error.extensions['code'] : 'UNAUTHENTICATED';
    res.status(http?.status ?? 401).json({ errors: [{ code, message: error.message }] });
    return null;
  }
}
