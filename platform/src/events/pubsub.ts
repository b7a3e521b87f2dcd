import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * Live updates for subscriptions. Best effort: a dropped message is fine,
 * the database stays the source of truth.
 */
export interface PubSub {
  publish(channel: string, payload: unknown): Promise<void>;
  /** An iterator of messages; `return()` unsubscribes. Buffers at most `bufferSize`, dropping the oldest. */
  subscribe<T>(channel: string, options?: { bufferSize?: number }): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

function iterate<T>(on: (listener: (message: T) => void) => () => void, bufferSize: number): AsyncIterableIterator<T> {
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  const off = on((message) => {
    if (done) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: message, done: false });
      return;
    }
    buffer.push(message);
    if (buffer.length > bufferSize) buffer.shift();
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      off();
      buffer.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: (error?: unknown) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, payload: unknown): Promise<void> {
    this.emitter.emit(channel, payload);
  }

  subscribe<T>(channel: string, options: { bufferSize?: number } = {}): AsyncIterableIterator<T> {
    return iterate<T>((listener) => {
      this.emitter.on(channel, listener);
      return () => this.emitter.off(channel, listener);
    }, options.bufferSize ?? 100);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Redis Pub/Sub: one subscriber connection per process, channels reference-counted. */
export class RedisPubSub implements PubSub {
  private readonly local = new InProcessPubSub();
  private readonly counts = new Map<string, number>();
  private readonly subscriber: Redis;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly namespace: string,
  ) {
    this.subscriber = redis.duplicate();
    this.subscriber.on('message', (key: string, raw: string) => {
      const channel = key.slice(namespace.length + 1);
      try {
        void this.local.publish(channel, JSON.parse(raw));
      } catch (error) {
        this.logger.warn({ err: error, channel }, 'dropped malformed pub/sub message');
      }
    });
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.redis.publish(`${this.namespace}:${channel}`, JSON.stringify(payload));
  }

  subscribe<T>(channel: string, options: { bufferSize?: number } = {}): AsyncIterableIterator<T> {
    const count = this.counts.get(channel) ?? 0;
    this.counts.set(channel, count + 1);
    if (count === 0) void this.subscriber.subscribe(`${this.namespace}:${channel}`).catch((error) => this.logger.warn({ err: error, channel }, 'subscribe failed'));
    const inner = this.local.subscribe<T>(channel, options);
    const release = () => {
      const left = (this.counts.get(channel) ?? 1) - 1;
      if (left > 0) this.counts.set(channel, left);
      else {
        this.counts.delete(channel);
        void this.subscriber.unsubscribe(`${this.namespace}:${channel}`).catch(() => {});
      }
    };
    let released = false;
    return {
      next: () => inner.next(),
      return: async () => {
        if (!released) {
          released = true;
          release();
        }
        return inner.return!();
      },
      throw: async (error?: unknown) => {
        if (!released) {
          released = true;
          release();
        }
        return inner.throw!(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.local.close();
  }
}
