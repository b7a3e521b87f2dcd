import { createServer, type Server } from 'node:http';
import { ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import cors from 'cors';
import express, { type Express } from 'express';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { IDENTITY_HEADER, InvalidTokenError, verifyInternalIdentity, type Viewer } from '../auth/identity.js';
import type { SubgraphName } from '../config.js';
import { migrate } from '../db/migrate.js';
import type { Subscription } from '../events/bus.js';
import { consumeEvents, type EventHandlers } from '../events/consumer.js';
import { Outbox, type InboxTable, type OutboxTable } from '../events/outbox.js';
import { OutboxRelay } from '../events/relay.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { DomainError } from '../errors.js';
import { commonResolvers, commonTypeDefs } from '../graphql/common.js';
import type { Logger } from '../logger.js';
import type { SubgraphRuntime } from '../runtime.js';
import { closeServer, listen, localUrl } from './http.js';

/** What every resolver of every subgraph receives, extended by each subgraph with its loaders and services. */
export interface BaseContext extends ApolloBaseContext {
  viewer: Viewer | null;
  /** The router's signed identity statement, forwarded when this subgraph reads another's entities. */
  identity: string;
  logger: Logger;
}

export type Resolvers<Ctx> = GraphQLResolverMap<Ctx>;

/** A background task a subgraph runs while it is up (sweepers, schedulers). */
export interface Worker {
  start(): void;
  stop(): Promise<void>;
}

export interface EventConsumer {
  /** The subgraphs whose streams this consumer reads. */
  from: SubgraphName[];
  handlers: EventHandlers;
  /** Consumer group; defaults to the subgraph's name. */
  group?: string;
}

/** The eventing a subgraph owns: its outbox, the relay that publishes it, and units of work that write it. */
export interface Eventing {
  outbox: Outbox;
  relay: OutboxRelay;
  uow: UnitOfWork;
  inbox: InboxTable;
}

export function createEventing(runtime: SubgraphRuntime, name: SubgraphName, tables: { outbox: OutboxTable; inbox: InboxTable }): Eventing {
  const outbox = new Outbox(tables.outbox, name);
  const relay = new OutboxRelay(runtime.db, outbox, runtime.bus, runtime.logger.child({ subgraph: name, component: 'relay' }));
  return { outbox, relay, uow: new UnitOfWork(runtime.db, outbox, relay), inbox: tables.inbox };
}

export interface SubgraphDefinition<Ctx extends BaseContext, Services = unknown> {
  name: SubgraphName;
  /** The subgraph's services, exposed for launchers (demo data) and tests. */
  services: Services;
  /** Database schema the subgraph owns and its drizzle-kit migrations folder. */
  dbSchema: string;
  migrationsFolder: string;
  typeDefs: DocumentNode;
  resolvers: Resolvers<Ctx>;
  eventing: Eventing;
  /** Adds per-request state (loaders, services) to the base context. */
  context(base: BaseContext): Ctx;
  consumers?: EventConsumer[];
  workers?: Worker[];
  /** Extra HTTP routes (webhooks), mounted before /graphql. */
  routes?(app: Express): void;
}

/** The typeDefs and resolvers a subgraph is built from, also used by composition. */
export function subgraphModules<Ctx>(typeDefs: DocumentNode, resolvers: Resolvers<Ctx>) {
  return [
    { typeDefs: commonTypeDefs, resolvers: commonResolvers as unknown as Resolvers<Ctx> },
    { typeDefs, resolvers },
  ];
}

export function buildSchema<Ctx>(typeDefs: DocumentNode, resolvers: Resolvers<Ctx>): GraphQLSchema {
  return buildSubgraphSchema(subgraphModules(typeDefs, resolvers) as Parameters<typeof buildSubgraphSchema>[0]);
}

/** Hides unexpected faults from callers (logged instead); keeps typed codes. */
function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { code: original.code, field: original.field } };
    }
    if (original instanceof GraphQLError || formatted.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR') return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * One subgraph as a running service: migrations, event consumers, outbox
 * relay, workers, and HTTP (GraphQL, graphql-ws, health, extra routes).
 * Construction has no side effects; `start` does the work, `stop` undoes it.
 */
export class SubgraphServer<Ctx extends BaseContext = BaseContext, Services = unknown> {
  readonly schema: GraphQLSchema;
  private http: Server | undefined;
  private apollo: ApolloServer<Ctx> | undefined;
  private subscriptions: Subscription[] = [];
  private readonly logger: Logger;
  url = '';

  constructor(
    readonly runtime: SubgraphRuntime,
    readonly definition: SubgraphDefinition<Ctx, Services>,
  ) {
    this.schema = buildSchema(definition.typeDefs, definition.resolvers);
    this.logger = runtime.logger.child({ subgraph: definition.name });
  }

  get name(): SubgraphName {
    return this.definition.name;
  }

  get services(): Services {
    return this.definition.services;
  }

  /** Applies migrations; separate from `start` so a launcher can migrate and seed before serving. */
  async migrate(): Promise<void> {
    const applied = await migrate(this.runtime.db, { schema: this.definition.dbSchema, migrationsFolder: this.definition.migrationsFolder });
    if (applied > 0) this.logger.info({ applied }, 'migrations applied');
  }

  async start(port: number, host = this.runtime.config.HOST): Promise<string> {
    await this.migrate();
    const def = this.definition;
    for (const consumer of def.consumers ?? []) {
      this.subscriptions.push(
        await consumeEvents({
          bus: this.runtime.bus,
          group: consumer.group ?? def.name,
          from: consumer.from,
          uow: def.eventing.uow,
          inbox: def.eventing.inbox,
          handlers: consumer.handlers,
          logger: this.logger,
        }),
      );
    }
    def.eventing.relay.start();
    for (const worker of def.workers ?? []) worker.start();

    const app = express();
    this.http = createServer(app);
    const apollo = new ApolloServer<Ctx>({
      schema: this.schema,
      introspection: true,
      // Stack traces stay in the logs; they must not travel through the router to clients.
      includeStacktraceInErrorResponses: false,
      formatError: formatError(this.logger),
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer: this.http }), ApolloServerPluginInlineTraceDisabled()],
    });
    this.apollo = apollo;
    await apollo.start();

    const secret = this.runtime.config.INTERNAL_SECRET;
    const contextFor = async (identity: string | undefined): Promise<Ctx> => {
      try {
        const viewer = await verifyInternalIdentity(identity, secret);
        return def.context({ viewer, identity: identity ?? '', logger: this.logger });
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        throw error;
      }
    };

    app.get('/health', (_req, res) => {
      res.json({ status: 'ok', subgraph: def.name });
    });
    def.routes?.(app);
    app.use(
      '/graphql',
      cors<cors.CorsRequest>(),
      express.json({ limit: '2mb' }),
      expressMiddleware(apollo, { context: async ({ req }) => contextFor(req.header(IDENTITY_HEADER)) }),
    );

    const wsServer = new WebSocketServer({ server: this.http, path: '/graphql' });
    const wsCleanup = useServer(
      {
        schema: this.schema,
        context: async (ctx) => contextFor(typeof ctx.connectionParams?.[IDENTITY_HEADER] === 'string' ? (ctx.connectionParams[IDENTITY_HEADER] as string) : undefined),
        onConnect: async (ctx) => {
          try {
            await verifyInternalIdentity(ctx.connectionParams?.[IDENTITY_HEADER] as string | undefined, secret);
            return true;
          } catch {
            return false;
          }
        },
      },
      wsServer,
    );
    this.stopWs = async () => {
      await wsCleanup.dispose();
      wsServer.close();
    };

    const bound = await listen(this.http, port, host);
    this.url = localUrl(host, bound);
    this.runtime.directory.set(def.name, this.url);
    this.logger.info({ url: this.url }, 'subgraph ready');
    return this.url;
  }

  private stopWs: () => Promise<void> = async () => {};

  async stop(): Promise<void> {
    await this.stopWs();
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    this.subscriptions = [];
    await Promise.all((this.definition.workers ?? []).map((w) => w.stop()));
    await this.definition.eventing.relay.stop();
    await this.apollo?.stop();
    if (this.http?.listening) await closeServer(this.http);
  }
}
