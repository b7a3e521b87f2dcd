import { PeriodicWorker, type Clock, type Logger } from '@travel/platform';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import type { SignInThrottleRepository } from './sign-in-throttle.repository.js';

export const DEFAULT_SESSION_SWEEP_INTERVAL_MS = 60_000;

/**
 * Deletes refresh tokens past their expiry and throttle rows whose window and
 * lock are over. Nothing depends on it running (expired tokens are refused
 * by their expiry); it keeps the tables small.
 */
export class SessionSweeper extends PeriodicWorker {
  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly clock: Clock,
    private readonly failureWindowSeconds: number,
    logger: Logger,
    options: { intervalMs?: number } = {},
  ) {
    super(logger, options.intervalMs ?? DEFAULT_SESSION_SWEEP_INTERVAL_MS, 'session sweep');
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
}
