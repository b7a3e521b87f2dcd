import { describe, expect, it } from 'vitest';
import { useStack } from './use-stack.js';
import { createJourneyFixture } from './journey.fixtures.js';
import { expectJourneyResult, runJourney } from './journey.js';

describe('the journey through the router, all six subgraphs in one process', () => {
  const stack = useStack();

  it('signs in, searches, holds, drafts, evaluates, pays and reads it all back in one query', async () => {
    const fx = await createJourneyFixture(stack().servers);
    const booking = await runJourney(stack().routerUrl, fx);
    expectJourneyResult(booking, fx);
  });

  it('reports /health and /ready', async () => {
    const base = new URL(stack().routerUrl);
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, subgraphs: { inventory: 'up', analytics: 'up' } });
  });
});
