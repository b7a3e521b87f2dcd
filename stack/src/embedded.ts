import { resolve } from 'node:path';
import { createRuntime, loadConfig, onShutdown } from '@travel/platform';
import { startWebServer } from '@travel/web';
import { DEMO_PASSWORD } from './demo/organizations.js';
import { seedDemoDataIfEmpty } from './demo/seed.js';
import { createProgress } from './progress.js';
import { startStack } from './stack.js';

// Quieter default than a server's: the embedded launcher prints its own progress.
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
const progress = createProgress();
progress.step(
  config.DATABASE_URL
    ? `starting the supergraph on PostgreSQL ${new URL(config.DATABASE_URL).host}`
    : `starting the supergraph embedded: PGlite in ${resolve(config.DATA_DIR, 'pglite')}, in-process events`,
);
const runtime = await createRuntime(config, { name: 'travel' });
const stack = await startStack(runtime, {
  beforeServe: async (servers) => {
    if (config.SEED_DEMO_DATA) await seedDemoDataIfEmpty(servers, progress);
  },
});
const web = await startWebServer({ port: config.WEB_PORT, host: config.HOST, routerUrl: stack.routerUrl });
progress.step(`ready in ${progress.elapsedSeconds().toFixed(1)}s`);
console.log(`
  Web client      ${web.url}
  GraphQL router  ${stack.routerUrl}   (health /health, readiness /ready)
  Demo sign-in    ava.chen@northwind.example (traveler), tara.nakamura@northwind.example (travel admin),
                  felix.brandt@northwind.example (finance), omar.haddad@ops.example (flight operations)
                  — password "${DEMO_PASSWORD}"
`);
onShutdown(async () => {
  await web.stop();
  await stack.stop();
  await runtime.close();
});
