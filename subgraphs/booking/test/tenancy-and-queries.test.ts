import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';

const BOOKING = `query ($id: ID!) { booking(id: $id) { id status traveler { id } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Booking { id status total { amount currency } segments { kind } history { toStatus } }
  ... on Person { id bookings(first: 10) { totalCount edges { node { id } } } }
} }`;
const LIST = `query ($first: Int, $after: String, $status: BookingStatus) {
  bookings(first: $first, after: $after, status: $status) { totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; status: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('tenancy and queries', () => {
  const h = new Harness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('shows a booking to its organization only', async () => {
    const owner = h.person();
    const booking = await h.draft(owner);
    const colleague = h.person(['traveler'], owner.orgId);
    const stranger = h.person(['travel_admin']);

    const own = await h.gql<{ booking: { id: string; status: string } | null }>(colleague, BOOKING, { id: booking.id });
    expect(own.data?.booking).toEqual({ id: booking.id, status: 'DRAFT', traveler: { id: owner.personId } });
    const other = await h.gql<{ booking: unknown }>(stranger, BOOKING, { id: booking.id });
    expect(other.errors).toBeUndefined();
    expect(other.data?.booking).toBeNull();
    expect((await h.gql<{ booking: unknown }>(owner, BOOKING, { id: 'not-a-uuid' })).data?.booking).toBeNull();
  });

  it('resolves Booking references for the caller\u2019s organization and null for any other', async () => {
    const owner = h.person();
    const booking = await h.draft(owner);
    const representations = [{ __typename: 'Booking', id: booking.id }];

    const own = await h.gql<{ _entities: unknown[] }>(owner, ENTITIES, { representations });
    expect(own.data?._entities).toEqual([
      { id: booking.id, status: 'DRAFT', total: { amount: 45_000, currency: 'USD' }, segments: [{ kind: 'FLIGHT' }], history: [{ toStatus: 'DRAFT' }] },
    ]);
    const foreign = await h.gql<{ _entities: unknown[] }>(h.person(), ENTITIES, { representations });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?._entities).toEqual([null]);
  });

  it('lists a person\u2019s trips within the caller\u2019s organization', async () => {
    const arranger = h.person(['arranger']);
    const traveler = h.person(['traveler'], arranger.orgId);
    h.customer.delegate(traveler.personId, arranger.personId);
    const trip = await h.draft(arranger, { travelerId: traveler.personId });
    await h.draft(arranger);
    const representations = [{ __typename: 'Person', id: traveler.personId }];

    const own = await h.gql<{ _entities: unknown[] }>(traveler, ENTITIES, { representations });
    expect(own.data?._entities).toEqual([{ id: traveler.personId, bookings: { totalCount: 1, edges: [{ node: { id: trip.id } }] } }]);
    const foreign = await h.gql<{ _entities: unknown[] }>(h.person(), ENTITIES, { representations });
    expect(foreign.data?._entities).toEqual([{ id: traveler.personId, bookings: { totalCount: 0, edges: [] } }]);
  });

  it('pages through the organization\u2019s bookings newest first and filters by status', async () => {
    const viewer = h.person();
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      made.push((await h.draft(viewer)).id);
      h.clock.advance(1000);
    }
    const sameInstant = [(await h.draft(viewer)).id, (await h.draft(viewer)).id].sort();
    h.policy.verdicts.set(made[0]!, 'COMPLIANT');
    await h.confirm(viewer, { bookingId: made[0]! });
    await h.draft(h.person());

    const expected = [...sameInstant, made[2], made[1], made[0]];
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await h.gql<{ bookings: Page }>(viewer, LIST, { first: 2, after });
      const page: Page = res.data!.bookings;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    const pending = await h.gql<{ bookings: Page }>(viewer, LIST, { status: 'PAYMENT_PENDING' });
    expect(pending.data!.bookings.edges.map((e) => e.node)).toEqual([{ id: made[0], status: 'PAYMENT_PENDING' }]);
    expect(pending.data!.bookings.totalCount).toBe(1);
  });

  it('rejects a forged cursor and an oversized page', async () => {
    const viewer = h.person();
    const forged = Buffer.from(JSON.stringify(['yesterday', randomUUID()])).toString('base64url');
    const bad = await h.gql<{ bookings: Page }>(viewer, LIST, { after: forged });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
    const big = await h.gql<{ bookings: Page }>(viewer, LIST, { first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });

  it('requires a signed-in caller', async () => {
    const res = await h.gql(null, BOOKING, { id: randomUUID() });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
