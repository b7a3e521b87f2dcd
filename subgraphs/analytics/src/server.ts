import { fileURLToPath } from 'node:url';
import { createEventing, SubgraphServer, type Clock, type DomainEvent, type EventConsumer, type EventHandlers, type SubgraphRuntime, type WorkScope } from '@travel/platform';
import { BenchmarksRepository } from './benchmarks/benchmarks.repository.js';
import { BenchmarksService } from './benchmarks/benchmarks.service.js';
import { BudgetsRepository } from './budgets/budgets.repository.js';
import { BudgetsService } from './budgets/budgets.service.js';
import { createContext, type AnalyticsContext } from './context.js';
import * as tables from './db/schema.js';
import { exportRoutes } from './export/export.routes.js';
import { ForecastRepository } from './forecast/forecast.repository.js';
import { ForecastService } from './forecast/forecast.service.js';
import { ActivityRepository } from './projections/activity.repository.js';
import { EventLogRepository } from './projections/event-log.repository.js';
import { PROJECTED_EVENTS, Projector } from './projections/projector.js';
import { ReportsRepository } from './reports/reports.repository.js';
import { ReportsService } from './reports/reports.service.js';
import { resolvers } from './resolvers.js';
import { typeDefs } from './schema.js';
import { SpendRepository } from './spend/spend.repository.js';
import { SpendService } from './spend/spend.service.js';

export { typeDefs, resolvers };

export interface AnalyticsServices {
  clock: Clock;
  repositories: { spend: SpendRepository; activity: ActivityRepository; log: EventLogRepository; reports: ReportsRepository };
  spend: SpendService;
  reports: ReportsService;
  budgets: BudgetsService;
  benchmarks: BenchmarksService;
  forecast: ForecastService;
  projector: Projector;
  /** Rebuilds one organization's projections from the event log; returns the number of events replayed. */
  rebuild(orgId: string): Promise<number>;
}

export type AnalyticsServer = SubgraphServer<AnalyticsContext, AnalyticsServices>;

/** Every event type analytics projects, each logged once and applied by the projector. */
function analyticsConsumer(projector: Projector): EventConsumer {
  const handle = (event: DomainEvent, { tx }: WorkScope) => projector.consume(event, tx);
  const handlers: EventHandlers = Object.fromEntries(PROJECTED_EVENTS.map((type) => [type, handle]));
  return { from: ['booking', 'payment', 'policy', 'inventory'], handlers };
}

/** Analytics: an event log and the projections built from it (spend, trips, emissions, compliance, funnel, revenue). */
export function createAnalyticsServer(runtime: SubgraphRuntime): AnalyticsServer {
  const eventing = createEventing(runtime, 'analytics', tables);
  const logger = runtime.logger.child({ subgraph: 'analytics' });
  const repositories = {
    spend: new SpendRepository(runtime.db),
    activity: new ActivityRepository(runtime.db),
    log: new EventLogRepository(runtime.db),
    reports: new ReportsRepository(runtime.db),
  };
  const projector = new Projector(repositories, logger.child({ component: 'projector' }));
  const reports = new ReportsService(repositories.reports, runtime.clock);
  const services: AnalyticsServices = {
    clock: runtime.clock,
    repositories,
    spend: new SpendService(repositories.spend),
    reports,
    budgets: new BudgetsService(new BudgetsRepository(runtime.db), repositories.reports, eventing.uow, runtime.clock),
    benchmarks: new BenchmarksService(new BenchmarksRepository(runtime.db), eventing.uow, runtime.clock),
    forecast: new ForecastService(new ForecastRepository(runtime.db), runtime.clock),
    projector,
    rebuild: (orgId) => projector.rebuild(eventing.uow, orgId),
  };
  return new SubgraphServer(runtime, {
    name: 'analytics',
    dbSchema: 'analytics',
    migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
    typeDefs,
    resolvers,
    eventing,
    services,
    context: (base) => createContext(base, services),
    consumers: [analyticsConsumer(projector)],
    routes: exportRoutes({
      services,
      repository: repositories.reports,
      secret: runtime.config.INTERNAL_SECRET,
      logger: logger.child({ component: 'export' }),
      pageSize: runtime.config.ANALYTICS_EXPORT_PAGE_SIZE,
    }),
  });
}
