import { loadConfig, onShutdown } from '@travel/platform';
import { startWebServer } from '@travel/web';
import { createProgress } from './progress.js';
import { startProcesses } from './processes.js';

/**
 * The distributed topology on one machine: `pnpm seed`'s work, then one
 * process per subgraph plus the router, against DATABASE_URL and REDIS_URL.
 */
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const progress = createProgress();
if (!config.DATABASE_URL || !config.REDIS_URL) {
  console.error('pnpm start:distributed needs DATABASE_URL and REDIS_URL (e.g. postgres://postgres@127.0.0.1:5432/travel and redis://127.0.0.1:6379)');
  process.exit(2);
}
progress.step('migrating and seeding');
await import('./seed.js');
progress.step('starting 6 subgraph processes and the router');
const topology = await startProcesses(config, { log: (name, line) => process.stdout.write(`${name.padEnd(9)} | ${line}\n`) });
const web = await startWebServer({ port: config.WEB_PORT, host: config.HOST, routerUrl: topology.routerUrl });
progress.step(`ready: router ${topology.routerUrl}, web ${web.url}`);
onShutdown(async () => {
  await web.stop();
  await topology.stop();
});
