import { parseArgs } from 'node:util';
import { startWebServer } from '../server';

/**
 * Serves the web client alone against a router that is already running:
 *   pnpm --filter @travel/web dev -- --router http://127.0.0.1:4000/graphql --port 3000
 * (`pnpm start` at the root runs the whole stack, this page included.)
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    router: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
  },
});

const web = await startWebServer({ port: Number(values.port), host: values.host, routerUrl: values.router });
console.log(`web client at ${web.url} (GraphQL proxied to ${values.router})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void web.stop().then(() => process.exit(0));
  });
}
