import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, gqlRequest, testConfig } from '@travel/platform/testkit';
import { startStack, type Stack } from '@travel/stack/src/stack.js';
import { createJourneyFixture } from '@travel/stack/test/journey.fixtures.js';

/**
 * Fan-out of one router: SUBSCRIBERS graphql-ws connections (aim 10,000, on
 * loopback) watch one flight's availability; holds change it. The router and
 * the six subgraphs run in this process (embedded mode); the subscribers in a
 * child process, so the memory figures are the router side's. Prints:
 * subscribers connected, upstream subscriptions opened, delivery latency
 * change→subscriber (p50/p99 over all deliveries, and change→last
 * subscriber per event), events delivered per second in a burst, memory.
 *
 *   npx tsx bench/subscriptions.ts [subscribers=10000]
 */

const SUBSCRIBERS = Number(process.argv[2] ?? process.env['SUBSCRIBERS'] ?? 10_000);
const LATENCY_ROUNDS = 10;
const BURST_HOLDS = 20;
const CONNECT_BATCH = 500;
const DEADLINE_MS = 110_000;

const WATCH = `subscription Availability($flightId: ID!) { flightAvailabilityChanged(flightId: $flightId) { flightId cabins { cabin seatsLeft } } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken errors { code } } }`;
const HOLD_SEAT = `mutation Hold($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id } errors { code message } } }`;

/** Wall-clock milliseconds with sub-millisecond precision, comparable between the two processes. */
const now = () => performance.timeOrigin + performance.now();

type ToClients = { type: 'expect'; seats: number; t0: number };
type FromClients =
  | { type: 'ready'; connected: number; failed: number; ms: number; initialSeats: number }
  | { type: 'delivered'; seats: number; latencies: { p50: number; p99: number; last: number }; messages: number; missedFlags: number };

interface Availability {
  flightAvailabilityChanged: { cabins: { cabin: string; seatsLeft: number }[] };
}

/** Collects garbage before reading memory, so the figures are what is retained (no --expose-gc needed on the command line). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

// ---------------------------------------------------------------- subscribers (child process)

/** The subset of the `ws` client the subscribers use. */
interface Socket {
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'close', listener: () => void): void;
  send(data: string): void;
}
type SocketConstructor = new (url: string, protocol: string) => Socket;

async function runSubscribers(url: string, token: string, flightId: string, count: number): Promise<void> {
  // bench/package.json does not list `ws`; the router's copy is the one the router tests use.
  const WebSocket = createRequire(import.meta.url)('ws') as SocketConstructor;
  const send = (message: FromClients) => process.send?.(message);
  const arrivals = new Map<number, number[]>();
  let messages = 0;
  let missedFlags = 0;
  let initialSeats = -1;
  let initialised = 0;
  let failed = 0;
  let expected: { seats: number; t0: number } | undefined;

  const check = () => {
    if (!expected) return;
    const times = arrivals.get(expected.seats) ?? [];
    if (times.length < initialised) return;
    const latencies = times.map((t) => t - expected!.t0).sort((a, b) => a - b);
    send({ type: 'delivered', seats: expected.seats, latencies: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), last: latencies.at(-1) ?? NaN }, messages, missedFlags });
    expected = undefined;
    messages = 0;
    missedFlags = 0;
  };

  const open = () =>
    new Promise<void>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      let first = true;
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('close', () => {
        if (!first) return;
        first = false;
        failed += 1;
        resolve();
      });
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; payload?: { data?: Availability; extensions?: Record<string, unknown> } };
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: WATCH, variables: { flightId } } }));
        } else if (message.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
        } else if (message.type === 'next') {
          const at = now();
          const seats = message.payload?.data?.flightAvailabilityChanged.cabins.find((c) => c.cabin === 'ECONOMY')?.seatsLeft ?? -1;
          if (message.payload?.extensions?.['eventsMayHaveBeenMissed']) missedFlags += 1;
          if (first) {
            first = false;
            initialised += 1;
            initialSeats = seats;
            resolve();
            return;
          }
          messages += 1;
          const list = arrivals.get(seats) ?? [];
          list.push(at);
          arrivals.set(seats, list);
          if (expected?.seats === seats) check();
        } else if (message.type === 'error' && first) {
          first = false;
          failed += 1;
          resolve();
        }
      });
      socket.on('error', () => {
        if (!first) return;
        first = false;
        failed += 1;
        resolve();
      });
    });

  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: ToClients) => {
    expected = { seats: message.seats, t0: message.t0 };
    check();
  });

  const started = now();
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, open));
  }
  send({ type: 'ready', connected: initialised, failed, ms: now() - started, initialSeats });
}

// ---------------------------------------------------------------- router side (this process)

