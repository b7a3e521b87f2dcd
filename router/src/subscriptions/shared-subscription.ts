import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Logger } from '@travel/platform';
import type { RouterContext } from '../context.js';
import type { EventExecutor } from './event-executor.js';
import type { SubscriptionPlan } from './planner.js';
import { SubscriberStream } from './subscriber-stream.js';
import type { UpstreamSink, UpstreamEvent } from './upstream.js';
import { gql } from './graphql-runtime.js';

export interface SharedSubscriptionOptions {
  key: string;
  plan: SubscriptionPlan;
  variables: Record<string, unknown>;
  executor: EventExecutor;
  /** Context of the entity fetches: the watchers' shared scope, identity signed fresh per event. */
  context: () => Promise<RouterContext>;
  /** Opens the primary upstream; returns how to close it. */
  open: (sink: UpstreamSink) => () => void;
  /** A state-style stream: a watcher joining late first gets the latest result instead of waiting for a change. */
  replayLatest: boolean;
  queueSize: number;
  pendingEvents: number;
  logger: Logger;
  /** Called once, when the last watcher left or the upstream ended. */
  onEnd: () => void;
}

/**
 * Every watcher of one (document, variables, scope): one upstream stream, and
 * for each event one run of the plan's entity fetches whose result is queued
 * to each watcher. Events are processed in order; if they arrive faster than
 * the entity fetches complete, the oldest waiting ones are dropped and the
 * next result is marked, so a burst cannot grow memory without bound.
 *
 * Subgraph subscriptions here send the current state first, then every new
 * state; a watcher that joins a stream already running would never see that
 * first state, so it gets the latest result at once (unless the root field is
 * declared an event stream, where an old event would be misleading).
 */
export class SharedSubscription {
  private readonly watchers = new Set<SubscriberStream>();
  private readonly pending: UpstreamEvent[] = [];
  private closeUpstream: (() => void) | undefined;
  private missed = false;
  private draining = false;
  private finished = false;
  private terminal: { errors?: GraphQLError[] } | undefined;
  private latest: ExecutionResult | undefined;
  eventsProcessed = 0;

  constructor(private readonly options: SharedSubscriptionOptions) {}

  get watcherCount(): number {
    return this.watchers.size;
  }

  /** Adds a watcher; the first one opens the upstream. */
  watch(): SubscriberStream {
    const stream = new SubscriberStream(this.options.queueSize, () => this.leave(stream));
    this.watchers.add(stream);
    if (this.latest) stream.push(this.latest);
    if (!this.closeUpstream) {
      this.closeUpstream = this.options.open({
        next: (event) => this.enqueue(event),
        interrupted: () => {
          this.missed = true;
        },
        error: (errors) => this.finish({ errors }),
        complete: () => this.finish({}),
      });
    }
    return stream;
  }

  private leave(stream: SubscriberStream): void {
    this.watchers.delete(stream);
    if (this.watchers.size === 0) this.end();
  }

  private enqueue(event: UpstreamEvent): void {
    if (this.pending.length >= this.options.pendingEvents) {
      this.pending.shift();
      this.missed = true;
    }
    this.pending.push(event);
    if (!this.draining) void this.drain();
  }

  private finish(terminal: { errors?: GraphQLError[] }): void {
    this.terminal = terminal;
    this.closeUpstream = () => {};
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      for (let event = this.pending.shift(); event && !this.finished; event = this.pending.shift()) {
        const result = await this.execute(event);
        this.eventsProcessed += 1;
        if (this.options.replayLatest && !result.errors) this.latest = result;
        const mayHaveMissed = this.missed;
        this.missed = false;
        for (const watcher of this.watchers) watcher.push(result, mayHaveMissed);
      }
      if (this.terminal && !this.finished) {
        const { errors } = this.terminal;
        for (const watcher of this.watchers) {
          if (errors) watcher.push({ errors });
          watcher.end();
        }
        this.end();
      }
    } finally {
      this.draining = false;
    }
  }

  private async execute(event: UpstreamEvent): Promise<ExecutionResult> {
    try {
      return await this.options.executor.run(this.options.plan, event, this.options.variables, await this.options.context());
    } catch (error) {
      this.options.logger.error({ err: error, key: this.options.key }, 'subscription event execution failed');
      return { data: null, errors: [new gql.GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
    }
  }

  /** Closes the upstream and the watchers; used when the last watcher leaves and on router shutdown. */
  end(): void {
    if (this.finished) return;
    this.finished = true;
    this.pending.length = 0;
    this.closeUpstream?.();
    for (const watcher of this.watchers) watcher.end();
    this.options.onEnd();
  }
}
