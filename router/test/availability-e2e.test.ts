import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, testConfig } from '@travel/platform/testkit';
import { startStack, type Stack } from '@travel/stack/src/stack.js';
import { createJourneyFixture, type JourneyFixture } from '@travel/stack/test/journey.fixtures.js';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerClient, watch, within } from './ws-client.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken errors { code } } }
`;
const HOLD_SEAT = /* GraphQL */ `
  mutation Hold($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id status } errors { code message } } }
`;
const WATCH_AVAILABILITY = /* GraphQL */ `
  subscription Availability($flightId: ID!) {
    flightAvailabilityChanged(flightId: $flightId) { flightId cabins { cabin seatsLeft } }
  }
`;

interface Availability {
  flightAvailabilityChanged: { flightId: string; cabins: { cabin: string; seatsLeft: number }[] };
}

const economy = (a: Availability | null | undefined) => a?.flightAvailabilityChanged.cabins.find((c) => c.cabin === 'ECONOMY')?.seatsLeft;

describe('live availability through the router, all six subgraphs in one process', () => {
  let runtime: ProcessRuntime;
  let stack: Stack;
  let fx: JourneyFixture;
  let client: Client | undefined;

  beforeAll(async () => {
    runtime = await createTestRuntime(testConfig());
    stack = await startStack(runtime);
    fx = await createJourneyFixture(stack.servers);
  });
  afterAll(async () => {
    await client?.dispose();
    await stack?.stop();
    await runtime?.close();
  });

  it("tells a subscriber the seats left within a second of another client's hold", async () => {
    const signIn = await gqlRequest<{ signIn: { accessToken: string } }>(stack.routerUrl, SIGN_IN, { input: { email: fx.travelerEmail, password: fx.password } });
    const token = signIn.data!.signIn.accessToken;
    client = routerClient(stack.routerUrl, token);
    const sub = watch<Availability>(client, WATCH_AVAILABILITY, { flightId: fx.flightId });
    const initial = await eventually(async () => sub.received[0], { what: 'the current availability' });
    expect(initial.errors).toBeUndefined();
    const before = economy(initial.data);
    expect(before).toBeGreaterThan(0);

    const hold = await gqlRequest<{ holdSeat: { hold: { status: string } | null; errors: unknown[] } }>(
      stack.routerUrl,
      HOLD_SEAT,
      { input: { flightId: fx.flightId, cabin: 'ECONOMY' } },
      { authorization: `Bearer ${token}` },
    );
    expect(hold.data?.holdSeat.errors).toEqual([]);
    const update = await within(1000, 'availability after the hold', () => sub.received.find((r) => economy(r.data) === before! - 1));
    expect(update.data?.flightAvailabilityChanged.flightId).toBe(fx.flightId);
    expect(stack.router.subscriptionStats()).toMatchObject({ upstreamOpen: 1, watchers: 1 });
  });
});
