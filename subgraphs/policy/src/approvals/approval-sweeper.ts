import { PeriodicWorker, type Logger } from '@travel/platform';

export const DEFAULT_APPROVAL_SWEEP_INTERVAL_MS = 30_000;

/**
 * Acts on missed approval deadlines in the subgraph process. Deadlines are
 * read from the service's clock, so tests move the clock and call `sweep`
 * instead of waiting.
 */
export class ApprovalSweeper extends PeriodicWorker {
  constructor(
    private readonly approvals: { sweepDue(): Promise<number> },
    logger: Logger,
    options: { intervalMs?: number | undefined } = {},
  ) {
    super(logger, options.intervalMs ?? DEFAULT_APPROVAL_SWEEP_INTERVAL_MS, 'approval sweep');
  }

  /** One pass; returns how many missed deadlines were acted on. */
  async sweep(): Promise<number> {
    const handled = await this.approvals.sweepDue();
    if (handled > 0) this.logger.info({ handled }, 'acted on missed approval deadlines');
    return handled;
  }
}
