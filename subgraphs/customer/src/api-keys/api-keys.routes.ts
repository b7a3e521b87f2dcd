import { timingSafeEqual } from 'node:crypto';
import express, { type Express } from 'express';
import type { ApiKeysService } from './api-keys.service.js';

/** The path the router posts `{ key }` to; see router/src/auth/api-keys.ts. */
export const VERIFY_API_KEY_PATH = '/internal/api-keys/verify';

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only the router may ask: it authenticates with `Authorization: Bearer
 * <INTERNAL_SECRET>`. 200 with the key's organization and scopes, 404 for an
 * unknown or revoked key (the router caches neither answer for long).
 */
export function apiKeyRoutes(app: Express, service: ApiKeysService, internalSecret: string): void {
  app.post(VERIFY_API_KEY_PATH, express.json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const [scheme, token] = (req.header('authorization') ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !sameSecret(token, internalSecret)) {
        res.status(401).json({ error: 'unauthenticated' });
        return;
      }
      const key: unknown = (req.body as { key?: unknown } | undefined)?.key;
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
        res.status(400).json({ error: 'key required' });
        return;
      }
      const verified = await service.verify(key);
      if (!verified) {
        res.status(404).json({ error: 'unknown or revoked key' });
        return;
      }
      res.json(verified);
    } catch (error) {
      next(error);
    }
  });
}
