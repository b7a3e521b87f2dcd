import { createHash } from 'node:crypto';
import { DomainError, type Executor } from '@travel/platform';
import { z } from 'zod';
import type { BookingRow } from '../db/schema.js';
import type { BookingsRepository } from './bookings.repository.js';
import type { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

export const OPERATIONS = {
  create: 'createBookingDraft',
  confirm: 'confirmBooking',
  cancel: 'cancelBooking',
  change: 'changeBookingSegment',
} as const;
export type Operation = (typeof OPERATIONS)[keyof typeof OPERATIONS];

export const idempotencyKeyInput = z
  .string({ error: 'idempotencyKey is required' })
  .min(8, { error: 'idempotencyKey needs at least 8 characters' })
  .max(255, { error: 'idempotencyKey takes at most 255 characters' });

/** Fingerprint of a request: the parsed input, so whitespace or defaulted fields do not make two equal requests differ. */
export function requestHash(operation: Operation, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([operation, input])).digest('hex');
}

/**
 * Keys are per organization and operation. The same key with the same input
 * returns the booking the first request produced, as it is now; with another
 * input it is IDEMPOTENCY_CONFLICT. A refused request stores no key, so the
 * client can fix the cause and retry with the same key.
 */
export class Idempotency {
  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly bookings: BookingsRepository,
  ) {}

  /** The booking a key already produced, if it did; a reused key with other input is refused. */
  async replay(orgId: string, operation: Operation, key: string, hash: string, db?: Executor): Promise<BookingRow | undefined> {
    const row = await this.keys.find(orgId, operation, key, db);
    if (!row) return undefined;
    if (row.requestHash !== hash) {
      throw new DomainError('IDEMPOTENCY_CONFLICT', 'This idempotency key was already used with a different request', 'idempotencyKey');
    }
    const [booking] = await this.bookings.findByIds(orgId, [row.bookingId], db);
    return booking;
  }

  /** Inside the transaction: waits for any other holder of the key, then replays what it did. */
  async lockAndReplay(tx: Executor, orgId: string, operation: Operation, key: string, hash: string): Promise<BookingRow | undefined> {
    await this.keys.lock(orgId, operation, key, tx);
    return this.replay(orgId, operation, key, hash, tx);
  }

  /** Stores the key with the request's result, in the transaction that produced it. */
  async remember(tx: Executor, values: { orgId: string; operation: Operation; key: string; hash: string; bookingId: string; at: Date }): Promise<void> {
    await this.keys.claim(
      { orgId: values.orgId, operation: values.operation, key: values.key, requestHash: values.hash, bookingId: values.bookingId, createdAt: values.at },
      tx,
    );
  }
}