function nextMessage<T extends FromClients['type']>(child: ChildProcess, type: T): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from the subscribers in time`)), 60_000);
    const listener = (message: FromClients) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', listener);
      resolve(message as Extract<FromClients, { type: T }>);
    };
    child.on('message', listener);
  });
}

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`bench/subscriptions: did not finish within ${DEADLINE_MS / 1000} s`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();

  const runtime: ProcessRuntime = await createTestRuntime(testConfig({ LOG_LEVEL: 'warn' }));
  const stack: Stack = await startStack(runtime);
  let child: ChildProcess | undefined;
  try {
    const fx = await createJourneyFixture(stack.servers);
    const signIn = await gqlRequest<{ signIn: { accessToken: string } }>(stack.routerUrl, SIGN_IN, { input: { email: fx.travelerEmail, password: fx.password } });
    const token = signIn.data!.signIn.accessToken;
    const hold = async () => {
      const res = await gqlRequest<{ holdSeat: { errors: unknown[] } }>(stack.routerUrl, HOLD_SEAT, { input: { flightId: fx.flightId, cabin: 'ECONOMY' } }, { authorization: `Bearer ${token}` });
      if (res.errors || res.data?.holdSeat.errors.length) throw new Error(`hold failed: ${JSON.stringify(res.errors ?? res.data?.holdSeat.errors)}`);
    };

    collectGarbage();
    const memoryBefore = process.memoryUsage();
    child = fork(fileURLToPath(import.meta.url), ['--subscribers', stack.routerUrl.replace(/^http/, 'ws'), token, fx.flightId, String(SUBSCRIBERS)]);
    const ready = await nextMessage(child, 'ready');
    collectGarbage();
    const memoryConnected = process.memoryUsage();
    const stats = stack.router.subscriptionStats();

    let seats = ready.initialSeats;
    const perEventLast: number[] = [];
    const p50s: number[] = [];
    const p99s: number[] = [];
    for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
      const t0 = now();
      const delivered = nextMessage(child, 'delivered');
      await hold();
      seats -= 1;
      child.send({ type: 'expect', seats, t0 } satisfies ToClients);
      const { latencies } = await delivered;
      perEventLast.push(latencies.last);
      p50s.push(latencies.p50);
      p99s.push(latencies.p99);
    }

    const burstStart = now();
    const burstDone = nextMessage(child, 'delivered');
    for (let i = 0; i < BURST_HOLDS; i += 1) await hold();
    seats -= BURST_HOLDS;
    child.send({ type: 'expect', seats, t0: burstStart } satisfies ToClients);
    const burst = await burstDone;
    const burstSeconds = burst.latencies.last / 1000;
    collectGarbage();
    const memoryAfter = process.memoryUsage();
    const after = stack.router.subscriptionStats();

    const sortedLast = [...perEventLast].sort((a, b) => a - b);
    console.log(`subscribers connected        ${ready.connected} of ${SUBSCRIBERS} (${ready.failed} failed) in ${(ready.ms / 1000).toFixed(1)} s, one connection each`);
    console.log(`upstream subscriptions       ${stats.upstreamOpened} opened for ${stats.watchers} watchers (${after.upstreamOpen} open at the end)`);
    console.log(`latency change→subscriber    p50 ${ms(percentile([...p50s].sort((a, b) => a - b), 50))} (median over events), p99 ${ms(Math.max(...p99s))} (worst event); ${LATENCY_ROUNDS} events, change = holdSeat sent`);
    console.log(`latency change→last one      p50 ${ms(percentile(sortedLast, 50))}, p99 ${ms(percentile(sortedLast, 99))}, max ${ms(sortedLast.at(-1) ?? NaN)}`);
    console.log(`burst                        ${BURST_HOLDS} holds back to back: ${burst.messages} deliveries in ${burstSeconds.toFixed(2)} s = ${Math.round(burst.messages / burstSeconds)} events/s delivered (${burst.missedFlags} marked eventsMayHaveBeenMissed)`);
    console.log(`memory after GC (router process, with the six subgraphs)  heap ${mb(memoryBefore.heapUsed)} → ${mb(memoryConnected.heapUsed)} connected → ${mb(memoryAfter.heapUsed)} after; rss ${mb(memoryBefore.rss)} → ${mb(memoryConnected.rss)} → ${mb(memoryAfter.rss)}`);
    console.log(`per subscriber               ~${(((memoryConnected.rss - memoryBefore.rss) / Math.max(1, ready.connected)) / 1024).toFixed(1)} KB rss`);
  } finally {
    child?.kill('SIGKILL');
    // Closing ten thousand server-side sockets one by one is not part of the measurement; bound it.
    await Promise.race([stack.stop().then(() => runtime.close()), new Promise((r) => setTimeout(r, 5000))]);
  }
}

if (process.argv[2] === '--subscribers') {
  const [, , , url, token, flightId, count] = process.argv;
  await runSubscribers(url!, token!, flightId!, Number(count));
} else {
  await main();
  process.exit(0);
}
