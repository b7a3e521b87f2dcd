/** Bounds of the router's subscription execution; the defaults are what the router runs with. */
export interface SubscriptionLimits {
  /** Active subscriptions one graphql-ws connection may hold; more are refused with SUBSCRIPTION_LIMIT_REACHED. */
  maxPerConnection: number;
  /** Results buffered per subscriber that has not read them yet; beyond it the oldest are dropped. */
  queueSize: number;
  /** Upstream events waiting for their entity fetches, per shared subscription; beyond it the oldest are dropped. */
  pendingEvents: number;
  /** Reconnection attempts to a subgraph that went away before the watchers are told the stream failed. */
  upstreamRetryAttempts: number;
  /** Longest wait between two reconnection attempts. */
  upstreamMaxRetryWaitMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxPerConnection: 100,
  queueSize: 64,
  pendingEvents: 64,
  upstreamRetryAttempts: 30,
  upstreamMaxRetryWaitMs: 2000,
};

/**
 * The extension a payload carries when the subscriber may not have seen every
 * state before it: the upstream stream was interrupted (subgraph restart) or
 * this subscriber read too slowly and older results were dropped. A client
 * that needs every change refetches on seeing it; availability-style
 * payloads carry the full current state, so the next one is enough.
 */
export const EVENTS_MAY_HAVE_BEEN_MISSED = 'eventsMayHaveBeenMissed';
