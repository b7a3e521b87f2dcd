import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { signInternalIdentity, type Config, type Viewer } from '@travel/platform';
import type { CredentialFailure, CredentialVerifier, PresentedCredentials } from './auth/credentials.js';

/** Per-request state of the router: who is calling, and the signed statement forwarded to subgraphs. */
export interface RouterContext {
  viewer: Viewer | null;
  identity: string;
}

/**
 * Verifies the caller once, at the edge (see auth/credentials.ts). A refused
 * caller gets 401 UNAUTHENTICATED, a partner over its key's budget 429
 * RATE_LIMITED with Retry-After.
 */
export async function createRouterContext(presented: PresentedCredentials, credentials: CredentialVerifier, config: Pick<Config, 'INTERNAL_SECRET'>): Promise<RouterContext> {
  const result = await credentials.verify(presented);
  if (!result.ok) throw credentialError(result);
  return { viewer: result.viewer, identity: await signInternalIdentity(result.viewer, config.INTERNAL_SECRET) };
}

function credentialError(failure: CredentialFailure): GraphQLError {
  if (failure.kind === 'rate_limited') {
    const headers = new HeaderMap([['retry-after', String(failure.retryAfterSeconds)]]);
    return new GraphQLError(failure.message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: failure.retryAfterSeconds, http: { status: 429, headers } } });
  }
  return new GraphQLError(failure.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
