import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { closeServer, listen, localUrl, type Config, type Logger, type ServiceDirectory } from '@travel/platform';
import cors from 'cors';
import { Redis } from 'ioredis';
import express from 'express';
import { ApiKeyVerifier } from './auth/api-keys.js';
import { CredentialVerifier } from './auth/credentials.js';
import { ApiKeyRateLimiter } from './auth/rate-limit.js';
import { createRouterContext, type RouterContext } from './context.js';
import { IdentityForwardingDataSource } from './data-source.js';
import { mountEmployeeImportProxy } from './employee-import-proxy.js';
import { checkReadiness } from './readiness.js';
import { reportsProxy } from './reports-proxy.js';
import { EventExecutor } from './subscriptions/event-executor.js';
import { SubscriptionHub, type SubscriptionStats } from './subscriptions/hub.js';
import { DEFAULT_SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './subscriptions/limits.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { EVENT_STREAM_FIELDS, PERSONAL_STREAM_FIELDS } from './subscriptions/stream-fields.js';
import { attachWsGraphql } from './subscriptions/ws-server.js';

export { DEFAULT_SUBSCRIPTION_LIMITS, EVENTS_MAY_HAVE_BEEN_MISSED, type SubscriptionLimits } from './subscriptions/limits.js';
export type { SubscriptionStats } from './subscriptions/hub.js';
export { EVENT_STREAM_FIELDS, PERSONAL_STREAM_FIELDS } from './subscriptions/stream-fields.js';

export interface RouterOptions {
  config: Config;
  directory: ServiceDirectory;
  supergraphSdl: string;
  logger: Logger;
  /** Overrides of the subscription limits (tests use small ones). */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /**
   * Subscription root fields that stream events rather than states. By default a
   * watcher joining a shared stream first gets its latest result (the current
   * state); for these it only gets what happens after it joined. EVENT_STREAM_FIELDS unless given.
   */
  eventStreamFields?: readonly string[];
  /** Subscription root fields whose streams are shared per person; PERSONAL_STREAM_FIELDS unless given. */
  personalFields?: readonly string[];
}

type SubgraphKey = Parameters<ServiceDirectory['url']>[0];

/**
 * The single endpoint clients talk to: verifies the caller once, plans each
 * operation over the six subgraphs with @apollo/gateway and forwards a signed
 * identity with every fetch. A subgraph that is down costs its own fields
 * (null plus an error), not the whole response. Subscriptions arrive over
 * graphql-ws on the same /graphql path and run on the router's own executor
 * (see subscriptions/hub.ts), since the gateway does not execute them.
 */
export class RouterServer {
  private http: Server | undefined;
  private apollo: ApolloServer<RouterContext> | undefined;
  private hub: SubscriptionHub | undefined;
  private ws: { dispose(): Promise<void> } | undefined;
  private redis: Redis | undefined;
  url = '';

  constructor(private readonly options: RouterOptions) {}

  async start(port: number, host = this.options.config.HOST): Promise<string> {
    const { config, directory, supergraphSdl, logger } = this.options;
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name }) => new IdentityForwardingDataSource({ url: directory.url(name as SubgraphKey) }),
      logger,
    });
    // Rate-limit counters only: the router keeps no other state in Redis.
    this.redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }) : undefined;
    const credentials = new CredentialVerifier({
      config,
      apiKeys: new ApiKeyVerifier({ customerUrl: () => directory.url('customer'), internalSecret: config.INTERNAL_SECRET, ttlMs: config.API_KEY_CACHE_TTL_MS }),
      rateLimiter: new ApiKeyRateLimiter({ perMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE, namespace: config.REDIS_NAMESPACE, ...(this.redis ? { redis: this.redis } : {}) }),
    });
    const app = express();
    this.http = createServer(app);
    this.apollo = new ApolloServer<RouterContext>({
      gateway,
      introspection: true,
      // Subgraph stack traces stay in their logs; clients get messages and codes.
      includeStacktraceInErrorResponses: false,
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer: this.http })],
    });
    await this.apollo.start();

    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/ready', async (_req, res) => {
      const readiness = await checkReadiness(directory);
      res.status(readiness.ready ? 200 : 503).json(readiness);
    });
    mountEmployeeImportProxy(app, { config, credentials, directory, logger });
    reportsProxy(app, { analyticsGraphqlUrl: () => directory.url('analytics'), credentials, config, logger });
    app.use(
      '/graphql',
      cors<cors.CorsRequest>(),
      express.json({ limit: '1mb' }),
      expressMiddleware(this.apollo, {
        context: async ({ req }) => createRouterContext({ authorization: req.header('authorization'), apiKey: req.header('x-api-key') }, credentials, config),
      }),
    );

    const limits: SubscriptionLimits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...this.options.subscriptionLimits };
    const planner = new SubscriptionPlanner(supergraphSdl);
    const services = Object.fromEntries(planner.subgraphNames.map((name) => [name, new IdentityForwardingDataSource({ url: directory.url(name as SubgraphKey) })]));
    const executor = new EventExecutor(planner, services, logger);
    this.hub = new SubscriptionHub({
      planner,
      executor,
      subgraphUrl: (name) => directory.url(name as SubgraphKey),
      internalSecret: config.INTERNAL_SECRET,
      limits,
      eventStreamFields: new Set(this.options.eventStreamFields ?? EVENT_STREAM_FIELDS),
      personalFields: new Set(this.options.personalFields ?? PERSONAL_STREAM_FIELDS),
      logger,
    });
    this.ws = attachWsGraphql({ httpServer: this.http, config, credentials, planner, hub: this.hub, apollo: this.apollo, limits, logger });

    const bound = await listen(this.http, port, host);
    this.url = localUrl(host, bound);
    logger.info({ url: this.url }, 'router ready');
    return this.url;
  }

  /** Shared upstream subscriptions and their watchers, for tests and the fan-out bench. */
  subscriptionStats(): SubscriptionStats {
    return this.hub?.stats() ?? { upstreamOpen: 0, upstreamOpened: 0, watchers: 0 };
  }

  async stop(): Promise<void> {
    await this.ws?.dispose();
    this.hub?.close();
    await this.apollo?.stop();
    if (this.http?.listening) await closeServer(this.http);
    await this.redis?.quit();
  }
}
