import type { ExecutionResult } from 'graphql';
import { EVENTS_MAY_HAVE_BEEN_MISSED } from './limits.js';

/**
 * What one subscriber reads: a bounded queue in front of the socket. The
 * graphql-ws server pulls the next result only after the previous one was
 * written, so a slow client leaves results here; past `capacity` the oldest
 * are dropped and the next one delivered says so. `return()` (client
 * `complete` or socket closed) ends the stream at once, even while a read is
 * pending, and detaches it from its shared upstream.
 */
export class SubscriberStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly buffer: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | undefined;
  private missed = false;
  private ended = false;
  private closed = false;
  dropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly onClose: () => void,
  ) {}

  /** Queues a result; `mayHaveMissed` marks that something before it was lost upstream. */
  push(result: ExecutionResult, mayHaveMissed = false): void {
    if (this.ended || this.closed) return;
    if (mayHaveMissed) this.missed = true;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ value: this.mark(result), done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.buffer.shift();
      this.dropped += 1;
      this.missed = true;
    }
    this.buffer.push(result);
  }

  /** No more results will come (upstream completed or failed); what is queued is still delivered. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const waiting = this.waiting;
    if (waiting && this.buffer.length === 0) {
      this.waiting = undefined;
      this.close();
      waiting({ value: undefined, done: true });
    }
  }

  get size(): number {
    return this.buffer.length;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const head = this.buffer.shift();
    if (head) return Promise.resolve({ value: this.mark(head), done: false });
    if (this.ended || this.closed) {
      this.close();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.buffer.length = 0;
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    this.close();
    waiting?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }

  private mark(result: ExecutionResult): ExecutionResult {
    if (!this.missed) return result;
    this.missed = false;
    return { ...result, extensions: { ...result.extensions, [EVENTS_MAY_HAVE_BEEN_MISSED]: true } };
  }
}
