import type { Logger } from '../logger.js';
import type { Worker } from './subgraph-server.js';

/**
 * A pass of tidy-up work run every `intervalMs` in a subgraph process
 * (expiring holds, deleting spent tokens, acting on missed deadlines).
 * A slow pass is not overlapped by the next tick; the tick after it picks up
 * what is left, and a failed pass is logged and tried again. Tests call
 * `sweep` directly after moving their clock.
 */
export abstract class PeriodicWorker implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  protected constructor(
    protected readonly logger: Logger,
    private readonly intervalMs: number,
    /** What a pass does, for the log line of a failed one. */
    private readonly what: string,
  ) {}

  /** One pass; returns how many things it handled. */
  abstract sweep(): Promise<number>;

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.what} failed; will retry`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
