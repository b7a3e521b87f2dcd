import { Redis } from 'ioredis';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { SUBGRAPH_NAMES, subgraphUrl, type Config, type SubgraphName } from './config.js';
import { createDatabase, type Database, type DatabaseHandle } from './db/database.js';
import { InProcessEventBus, RedisStreamsEventBus, type EventBus } from './events/bus.js';
import { InProcessPubSub, RedisPubSub, type PubSub } from './events/pubsub.js';
import { EntityClient, ServiceDirectory } from './graphql/entity-client.js';
import { createLogger, type Logger } from './logger.js';

/** What a process hands every subgraph it runs: one database, one bus, one pub/sub, one clock. */
export interface SubgraphRuntime {
  config: Config;
  db: Database;
  bus: EventBus;
  pubsub: PubSub;
  directory: ServiceDirectory;
  entities: EntityClient;
  clock: Clock;
  logger: Logger;
}

export interface ProcessRuntime extends SubgraphRuntime {
  database: DatabaseHandle;
  /** Lets an in-process bus start delivering once every subgraph has subscribed. */
  openBus(): void;
  close(): Promise<void>;
}

/**
 * Builds the shared runtime of a process from its configuration: PostgreSQL or
 * PGlite, Redis Streams or the in-process bus, Redis Pub/Sub or in-process.
 */
export async function createRuntime(config: Config, opts: { name: string; clock?: Clock; database?: DatabaseHandle } = { name: 'travel' }): Promise<ProcessRuntime> {
  const logger = createLogger(config, opts.name);
  const database = opts.database ?? (await createDatabase(config));
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3, lazyConnect: false }) : undefined;
  const bus: EventBus = redis ? new RedisStreamsEventBus(redis, logger, { namespace: config.REDIS_NAMESPACE }) : new InProcessEventBus(logger);
  const pubsub: PubSub = redis ? new RedisPubSub(redis, logger, config.REDIS_NAMESPACE) : new InProcessPubSub();
  const directory = new ServiceDirectory(
    Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphUrl(config, n)])) as Record<SubgraphName, string>,
  );
  return {
    config,
    db: database.db,
    database,
    bus,
    pubsub,
    directory,
    entities: new EntityClient(directory),
    clock: opts.clock ?? systemClock,
    logger,
    openBus: () => {
      if (bus instanceof InProcessEventBus) bus.open();
    },
    close: async () => {
      await bus.close();
      await pubsub.close();
      redis?.disconnect();
      if (!opts.database) await database.close();
    },
  };
}
