import { gqlRequest } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { useStack } from './use-stack.js';
import { createJourneyFixture } from './journey.fixtures.js';

const VIEWER_WITH_SPEND = /* GraphQL */ `
  query { viewer { name organization { name spend { confirmedBookings } } } }
`;

describe('a subgraph that is down', () => {
  const stack = useStack();

  it('costs only its own fields, marks the router not ready, and is served again once back', async () => {
    const fx = await createJourneyFixture(stack().servers);
    const token = (await gqlRequest<{ signIn: { accessToken: string } }>(stack().routerUrl, 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { email: fx.travelerEmail, password: fx.password } })).data!.signIn.accessToken;
    const auth = { authorization: `Bearer ${token}` };

    const analytics = stack().servers.analytics;
    const port = Number(new URL(analytics.url).port);
    await analytics.stop();

    const partial = await gqlRequest<{ viewer: { name: string; organization: { name: string; spend: unknown } } }>(stack().routerUrl, VIEWER_WITH_SPEND, {}, auth);
    expect(partial.status).toBe(200);
    expect(partial.data?.viewer).toMatchObject({ name: 'Ava Traveler', organization: { spend: null } });
    expect(partial.errors?.length).toBeGreaterThan(0);
    const ready = await fetch(new URL('/ready', stack().routerUrl));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, subgraphs: { analytics: 'down', customer: 'up' } });

    await analytics.start(port);
    const recovered = await gqlRequest<{ viewer: { organization: { spend: { confirmedBookings: number } } } }>(stack().routerUrl, VIEWER_WITH_SPEND, {}, auth);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.viewer.organization.spend).toEqual({ confirmedBookings: 0 });
  });
});
