import { eventually } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { createJourneyFixture } from './journey.fixtures.js';
import { client, runJourney } from './journey.js';
import { useStack } from './use-stack.js';

const LOYALTY = /* GraphQL */ `
  query { viewer { loyalty { points tier history(first: 5) { edges { node { reason points bookingId } } } } organization { loyaltyLeaderboard(first: 3) { rank points person { name } } } } }
`;

interface LoyaltyView {
  viewer: {
    loyalty: { points: number; tier: string; history: { edges: { node: { reason: string; points: number; bookingId: string | null } }[] } };
    organization: { loyaltyLeaderboard: { rank: number; points: number; person: { name: string } }[] };
  };
}

describe('loyalty points from a booking made through the router', () => {
  const stack = useStack();

  it('awards the first-booking bonus and the confirmed-booking points once booking.confirmed reached customer', async () => {
    const fx = await createJourneyFixture(stack().servers);
    const booked = await runJourney(stack().routerUrl, fx);
    const api = client(stack().routerUrl);
    await api.signIn(fx.travelerEmail, fx.password);
    const view = await eventually(async () => {
      const v = await api.send<LoyaltyView>(LOYALTY);
      return v.viewer.loyalty.points > 0 ? v : undefined;
    }, { what: 'loyalty points awarded', timeoutMs: 20_000 });
    expect(view.viewer.loyalty.points).toBe(525);
    expect(view.viewer.loyalty.history.edges.map((e) => e.node).sort((a, b) => a.points - b.points)).toEqual([
      { reason: 'BOOKING_CONFIRMED', points: 25, bookingId: booked.id },
      { reason: 'FIRST_BOOKING', points: 500, bookingId: null },
    ]);
    expect(view.viewer.organization.loyaltyLeaderboard).toEqual([{ rank: 1, points: 525, person: { name: 'Ava Traveler' } }]);
  });
});
