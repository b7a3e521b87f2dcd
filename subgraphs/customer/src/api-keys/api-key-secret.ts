import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so leaked keys are easy to recognise in logs and by secret scanners. */
export const API_KEY_PREFIX = 'tsk_';
const VISIBLE_CHARS = 8;

export interface GeneratedApiKey {
  /** The whole key, shown to the admin once and never stored. */
  secret: string;
  /** The first characters, kept so admins can tell keys apart. */
  prefix: string;
  secretHash: string;
}

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * 32 random bytes make the key unguessable, so a fast hash is enough (no
 * password-style stretching) and lookup is by the hash itself.
 */
export function generateApiKey(): GeneratedApiKey {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, API_KEY_PREFIX.length + VISIBLE_CHARS), secretHash: hashApiKey(secret) };
}
