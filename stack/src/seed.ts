import { createRuntime, loadConfig, SUBGRAPH_NAMES } from '@travel/platform';
import { seedDemoDataIfEmpty } from './demo/seed.js';
import { createProgress } from './progress.js';
import { createSubgraphServers } from './subgraphs.js';

/** Migrates every subgraph's schema and loads demo data into an empty database (distributed mode, containers). */
const config = loadConfig();
const progress = createProgress();
const runtime = await createRuntime(config, { name: 'seed' });
try {
  const servers = createSubgraphServers(runtime);
  for (const name of SUBGRAPH_NAMES) await servers[name].migrate();
  progress.step('migrations applied');
  if (config.SEED_DEMO_DATA) await seedDemoDataIfEmpty(servers, progress);
} finally {
  await runtime.close();
}
