import type { Clock, Logger, NewEvent, UnitOfWork, Viewer, Worker } from '@travel/platform';

export const DEFAULT_SEARCH_FLUSH_MS = 5000;
/** Distinct org/route pairs held before a flush is started early, so a burst cannot grow the buffer without bound. */
const MAX_BUFFERED_ROUTES = 5000;

const IATA = /^[A-Z]{3}$/;

/**
 * Counts flight searches in memory and publishes them as one
 * inventory.search.performed per organization every few seconds, so a
 * search never waits on a database write. Analytics uses them for the top
 * of the booking funnel. Counts of a window that fails to publish are
 * dropped (logged): they are statistics, not state. Searches without a
 * signed-in organization are not counted.
 */
export class SearchEvents implements Worker {
  private counts = new Map<string, Map<string, number>>();
  private routes = 0;
  private windowStart: Date;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly uow: Pick<UnitOfWork, 'run'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: { flushIntervalMs?: number } = {},
  ) {
    this.windowStart = clock.now();
  }

  /** Called after a search answered; never throws and never waits. */
  record(viewer: Viewer | null, input: unknown): void {
    const { origin, destination } = (input ?? {}) as { origin?: unknown; destination?: unknown };
    if (!viewer || typeof origin !== 'string' || typeof destination !== 'string') return;
    const route = `${origin.toUpperCase()}-${destination.toUpperCase()}`;
    if (!IATA.test(route.slice(0, 3)) || !IATA.test(route.slice(4))) return;
    const perOrg = this.counts.get(viewer.orgId) ?? new Map<string, number>();
    if (!perOrg.has(route)) this.routes += 1;
    perOrg.set(route, (perOrg.get(route) ?? 0) + 1);
    this.counts.set(viewer.orgId, perOrg);
    if (this.routes >= MAX_BUFFERED_ROUTES) void this.flush();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushIntervalMs ?? DEFAULT_SEARCH_FLUSH_MS);
    this.timer.unref();
  }

  /** Publishes what was counted since the last flush (one transaction, one event per organization). */
  flush(): Promise<void> {
    if (this.counts.size === 0) return this.flushing;
    const counts = this.counts;
    const windowStart = this.windowStart;
    const windowEnd = this.clock.now();
    this.counts = new Map();
    this.routes = 0;
    this.windowStart = windowEnd;
    const events: NewEvent<'inventory.search.performed'>[] = [...counts].map(([orgId, perOrg]) => ({
      type: 'inventory.search.performed',
      orgId,
      aggregateId: orgId,
      payload: {
        kind: 'flight',
        windowStart: windowStart.toISOString(),
        windowEnd: windowEnd.toISOString(),
        routes: [...perOrg].map(([route, count]) => ({ origin: route.slice(0, 3), destination: route.slice(4), count })),
      },
    }));
    this.flushing = this.flushing
      .then(() => this.uow.run(({ emit }) => emit(events)))
      .catch((error: unknown) => this.logger.warn({ err: error, organizations: events.length }, 'search counts not published; dropped'));
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
