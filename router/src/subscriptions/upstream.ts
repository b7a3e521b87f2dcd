import { IDENTITY_HEADER } from '@travel/platform';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gql } from './graphql-runtime.js';

export interface UpstreamRequest {
  /** The subgraph's HTTP GraphQL URL; its graphql-ws endpoint is the same path over ws(s). */
  url: string;
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** Signs a fresh identity statement for every (re)connection: statements are short-lived. */
  identity: () => Promise<string>;
  retryAttempts: number;
  maxRetryWaitMs: number;
}

/** One message of the upstream stream as the subgraph sent it. */
export type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface UpstreamSink {
  next(event: UpstreamEvent): void;
  /** The connection dropped after it had been up; events published meanwhile are lost. */
  interrupted(): void;
  error(errors: GraphQLError[]): void;
  complete(): void;
}

export function wsUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * One subscription to a subgraph over graphql-ws, with its own connection so
 * that the identity it carries is the one of the watchers it serves. When the
 * subgraph goes away the client reconnects with backoff and subscribes again;
 * the sink hears `interrupted` so the next event can say events were missed.
 */
export function openUpstream(request: UpstreamRequest, sink: UpstreamSink): () => void {
  let connectedOnce = false;
  let disposed = false;
  const client = createClient({
    url: wsUrl(request.url),
    webSocketImpl: WebSocket,
    lazy: true,
    connectionParams: async () => ({ [IDENTITY_HEADER]: await request.identity() }),
    retryAttempts: request.retryAttempts,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(request.maxRetryWaitMs, 100 * 2 ** retries))),
    on: {
      connected: () => {
        connectedOnce = true;
      },
      closed: () => {
        if (connectedOnce && !disposed) sink.interrupted();
      },
    },
  });
  const unsubscribe = client.subscribe(
    { query: request.query, variables: request.variables, ...(request.operationName ? { operationName: request.operationName } : {}) },
    {
      next: (event) => {
        if (!disposed) sink.next(event);
      },
      error: (error) => {
        if (disposed) return;
        disposed = true;
        sink.error(upstreamErrors(error));
        void client.dispose();
      },
      complete: () => {
        if (disposed) return;
        disposed = true;
        sink.complete();
        void client.dispose();
      },
    },
  );
  return () => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    void client.dispose();
  };
}

/** The sink's error is GraphQL errors from the subgraph, or the close event / error that ended retrying. */
function upstreamErrors(error: unknown): GraphQLError[] {
  if (Array.isArray(error)) {
    return error.map((e: { message?: unknown; extensions?: Record<string, unknown> }) =>
      new gql.GraphQLError(typeof e.message === 'string' ? e.message : 'Upstream subscription failed', e.extensions ? { extensions: e.extensions } : {}),
    );
  }
  const reason = typeof error === 'object' && error !== null && 'code' in error ? `connection closed (${String((error as { code: unknown }).code)})` : String(error);
  return [new gql.GraphQLError(`Upstream subscription unavailable: ${reason}`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } })];
}
