import { createHash } from 'node:crypto';
import { signInternalIdentity, type Logger, type Viewer } from '@travel/platform';
import type { DocumentNode } from 'graphql';
import type { RouterContext } from '../context.js';
import type { EventExecutor } from './event-executor.js';
import type { SubscriptionLimits } from './limits.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner.js';
import { SharedSubscription } from './shared-subscription.js';
import type { SubscriberStream } from './subscriber-stream.js';
import { openUpstream } from './upstream.js';
import { gql } from './graphql-runtime.js';

export interface SubscribeRequest {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  viewer: Viewer | null;
}

export interface SubscriptionStats {
  /** Upstream subscriptions open now (one per shared key). */
  upstreamOpen: number;
  /** Upstream subscriptions opened since start. */
  upstreamOpened: number;
  /** Subscribers attached now, over all keys. */
  watchers: number;
}

/** How long a signed identity is reused for a shared subscription's entity fetches; statements live 60 s. */
const IDENTITY_REUSE_MS = 20_000;

/**
 * Who may share a stream: same organization, same roles and (for API keys)
 * same scopes see the same data, so their events and entity fetches are
 * computed once. The person or key is not part of it, except for personal
 * fields (a person's own approvals), whose upstream speaks for the one person
 * who opened it.
 */
export function authScope(viewer: Viewer | null, personal = false): string {
  if (!viewer) return 'anonymous';
  const scopes = viewer.scopes ? `|key:${[...viewer.scopes].sort().join(',')}` : '';
  const shared = `${viewer.orgId}|${[...viewer.roles].sort().join(',')}${scopes}`;
  // A personal field's upstream is opened with the first watcher's identity, so only that same person may share it.
  return personal ? `${shared}|${viewer.personId}` : shared;
}

function rootField(plan: SubscriptionPlan): string {
  const first = plan.operationContext.operation.selectionSet.selections[0];
  return first?.kind === 'Field' ? first.name.value : '';
}

/** Variables in a canonical form, so that key order does not split a shared stream. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The router's subscription executor: plans each subscription, and attaches
 * the subscriber to the shared stream of its key (document, operation name,
 * variables, auth scope), opening the upstream on the subgraph that owns the
 * root field when it is the first.
 */
export class SubscriptionHub {
  private readonly shared = new Map<string, SharedSubscription>();
  private opened = 0;

  constructor(
    private readonly deps: {
      planner: SubscriptionPlanner;
      executor: EventExecutor;
      subgraphUrl: (name: string) => string;
      internalSecret: string;
      limits: SubscriptionLimits;
      /** Root fields whose messages are events rather than states: late joiners get no replay of the latest one. */
      eventStreamFields: ReadonlySet<string>;
      /** Root fields whose payload depends on the person watching: streams are shared per person (stream-fields.ts). */
      personalFields: ReadonlySet<string>;
      logger: Logger;
    },
  ) {}

  subscribe(request: SubscribeRequest): SubscriberStream {
    const plan = this.deps.planner.plan(request.document, request.operationName);
    const scope = authScope(request.viewer, this.deps.personalFields.has(rootField(plan)));
    const key = createHash('sha256')
      .update(`${request.operationName ?? ''}\n${gql.print(request.document)}\n${canonical(request.variables)}\n${scope}`)
      .digest('hex');
    let shared = this.shared.get(key);
    if (!shared) {
      const { limits, logger, executor, internalSecret } = this.deps;
      const viewer = request.viewer;
      let signed: { identity: string; at: number } | undefined;
      const identity = async (): Promise<string> => {
        if (!signed || Date.now() - signed.at > IDENTITY_REUSE_MS) signed = { identity: await signInternalIdentity(viewer, internalSecret), at: Date.now() };
        return signed.identity;
      };
      const primaryVariables = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in request.variables).map((name) => [name, request.variables[name]]));
      const url = this.deps.subgraphUrl(plan.primary.serviceName);
      const created: SharedSubscription = new SharedSubscription({
        key,
        plan,
        variables: request.variables,
        executor,
        context: async (): Promise<RouterContext> => ({ viewer, identity: await identity() }),
        open: (sink) => {
          this.opened += 1;
          return openUpstream(
            {
              url,
              query: plan.primary.operation,
              operationName: plan.primary.operationName,
              variables: primaryVariables,
              identity: () => signInternalIdentity(viewer, internalSecret),
              retryAttempts: limits.upstreamRetryAttempts,
              maxRetryWaitMs: limits.upstreamMaxRetryWaitMs,
            },
            sink,
          );
        },
        replayLatest: !this.deps.eventStreamFields.has(rootField(plan)),
        queueSize: limits.queueSize,
        pendingEvents: limits.pendingEvents,
        logger,
        onEnd: () => {
          if (this.shared.get(key) === created) this.shared.delete(key);
        },
      });
      shared = created;
      this.shared.set(key, shared);
    }
    return shared.watch();
  }

  stats(): SubscriptionStats {
    let watchers = 0;
    for (const shared of this.shared.values()) watchers += shared.watcherCount;
    return { upstreamOpen: this.shared.size, upstreamOpened: this.opened, watchers };
  }

  /** Ends every stream: watchers get `complete`, upstreams are closed. */
  close(): void {
    for (const shared of [...this.shared.values()]) shared.end();
    this.shared.clear();
  }
}

