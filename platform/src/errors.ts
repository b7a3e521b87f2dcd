import { GraphQLError } from 'graphql';
import type { ApiKeyScope, Role, Viewer } from './auth/identity.js';

/** Every code a mutation payload may carry; mirrored by the `ErrorCode` enum in the common SDL. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'INSUFFICIENT_INVENTORY',
  'SEAT_TAKEN',
  'HOLD_EXPIRED',
  'HOLD_NOT_ACTIVE',
  'INVALID_TRANSITION',
  'IDEMPOTENCY_CONFLICT',
  'POLICY_BLOCKED',
  'POLICY_NOT_EVALUATED',
  'INVALID_RULE',
  'PAYMENT_DECLINED',
  'PAYMENT_REQUIRES_ACTION',
  'QUOTE_EXPIRED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'ACCOUNT_LOCKED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure (no seats left, illegal transition, bad input). Services
 * throw it; resolvers turn it into `errors` on the mutation payload, so it is
 * data for the client rather than an exception.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export interface UserError {
  code: ErrorCode;
  message: string;
  field: string | null;
}

/** Runs a mutation body and maps a DomainError onto `{ errors }`; anything else stays an exception. */
export async function payload<T extends object>(fn: () => Promise<T>): Promise<Partial<T> & { errors: UserError[] }> {
  try {
    return { ...(await fn()), errors: [] };
  } catch (error) {
    if (error instanceof DomainError) {
      const failed: Partial<T> = {};
      return { ...failed, errors: [{ code: error.code, message: error.message, field: error.field }] };
    }
    throw error;
  }
}

/*
 * Field-level errors carry no HTTP status: a subgraph answering 401 would make
 * the router discard the whole fetch instead of passing the typed error on.
 */
export function unauthenticated(message = 'Sign in first'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'Not allowed'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** The signed-in caller, or an UNAUTHENTICATED error. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** The caller, who must hold one of `roles`. */
export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!v.roles.some((r) => roles.includes(r))) throw forbidden(`Requires one of: ${roles.join(', ')}`);
  return v;
}

/**
 * Refuses an API key that lacks `scope`. People signed in with a token carry
 * no scopes and pass; anonymous callers pass too (the field decides whether
 * it needs a viewer), so this composes with requireViewer/requireRole.
 */
export function requireScope(viewer: Viewer | null, scope: ApiKeyScope): void {
  if (viewer?.scopes && !viewer.scopes.includes(scope)) throw forbidden(`API key lacks scope ${scope.toUpperCase()}`);
}
