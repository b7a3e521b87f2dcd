import type { Logger, Worker } from '@travel/platform';

/** Anything with holds that run out: seats, rooms, package places. */
export interface Expirer {
  expireDue(): Promise<number>;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 5000;

/**
 * Marks holds that ran out as expired and announces it. Availability never
 * waits for this (it counts only unexpired holds), so a crashed or late
 * sweeper leaves no seat, room or place blocked; it only tidies up.
 */
export class HoldSweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly expirers: Expirer[],
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
    let expired = 0;
    for (const expirer of this.expirers) expired += await expirer.expireDue();
    if (expired > 0) this.logger.info({ expired }, 'expired holds');
    return expired;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
