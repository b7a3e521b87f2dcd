import { randomUUID } from 'node:crypto';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig, unique } from '@travel/platform/testkit';
import { streamOf, type DomainEvent, type EventPayloads, type EventType, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerServer, type CustomerServer } from '../src/server.js';

const LOYALTY = `query ($id: ID!) { person(id: $id) { loyalty { points tier badges referralCode history(first: 2) { totalCount edges { node { reason points bookingId } } pageInfo { hasNextPage endCursor } } } } }`;
const HISTORY_AFTER = `query ($id: ID!, $after: String) { person(id: $id) { loyalty { history(first: 2, after: $after) { edges { node { reason } } } } } }`;
const LEADERBOARD = `{ organization { loyaltyLeaderboard(first: 10) { rank points tier person { id } } } }`;
const REVIEW = `mutation ($input: ReviewTripInput!) { reviewTrip(input: $input) { loyalty { points badges } errors { code field } } }`;
const REDEEM = `mutation ($code: String!) { redeemReferral(input: { code: $code }) { loyalty { points } errors { code field } } }`;

interface Account {
  points: number;
  tier: string;
  badges: string[];
  referralCode: string | null;
  history: { totalCount: number; edges: { node: { reason: string; points: number; bookingId: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('customer loyalty', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: CustomerServer;
  let url: string;

  beforeAll(async () => {
    runtime = await createTestRuntime(config);
    server = createCustomerServer(runtime);
    runtime.openBus();
    url = await server.start(0);
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  /** The first person of each organization is its travel admin. */
  const rolesOf = (i: number): Role[] => (i === 0 ? ['traveler', 'travel_admin'] : ['traveler']);

  async function organization(n: number): Promise<Viewer[]> {
    const slug = unique('loyal');
    const { organization: org, people } = await server.services.organizations.provision({
      name: slug,
      slug,
      people: Array.from({ length: n }, (_, i) => ({ ref: String(i), email: `${slug}-${i}@example.com`, name: `Person ${i}`, roles: rolesOf(i) })),
    });
    return Array.from({ length: n }, (_, i): Viewer => ({ personId: people.get(String(i))!.id, orgId: org.id, roles: rolesOf(i) }));
  }

  function event<T extends EventType>(type: T, orgId: string, payload: EventPayloads[T], id = randomUUID()): DomainEvent<T> {
    return { id, type, source: 'booking', orgId, aggregateId: randomUUID(), occurredAt: new Date().toISOString(), payload };
  }
  const confirmed = (v: Viewer, bookingId: string) =>
    event('booking.confirmed', v.orgId, { bookingId, travelerId: v.personId, amount: 50_000, currency: 'EUR', holdIds: [], department: null, segments: [] });
  const completed = (v: Viewer, bookingId: string) => event('booking.completed', v.orgId, { bookingId, travelerId: v.personId, amount: 50_000, currency: 'EUR' });
  const publish = (events: DomainEvent[]) => runtime.bus.publish(streamOf('booking'), events);

  async function account(viewer: Viewer, of = viewer.personId): Promise<Account | null> {
    const res = await gqlRequest<{ person: { loyalty: Account | null } | null }>(url, LOYALTY, { id: of }, await routerHeaders(config, viewer));
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.person?.loyalty ?? null;
  }
  const pointsReach = (viewer: Viewer, points: number) =>
    eventually(async () => {
      const a = await account(viewer);
      return a && a.points === points ? a : undefined;
    }, { what: `${points} points` });

  it('awards a booking exactly once when its event is delivered twice, and the first-booking bonus only once', async () => {
    const [ava] = await organization(1);
    const first = confirmed(ava!, randomUUID());
    await publish([first]);
    await publish([first]);
    // The same fact under another event id (a replayed outbox row) must not pay twice either.
    await publish([{ ...first, id: randomUUID() }]);
    await publish([confirmed(ava!, randomUUID())]);
    const a = await pointsReach(ava!, 500 + 25 + 25);
    expect(a.tier).toBe('BRONZE');
    expect(a.history.totalCount).toBe(3);
  });

  it('awards completed trips, a review once per completed trip, and badges and tiers from them', async () => {
    const [ben] = await organization(1);
    const bookings = Array.from({ length: 5 }, () => randomUUID());
    for (const b of bookings) await publish([confirmed(ben!, b), completed(ben!, b)]);
    const expected = 500 + 5 * 25 + 5 * 100;
    const before = await pointsReach(ben!, expected);
    expect(before.badges).toEqual(['FIRST_TRIP', 'FREQUENT_TRAVELER']);
    expect(before.tier).toBe('SILVER');

    const headers = await routerHeaders(config, ben!);
    const reviewAs = (bookingId: string) => gqlRequest<{ reviewTrip: { loyalty: { points: number; badges: string[] } | null; errors: { code: string }[] } }>(url, REVIEW, { input: { bookingId, rating: 5, comment: 'Smooth' } }, headers);
    const ok = await reviewAs(bookings[0]!);
    expect(ok.data!.reviewTrip).toMatchObject({ errors: [], loyalty: { points: expected + 50, badges: ['FIRST_TRIP', 'FREQUENT_TRAVELER', 'REVIEWER'] } });
    expect((await reviewAs(bookings[0]!)).data!.reviewTrip.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);

    const onlyConfirmed = randomUUID();
    await publish([confirmed(ben!, onlyConfirmed)]);
    await pointsReach(ben!, expected + 50 + 25);
    expect((await reviewAs(onlyConfirmed)).data!.reviewTrip.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  });

  it('pays a referral to both people once, and refuses one’s own code', async () => {
    const [cara, dan] = await organization(2);
    const code = (await account(cara!))!.referralCode!;
    expect(code).toMatch(/^[0-9A-F]{10}$/);
    const redeem = async (who: Viewer, c: string) => (await gqlRequest<{ redeemReferral: { loyalty: { points: number } | null; errors: { code: string }[] } }>(url, REDEEM, { code: c }, await routerHeaders(config, who))).data!.redeemReferral;
    expect((await redeem(cara!, code)).errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
    expect(await redeem(dan!, code.toLowerCase())).toMatchObject({ errors: [], loyalty: { points: 200 } });
    expect((await redeem(dan!, code)).errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const caraAccount = (await account(cara!))!;
    expect(caraAccount).toMatchObject({ points: 200, badges: ['AMBASSADOR'] });
  });

  it('pages history newest first and hides an account from colleagues but not from admins', async () => {
    const [admin, eve, colleague] = await organization(3);
    for (let i = 0; i < 3; i += 1) await publish([confirmed(eve!, randomUUID())]);
    const a = await pointsReach(eve!, 500 + 3 * 25);
    expect(a.history.edges).toHaveLength(2);
    expect(a.history.pageInfo.hasNextPage).toBe(true);
    const next = await gqlRequest<{ person: { loyalty: { history: { edges: unknown[] } } } }>(url, HISTORY_AFTER, { id: eve!.personId, after: a.history.pageInfo.endCursor }, await routerHeaders(config, eve!));
    expect(next.data!.person.loyalty.history.edges).toHaveLength(2);

    expect(await account(colleague!, eve!.personId)).toBeNull();
    expect((await account(admin!, eve!.personId))!.points).toBe(575);
    expect((await account(admin!, eve!.personId))!.referralCode).toBeNull();
  });

  it('ranks only the caller’s organization on the leaderboard, and ignores events about people of no organization here', async () => {
    const [fay, gus] = await organization(2);
    const [outsider] = await organization(1);
    await publish([confirmed(fay!, randomUUID()), confirmed(gus!, randomUUID()), completed(gus!, randomUUID()), confirmed(outsider!, randomUUID())]);
    await publish([confirmed({ personId: randomUUID(), orgId: fay!.orgId, roles: ['traveler'] }, randomUUID())]);
    await pointsReach(outsider!, 525);
    await pointsReach(gus!, 625);
    const res = await gqlRequest<{ organization: { loyaltyLeaderboard: { rank: number; points: number; person: { id: string } }[] } }>(url, LEADERBOARD, {}, await routerHeaders(config, fay!));
    expect(res.data!.organization.loyaltyLeaderboard.map((e) => [e.rank, e.person.id, e.points])).toEqual([
      [1, gus!.personId, 625],
      [2, fay!.personId, 525],
    ]);
  });
});
