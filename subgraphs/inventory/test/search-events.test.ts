import { randomUUID } from 'node:crypto';
import { createLogger, ManualClock, type CommitScope, type NewEvent, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { testConfig } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { SearchEvents } from '../src/search/search-events.js';

/** A unit of work that only records what was emitted, and can be told to fail. */
function recordingUow() {
  const emitted: NewEvent[][] = [];
  let failing = false;
  const uow: Pick<UnitOfWork, 'run'> = {
    run: async <T>(fn: (scope: CommitScope) => Promise<T>): Promise<T> => {
      if (failing) throw new Error('database down');
      const batch: NewEvent[] = [];
      const result = await fn({ tx: {} as WorkScope['tx'], emit: async (events) => void batch.push(...[events].flat()), afterCommit: () => undefined });
      emitted.push(batch);
      return result;
    },
  };
  return { uow, emitted, fail: (value: boolean) => (failing = value) };
}

describe('search events', () => {
  const logger = createLogger(testConfig(), 'inventory');
  const viewer = (orgId: string): Viewer => ({ personId: randomUUID(), orgId, roles: ['traveler'] });

  it('publishes one batch per organization with a count per route, and nothing for anonymous or unusable searches', async () => {
    const clock = new ManualClock(new Date('2026-06-10T10:00:00.000Z'));
    const { uow, emitted } = recordingUow();
    const events = new SearchEvents(uow, clock, logger);
    const [orgA, orgB] = [randomUUID(), randomUUID()];
    events.record(viewer(orgA), { origin: 'JFK', destination: 'LHR', date: '2026-07-01' });
    events.record(viewer(orgA), { origin: 'jfk', destination: 'lhr', date: '2026-07-02' });
    events.record(viewer(orgA), { origin: 'SFO', destination: 'NRT' });
    events.record(viewer(orgB), { origin: 'FRA', destination: 'CDG' });
    events.record(null, { origin: 'JFK', destination: 'LHR' });
    events.record(viewer(orgB), { origin: 'nowhere', destination: 'CDG' });
    events.record(viewer(orgB), null);
    clock.advance(5000);
    await events.flush();

    expect(emitted).toHaveLength(1);
    const window = { windowStart: '2026-06-10T10:00:00.000Z', windowEnd: '2026-06-10T10:00:05.000Z' };
    expect(emitted[0]).toEqual([
      {
        type: 'inventory.search.performed',
        orgId: orgA,
        aggregateId: orgA,
        payload: { kind: 'flight', ...window, routes: [{ origin: 'JFK', destination: 'LHR', count: 2 }, { origin: 'SFO', destination: 'NRT', count: 1 }] },
      },
      { type: 'inventory.search.performed', orgId: orgB, aggregateId: orgB, payload: { kind: 'flight', ...window, routes: [{ origin: 'FRA', destination: 'CDG', count: 1 }] } },
    ]);

    // An empty window publishes nothing; the next window starts where the last ended.
    await events.flush();
    expect(emitted).toHaveLength(1);
    events.record(viewer(orgA), { origin: 'JFK', destination: 'LHR' });
    clock.advance(1000);
    await events.stop();
    expect(emitted[1]).toEqual([
      { type: 'inventory.search.performed', orgId: orgA, aggregateId: orgA, payload: { kind: 'flight', windowStart: '2026-06-10T10:00:05.000Z', windowEnd: '2026-06-10T10:00:06.000Z', routes: [{ origin: 'JFK', destination: 'LHR', count: 1 }] } },
    ]);
  });

  it('drops a window it cannot publish without throwing, and goes on with the next', async () => {
    const { uow, emitted, fail } = recordingUow();
    const events = new SearchEvents(uow, new ManualClock(), logger);
    const org = randomUUID();
    fail(true);
    events.record(viewer(org), { origin: 'JFK', destination: 'LHR' });
    await expect(events.flush()).resolves.toBeUndefined();
    fail(false);
    events.record(viewer(org), { origin: 'SFO', destination: 'NRT' });
    await events.flush();
    expect(emitted.flat().map((e) => e.payload)).toEqual([expect.objectContaining({ routes: [{ origin: 'SFO', destination: 'NRT', count: 1 }] })]);
  });
});
