import { DomainError } from '@travel/platform';
import { z } from 'zod';
import type { HoldStatus } from '../db/schema.js';

/** How long a hold reserves what it holds, unless extended. */
export const HOLD_TTL_MS = 15 * 60 * 1000;
/** No hold lives longer than this after it was made, however often it is extended. */
export const MAX_HOLD_LIFETIME_MS = 60 * 60 * 1000;

export interface HoldLike {
  status: HoldStatus;
  expiresAt: Date;
  createdAt: Date;
}

/** What the API shows: an active hold past its expiry is expired even before the sweeper marks it. */
export function effectiveStatus(hold: Pick<HoldLike, 'status' | 'expiresAt'>, now: Date): HoldStatus {
  return hold.status === 'active' && hold.expiresAt <= now ? 'expired' : hold.status;
}

/** Throws the typed error for a hold that can no longer be acted on: HOLD_EXPIRED when it ran out, HOLD_NOT_ACTIVE otherwise. */
export function assertActive(hold: HoldLike, now: Date, field = 'holdId'): void {
  const status = effectiveStatus(hold, now);
  if (status === 'expired') throw new DomainError('HOLD_EXPIRED', 'The hold has expired', field);
  if (status !== 'active') throw new DomainError('HOLD_NOT_ACTIVE', `Hold is ${status}`, field);
}

export const extendHoldInput = z.object({
  holdId: z.string(),
  minutes: z
    .number()
    .int()
    .min(1, { error: 'minutes must be at least 1' })
    .max(HOLD_TTL_MS / 60_000, { error: `minutes must be at most ${HOLD_TTL_MS / 60_000}` })
    .nullish(),
});

/**
 * The new expiry of an extended hold: `minutes` from now, but never past
 * MAX_HOLD_LIFETIME_MS after it was made. Extending one that ran out is
 * HOLD_EXPIRED; one already at its limit is CONFLICT.
 */
export function extendedExpiry(hold: HoldLike, now: Date, minutes: number | null | undefined): Date {
  assertActive(hold, now);
  const wanted = now.getTime() + (minutes ?? HOLD_TTL_MS / 60_000) * 60_000;
  const limit = hold.createdAt.getTime() + MAX_HOLD_LIFETIME_MS;
  const next = Math.min(wanted, limit);
  if (next <= hold.expiresAt.getTime()) {
    throw new DomainError('CONFLICT', `The hold cannot be extended past ${new Date(limit).toISOString()}`, 'holdId');
  }
  return new Date(next);
}
