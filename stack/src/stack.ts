import { RouterServer } from '@travel/router';
import { readSupergraphSdl } from '@travel/router/supergraph';
import { SUBGRAPH_NAMES, subgraphPort, type ProcessRuntime } from '@travel/platform';
import { createSubgraphServers, type SubgraphServers } from './subgraphs.js';

export interface Stack {
  routerUrl: string;
  servers: SubgraphServers;
  router: RouterServer;
  stop(): Promise<void>;
}

/**
 * Everything in one process over one runtime (embedded mode, and the
 * in-process journey tests): six subgraphs then the router. `beforeServe`
 * runs after migrations and before anything listens (demo data).
 */
export async function startStack(runtime: ProcessRuntime, opts: { beforeServe?: (servers: SubgraphServers) => Promise<void> } = {}): Promise<Stack> {
  const servers = createSubgraphServers(runtime);
  for (const name of SUBGRAPH_NAMES) await servers[name].migrate();
  await opts.beforeServe?.(servers);
  const started: { stop(): Promise<void> }[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) {
      await servers[name].start(subgraphPort(runtime.config, name));
      started.push(servers[name]);
    }
    runtime.openBus();
    const router = new RouterServer({ config: runtime.config, directory: runtime.directory, supergraphSdl: readSupergraphSdl(), logger: runtime.logger.child({ component: 'router' }) });
    const routerUrl = await router.start(runtime.config.ROUTER_PORT);
    return {
      routerUrl,
      servers,
      router,
      stop: async () => {
        await router.stop();
        for (const server of started.reverse()) await server.stop();
      },
    };
  } catch (error) {
    for (const server of started.reverse()) await server.stop();
    throw error;
  }
}
