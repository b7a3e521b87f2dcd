import type { Logger, Worker } from '@travel/platform';

export const DEFAULT_APPROVAL_SWEEP_INTERVAL_MS = 30_000;

/**
 * Acts on missed approval deadlines in the subgraph process. Deadlines are
 * read from the service's clock, so tests move the clock and call `sweep`
 * instead of waiting.
 */
export class ApprovalSweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly approvals: { sweepDue(): Promise<number> },
    private readonly logger: Logger,
    private readonly options: { intervalMs?: number } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // A slow pass is not overlapped by the next tick; the next tick after it picks up what is left.
      if (this.running) return;
      this.running = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'approval sweep failed; will retry'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? DEFAULT_APPROVAL_SWEEP_INTERVAL_MS);
  }

  /** One pass; returns how many missed deadlines were acted on. */
  async sweep(): Promise<number> {
    const handled = await this.approvals.sweepDue();
    if (handled > 0) this.logger.info({ handled }, 'acted on missed approval deadlines');
    return handled;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
