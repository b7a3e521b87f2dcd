import { GraphQLError } from 'graphql';
import { InvalidTokenError, signInternalIdentity, verifyAccessToken, type Config, type Viewer } from '@travel/platform';

/** Per-request state of the router: who is calling, and the signed statement forwarded to subgraphs. */
export interface RouterContext {
  viewer: Viewer | null;
  identity: string;
}

/**
 * Verifies the caller once, at the edge. An absent Authorization header is an
 * anonymous caller (public catalog queries, signIn); a bad one is rejected
 * outright rather than silently downgraded to anonymous.
 */
export async function createRouterContext(authorization: string | undefined, config: Pick<Config, 'JWT_SECRET' | 'INTERNAL_SECRET'>): Promise<RouterContext> {
  let viewer: Viewer | null = null;
  if (authorization) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Authorization must be "Bearer <access token>"');
    try {
      viewer = await verifyAccessToken(token, config.JWT_SECRET);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(error.expired ? 'Access token expired; sign in again' : 'Access token invalid');
      throw error;
    }
  }
  return { viewer, identity: await signInternalIdentity(viewer, config.INTERNAL_SECRET) };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
