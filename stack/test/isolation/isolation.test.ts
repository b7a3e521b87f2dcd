import { afterAll, describe, expect, it } from 'vitest';
import { useStack } from '../use-stack.js';
import { createCatalog, type Catalog } from './catalog.js';
import { probeEntities } from './entities.js';
import { harvest, probeRootField, Tally, type Snapshot } from './probe.js';
import { rootFields } from './schema-model.js';
import { createTenant, type Tenant } from './tenants.js';

describe('tenancy: organization A reaches for organization B through every path of the composed schema', () => {
  const stack = useStack();
  const tally = new Tally();
  let c: Catalog;
  let a: Tenant;
  let b: Tenant;
  let before: Snapshot;

  afterAll(() => {
    console.log(tally.report());
  });

  it('creates two organizations with users of every role and data of every owned type, through the graph', async () => {
    const t0 = Date.now();
    c = await createCatalog(stack().servers);
    [a, b] = await Promise.all([createTenant('A', stack().servers, stack().routerUrl, c), createTenant('B', stack().servers, stack().routerUrl, c)]);
    const t1 = Date.now();
    await harvest(a, c, rootFields('Query'));
    before = await harvest(b, c, rootFields('Query'));
    console.log(`tenants in ${t1 - t0} ms, harvest in ${Date.now() - t1} ms`);
    expect(before.size).toBeGreaterThan(10);
    for (const type of ['Booking', 'Payment', 'Hold', 'RoomHold', 'PackageHold', 'ReconciliationFlag', 'VirtualCard', 'PolicyEvaluation', 'Segment', 'CancellationQuote']) {
      expect(b.firstId(type), `B has a ${type}`).toBeDefined();
    }
  }, 120_000);

  it('every query field refuses B ids and leaks nothing of B', async () => {
    for (const field of rootFields('Query')) await probeRootField('Query', field, { attacker: a, victim: b, c, tally }, a.as('all'));
    expect(tally.leaks).toEqual([]);
    expect(tally.failures).toEqual([]);
  }, 120_000);

  it('every mutation field refuses B ids, leaks nothing and changes nothing of B', async () => {
    for (const field of rootFields('Mutation')) await probeRootField('Mutation', field, { attacker: a, victim: b, c, tally }, a.as('all'));
    const after = await harvest(b, c, rootFields('Query'));
    const changed = [...before].filter(([key, v]) => JSON.stringify(after.get(key)) !== JSON.stringify(v)).map(([key, v]) => `${key}: ${JSON.stringify(v)} -> ${JSON.stringify(after.get(key))}`);
    expect(changed).toEqual([]);
    expect(tally.leaks).toEqual([]);
    expect(tally.failures).toEqual([]);
  }, 120_000);

  it('every entity type by B key: _entities through the router and directly on each subgraph with a valid identity of A', async () => {
    await probeEntities(stack(), { attacker: a, victim: b, c, tally });
    expect(tally.leaks).toEqual([]);
    expect(tally.failures).toEqual([]);
  }, 120_000);
});
