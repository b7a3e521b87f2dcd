import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { DomainEvent } from './catalog.js';

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * Durable, at-least-once delivery of domain events to consumer groups.
 * Every group sees every event of the streams it reads; within a group each
 * event is handled by one consumer. Handlers must be idempotent by event id.
 */
export interface EventBus {
  publish(stream: string, events: DomainEvent[]): Promise<void>;
  subscribe(opts: { group: string; streams: string[]; handler: EventHandler }): Promise<Subscription>;
  close(): Promise<void>;
}

/**
 * The embedded bus: publishing awaits every group's handler, so the relay
 * marks an outbox row published only once all consumers have handled it.
 * Publishing waits until `open()` so that no event passes before every
 * subgraph in the process has registered its consumers.
 */
export class InProcessEventBus implements EventBus {
  private readonly groups = new Map<string, Map<string, EventHandler>>();
  private opened!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));

  constructor(private readonly logger: Logger) {}

  open(): void {
    this.opened();
  }

  async publish(stream: string, events: DomainEvent[]): Promise<void> {
    await this.gate;
    const handlers = [...(this.groups.get(stream)?.values() ?? [])];
    const failures: unknown[] = [];
    for (const event of events) {
      for (const handler of handlers) {
        try {
          await handler(event);
        } catch (error) {
          failures.push(error);
          this.logger.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed; the event will be redelivered');
        }
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} handler(s) failed on ${stream}`);
  }

  async subscribe(opts: { group: string; streams: string[]; handler: EventHandler }): Promise<Subscription> {
    for (const stream of opts.streams) {
      const byGroup = this.groups.get(stream) ?? new Map<string, EventHandler>();
      byGroup.set(opts.group, opts.handler);
      this.groups.set(stream, byGroup);
    }
    return {
      stop: async () => {
        for (const stream of opts.streams) this.groups.get(stream)?.delete(opts.group);
      },
    };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}

const MAX_STREAM_LENGTH = 1_000_000;

/**
 * Redis Streams with consumer groups. Entries are acknowledged after the
 * handler succeeds; entries left pending by a failed handler or a dead
 * process are reclaimed by XAUTOCLAIM after `reclaimIdleMs`.
 */
export class RedisStreamsEventBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly options: { namespace: string; blockMs?: number; reclaimIdleMs?: number; batchSize?: number },
  ) {}

  private key(stream: string): string {
    return `${this.options.namespace}:${stream}`;
  }

  async publish(stream: string, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const event of events) pipeline.xadd(this.key(stream), 'MAXLEN', '~', MAX_STREAM_LENGTH, '*', 'event', JSON.stringify(event));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async subscribe(opts: { group: string; streams: string[]; handler: EventHandler }): Promise<Subscription> {
    const streams = opts.streams.map((s) => this.key(s));
    const blockMs = this.options.blockMs ?? 1000;
    const reclaimIdleMs = this.options.reclaimIdleMs ?? 15_000;
    const batch = this.options.batchSize ?? 100;
    for (const stream of streams) {
      try {
        await this.redis.xgroup('CREATE', stream, opts.group, '0', 'MKSTREAM');
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) throw error;
      }
    }
    const reader = this.redis.duplicate();
    const consumer = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    let running = true;

    const handle = async (stream: string, id: string, fields: string[]) => {
      const raw = fields[fields.indexOf('event') + 1];
      if (raw === undefined) {
        await this.redis.xack(stream, opts.group, id);
        return;
      }
      try {
        await opts.handler(JSON.parse(raw) as DomainEvent);
        await this.redis.xack(stream, opts.group, id);
      } catch (error) {
        this.logger.error({ err: error, stream, id, group: opts.group }, 'event handler failed; left pending for redelivery');
      }
    };

    const reclaim = async () => {
      for (const stream of streams) {
        const [, entries] = (await this.redis.xautoclaim(stream, opts.group, consumer, reclaimIdleMs, '0', 'COUNT', batch)) as [string, [string, string[]][]];
        for (const [id, fields] of entries) if (fields) await handle(stream, id, fields);
      }
    };

    const loop = async () => {
      let lastReclaim = 0;
      while (running) {
        try {
          if (Date.now() - lastReclaim > reclaimIdleMs / 3) {
            lastReclaim = Date.now();
            await reclaim();
          }
          const response = (await reader.xreadgroup(
            'GROUP', opts.group, consumer, 'COUNT', batch, 'BLOCK', blockMs, 'STREAMS', ...streams, ...streams.map(() => '>'),
          )) as [string, [string, string[]][]][] | null;
          for (const [stream, entries] of response ?? []) {
            for (const [id, fields] of entries) await handle(stream, id, fields);
          }
        } catch (error) {
          if (!running) break;
          this.logger.warn({ err: error, group: opts.group }, 'stream read failed; retrying');
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };
    const done = loop();
    const subscription: Subscription = {
      stop: async () => {
        running = false;
        reader.disconnect();
        await done;
        this.subscriptions.delete(subscription);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }
}
