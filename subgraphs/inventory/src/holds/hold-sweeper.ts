import { PeriodicWorker, type Logger } from '@travel/platform';

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
export class HoldSweeper extends PeriodicWorker {
  constructor(
    private readonly expirers: Expirer[],
    logger: Logger,
    options: { intervalMs?: number } = {},
  ) {
    super(logger, options.intervalMs ?? DEFAULT_SWEEP_INTERVAL_MS, 'hold sweep');
  }

  /** One pass; returns how many holds expired. */
  async sweep(): Promise<number> {
    let expired = 0;
    for (const expirer of this.expirers) expired += await expirer.expireDue();
    if (expired > 0) this.logger.info({ expired }, 'expired holds');
    return expired;
  }
}
