import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

export const ROLES = ['traveler', 'arranger', 'approver', 'travel_admin', 'finance', 'platform_admin', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** What a partner API key may be used for; a signed-in person is not limited by scopes. */
export const API_KEY_SCOPES = ['inventory_read', 'bookings_read', 'bookings_write', 'analytics_read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A verified caller. `null` stands for an anonymous request. */
export interface Viewer {
  /** The person; for an API key, the key's id (it matches no person). */
  personId: string;
  orgId: string;
  roles: Role[];
  /** Set only for API keys: what the key may do. */
  scopes?: ApiKeyScope[];
  /** Set only for API keys. */
  apiKeyId?: string;
}

/** The header the router sets on every subgraph request; subgraphs trust nothing else. */
export const IDENTITY_HEADER = 'x-travel-identity';

const ACCESS_AUDIENCE = 'travel-supergraph';
const INTERNAL_AUDIENCE = 'travel-subgraphs';
const ISSUER = 'travel-supergraph';
const INTERNAL_TTL_SECONDS = 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

function toViewer(payload: { sub?: string; org?: unknown; roles?: unknown; scopes?: unknown; kid?: unknown }): Viewer | null {
  if (!payload.sub || typeof payload.org !== 'string' || !Array.isArray(payload.roles)) return null;
  const roles = payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string));
  const viewer: Viewer = { personId: payload.sub, orgId: payload.org, roles };
  if (typeof payload.kid === 'string' && Array.isArray(payload.scopes)) {
    viewer.apiKeyId = payload.kid;
    viewer.scopes = payload.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s as string));
  }
  return viewer;
}

/** Claims of the internal statement; API key callers also carry their key id and scopes. */
function viewerClaims(viewer: Viewer): Record<string, unknown> {
  const claims: Record<string, unknown> = { org: viewer.orgId, roles: viewer.roles };
  if (viewer.apiKeyId) Object.assign(claims, { kid: viewer.apiKeyId, scopes: viewer.scopes ?? [] });
  return claims;
}

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
  }
}

/**
 * Issues the short-lived access token a user presents to the router. `now`
 * comes from the issuer's clock, so tests can move time instead of waiting.
 */
export async function signAccessToken(viewer: Viewer, secret: string, ttlSeconds: number, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ org: viewer.orgId, roles: viewer.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer.personId)
    .setIssuer(ISSUER)
    .setAudience(ACCESS_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(key(secret));
}

export async function verifyAccessToken(token: string, secret: string, now?: Date): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer: ISSUER,
      audience: ACCESS_AUDIENCE,
      algorithms: ['HS256'],
      ...(now ? { currentDate: now } : {}),
    });
    const viewer = toViewer(payload);
    if (!viewer) throw new InvalidTokenError('token has no identity');
    return viewer;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('access token expired', true);
    throw new InvalidTokenError('access token invalid');
  }
}

/** The router's signed statement of who is calling; `null` viewer for anonymous requests. */
export async function signInternalIdentity(viewer: Viewer | null, secret: string): Promise<string> {
  const jwt = viewer ? new SignJWT(viewerClaims(viewer)).setSubject(viewer.personId) : new SignJWT({ anon: true });
  return jwt
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TTL_SECONDS}s`)
    .sign(key(secret));
}

/** Verifies the router's statement; throws when it is missing, forged or stale. */
export async function verifyInternalIdentity(token: string | undefined, secret: string): Promise<Viewer | null> {
  if (!token) throw new InvalidTokenError('request did not come through the router');
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: INTERNAL_AUDIENCE, algorithms: ['HS256'] });
    if (payload['anon'] === true) return null;
    const viewer = toViewer(payload);
    if (!viewer) throw new InvalidTokenError('identity statement malformed');
    return viewer;
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError('identity statement invalid');
  }
}
