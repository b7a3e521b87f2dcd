import { createTestRuntime, freePort, testConfig } from '@travel/platform/testkit';
import { SUBGRAPH_NAMES, type ProcessRuntime } from '@travel/platform';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startProcesses, type ProcessTopology } from '../src/processes.js';
import { createSubgraphServers } from '../src/subgraphs.js';
import { createJourneyFixture } from './journey.fixtures.js';
import { expectJourneyResult, runJourney } from './journey.js';

const distributed = Boolean(process.env['DATABASE_URL'] && process.env['REDIS_URL']);

describe.skipIf(!distributed)('the journey through the router, one process per subgraph on PostgreSQL and Redis', () => {
  let topology: ProcessTopology;
  let runtime: ProcessRuntime;
  const output: string[] = [];

  beforeAll(async () => {
    const ports: Record<string, string> = { ROUTER_PORT: String(await freePort()) };
    for (const name of SUBGRAPH_NAMES) ports[`${name.toUpperCase()}_PORT`] = String(await freePort());
    runtime = await createTestRuntime(testConfig({ ...ports, LOG_LEVEL: 'warn' }));
    topology = await startProcesses(runtime.config, { log: (name, line) => output.push(`${name}: ${line}`) }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output.join('\n')}`);
    });
  }, 120_000);
  afterAll(async () => {
    await topology?.stop();
    await runtime?.close();
  });

  it('runs the whole journey across seven processes', async () => {
    const fx = await createJourneyFixture(createSubgraphServers(runtime));
    expectJourneyResult(await runJourney(topology.routerUrl, fx), fx);
  }, 60_000);
});
