import { createLogger, loadConfig, onShutdown, SUBGRAPH_NAMES, ServiceDirectory, subgraphUrl } from '@travel/platform';
import { RouterServer } from './server.js';
import { readSupergraphSdl } from './supergraph.js';

const config = loadConfig();
const directory = new ServiceDirectory(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(config, name)])));
const router = new RouterServer({ config, directory, supergraphSdl: readSupergraphSdl(), logger: createLogger(config, 'router') });
await router.start(config.ROUTER_PORT);
onShutdown(() => router.stop());
