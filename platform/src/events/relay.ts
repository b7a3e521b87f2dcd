import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { EventBus } from './bus.js';
import { streamOf } from './catalog.js';
import type { Outbox } from './outbox.js';

/**
 * Moves committed outbox rows to the bus. Woken right after a commit that
 * wrote events, and polls as a fallback for rows left by a process that died
 * between commit and publish. A row is marked published only after the bus
 * accepted it, so a crash means a redelivery, never a loss.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly options: { pollMs?: number; batchSize?: number; leaseMs?: number } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Ask for a pass now; passes never overlap. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain()
      .catch((error) => this.logger.warn({ err: error }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.options.pollMs ?? 1000);
        }
      });
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    for (;;) {
      const events = await this.outbox.claimBatch(this.db, batchSize, this.options.leaseMs ?? 30_000);
      if (events.length === 0) return;
      await this.bus.publish(streamOf(this.outbox.source), events);
      await this.outbox.markPublished(this.db, events.map((e) => e.id));
      if (events.length < batchSize || this.stopped) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
