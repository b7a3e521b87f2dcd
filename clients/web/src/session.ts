import { useSyncExternalStore } from 'react';

/** The signed-in state kept for this browser tab (sessionStorage: gone when the tab closes). */
export interface Session {
  accessToken: string;
  /** ISO instant after which the router no longer accepts the token. */
  expiresAt: string;
}

const KEY = 'travel.session';
const MAX_TIMEOUT_MS = 2_147_483_647;
const listeners = new Set<() => void>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { accessToken, expiresAt } = value as Record<string, unknown>;
  return typeof accessToken === 'string' && typeof expiresAt === 'string' && !Number.isNaN(Date.parse(expiresAt));
}

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (isSession(value) && Date.parse(value.expiresAt) > Date.now()) return value;
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled or corrupt: treat as signed out.
  }
  return null;
}

/** Snapshot kept in memory so useSyncExternalStore sees a stable value between changes. */
let current: Session | null = read();
scheduleExpiry();

function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  if (!current) return;
  const ms = Math.min(Date.parse(current.expiresAt) - Date.now(), MAX_TIMEOUT_MS);
  expiryTimer = setTimeout(() => session.clear(), Math.max(ms, 0));
}

function changed(): void {
  current = read();
  scheduleExpiry();
  for (const listener of listeners) listener();
}

export const session = {
  /** The current session, or null when signed out; cleared by itself when the token expires. */
  get(): Session | null {
    return current;
  },
  /** Bearer token for the Authorization header, if signed in. */
  token(): string | undefined {
    return current?.accessToken;
  },
  set(value: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(value));
    changed();
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
    changed();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

/** The current session, re-rendering on sign-in, sign-out and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, () => null);
}
