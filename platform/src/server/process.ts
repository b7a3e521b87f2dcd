import { loadConfig, subgraphPort, type SubgraphName } from '../config.js';
import { createRuntime, type SubgraphRuntime } from '../runtime.js';

/** Stops `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(`shutdown after ${signal} failed`, error);
        process.exit(1);
      });
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/** The main of a subgraph running as its own process (distributed mode). */
export async function runSubgraphProcess<S extends { start(port: number): Promise<string>; stop(): Promise<void> }>(
  name: SubgraphName,
  create: (runtime: SubgraphRuntime) => S,
): Promise<S> {
  const config = loadConfig();
  const runtime = await createRuntime(config, { name });
  const server = create(runtime);
  runtime.openBus();
  await server.start(subgraphPort(config, name));
  onShutdown(async () => {
    await server.stop();
    await runtime.close();
  });
  return server;
}
