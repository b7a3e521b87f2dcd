import type { Logger, Worker } from '@travel/platform';
import type { HoldsService } from './holds.service.js';

export const DEFAULT_SWEEP_INTERVAL_MS = 5000;

/** Expires holds that ran out, so their seats show as free and their bookings hear about it. */
export class HoldSweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly holds: HoldsService,
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
        .catch((error: unknown) => this.logger.warn({ err: error }, 'hold sweep failed; will retry'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS);
  }

  /** One pass; returns how many holds expired. */
  async sweep(): Promise<number> {
    const expired = await this.holds.expireDue();
    if (expired > 0) this.logger.info({ expired }, 'expired holds');
    return expired;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
