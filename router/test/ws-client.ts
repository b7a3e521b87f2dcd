import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T> {
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

/** One operation's messages as a graphql-ws client saw them. */
export interface Watch<T> {
  received: Received<T>[];
  /** Error sink: GraphQL errors of the operation, or the close event that ended the connection. */
  failure: unknown;
  completed: boolean;
  stop(): void;
}

/** A graphql-ws client of the router; `token` goes in connection_init as the Authorization value. */
export function routerClient(routerUrl: string, token?: string): Client {
  return createClient({
    url: routerUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
}

export function watch<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Watch<T> {
  const state: Omit<Watch<T>, 'stop'> = { received: [], failure: undefined, completed: false };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        state.received.push({ data: message.data, errors: message.errors as Received<T>['errors'], extensions: message.extensions as Record<string, unknown> | undefined });
      },
      error: (error) => {
        state.failure = error;
      },
      complete: () => {
        state.completed = true;
      },
    },
  );
  return Object.assign(state, { stop });
}

/** Resolves when `check` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function within<T>(timeoutMs: number, what: string, check: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
