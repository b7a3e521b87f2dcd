import type { Clock, Logger, Worker } from '@travel/platform';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import type { SignInThrottleRepository } from './sign-in-throttle.repository.js';

export const DEFAULT_SESSION_SWEEP_INTERVAL_MS = 60_000;

/**
 * Deletes refresh tokens past their expiry and throttle rows whose window and
 * lock are over. Nothing depends on it running (expired tokens are refused
 * by their expiry); it keeps the tables small.
 */
export class SessionSweeper implements Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly clock: Clock,
    private readonly failureWindowSeconds: number,
    private readonly logger: Logger,
    private readonly options: { intervalMs?: number } = {},
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'session sweep failed; will retry'))
        .finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? DEFAULT_SESSION_SWEEP_INTERVAL_MS);
  }

  /** One pass; returns how many refresh tokens were deleted. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let deleted = 0;
    for (let batch = await this.refreshTokens.deleteExpired(now); batch > 0; batch = await this.refreshTokens.deleteExpired(now)) deleted += batch;
    await this.throttle.deleteStale(now, this.failureWindowSeconds);
    if (deleted > 0) this.logger.info({ deleted }, 'deleted expired refresh tokens');
    return deleted;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
