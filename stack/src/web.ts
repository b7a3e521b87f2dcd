import { loadConfig, onShutdown } from '@travel/platform';
import { startWebServer } from '@travel/web';

/** The web client on its own (its container in docker-compose.yml). */
const config = loadConfig();
if (!config.ROUTER_URL) throw new Error('ROUTER_URL must point at the router, e.g. http://router:4000/graphql');
const web = await startWebServer({ port: config.WEB_PORT, host: config.HOST, routerUrl: config.ROUTER_URL });
console.log(`web client at ${web.url}`);
onShutdown(() => web.stop());
