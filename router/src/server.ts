import { createServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { closeServer, listen, localUrl, type Config, type Logger, type ServiceDirectory } from '@travel/platform';
import cors from 'cors';
import express from 'express';
import { createRouterContext, type RouterContext } from './context.js';
import { IdentityForwardingDataSource } from './data-source.js';
import { checkReadiness } from './readiness.js';

export interface RouterOptions {
  config: Config;
  directory: ServiceDirectory;
  supergraphSdl: string;
  logger: Logger;
}

/**
 * The single endpoint clients talk to: verifies the caller once, plans each
 * operation over the six subgraphs with @apollo/gateway and forwards a signed
 * identity with every fetch. A subgraph that is down costs its own fields
 * (null plus an error), not the whole response.
 */
export class RouterServer {
  private http: Server | undefined;
  private apollo: ApolloServer<RouterContext> | undefined;
  url = '';

  constructor(private readonly options: RouterOptions) {}

  async start(port: number, host = this.options.config.HOST): Promise<string> {
    const { config, directory, supergraphSdl, logger } = this.options;
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name }) => new IdentityForwardingDataSource({ url: directory.url(name as Parameters<ServiceDirectory['url']>[0]) }),
      logger,
    });
    const app = express();
    this.http = createServer(app);
    this.apollo = new ApolloServer<RouterContext>({
      gateway,
      introspection: true,
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
    app.use(
      '/graphql',
      cors<cors.CorsRequest>(),
      express.json({ limit: '1mb' }),
      expressMiddleware(this.apollo, { context: async ({ req }) => createRouterContext(req.header('authorization'), config) }),
    );

    const bound = await listen(this.http, port, host);
    this.url = localUrl(host, bound);
    logger.info({ url: this.url }, 'router ready');
    return this.url;
  }

  async stop(): Promise<void> {
    await this.apollo?.stop();
    if (this.http?.listening) await closeServer(this.http);
  }
}
