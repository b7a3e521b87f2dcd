import { loadConfig } from '@travel/platform';
import { DEMO_PASSWORD } from './demo/organizations.js';
import { playDisruptions } from './disruption-simulator.js';

/**
 * Plays flight status changes against a running system (see disruption-simulator.ts), as the demo's flight
 * operations account, on flights Northwind's travelers booked.
 *
 *   pnpm simulate:disruptions [router url] [--interval <ms>]
 */
const args = process.argv.slice(2);
const intervalAt = args.indexOf('--interval');
const intervalMs = intervalAt >= 0 ? Number(args[intervalAt + 1]) : 3000;
const routerUrl = args.find((a) => a.startsWith('http')) ?? `http://127.0.0.1:${loadConfig().ROUTER_PORT}/graphql`;

console.log(`Playing flight status changes through ${routerUrl}, one every ${intervalMs} ms`);
await playDisruptions({
  routerUrl,
  opsEmail: 'omar.haddad@ops.example',
  adminEmail: 'tara.nakamura@northwind.example',
  password: DEMO_PASSWORD,
  intervalMs,
  log: (line) => console.log(line),
});
console.log('Done. Travel admins see the disruptions in disruptionRaised and myNotifications; travelers in bookingUpdated.');
