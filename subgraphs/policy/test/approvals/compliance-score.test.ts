import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluations } from '../../src/db/schema.js';
import { ApprovalsHarness, bookingEvent } from './approvals-harness.js';

const SCORE = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id complianceScore { percent evaluatedBookings compliantBookings } } } }`;

describe('Person.complianceScore', () => {
  const h = new ApprovalsHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  async function draft(orgId: string, travelerId: string): Promise<string> {
    const bookingId = randomUUID();
    await h.deliverFromBooking([bookingEvent('booking.drafted', orgId, { bookingId, travelerId, amount: 10_000, currency: 'USD', holdIds: [] })]);
    return bookingId;
  }

  async function evaluate(orgId: string, bookingId: string, result: 'compliant' | 'soft_warning' | 'hard_stop', minutesLater: number): Promise<void> {
    const at = new Date(h.clock.now().getTime() + minutesLater * 60_000);
    await h.runtime.db.insert(evaluations).values({ orgId, bookingId, result, outcomes: [], evaluatedBy: randomUUID(), evaluatedAt: at });
  }

  async function scoreOf(orgId: string, personId: string) {
    const res = await h.gql<{ _entities: { complianceScore: unknown }[] }>({ personId: randomUUID(), orgId, roles: ['travel_admin'] }, SCORE, {
      r: [{ __typename: 'Person', id: personId }],
    });
    return res.data!._entities[0]!.complianceScore;
  }

  it('is the share of evaluated bookings whose latest evaluation was compliant, and follows new evaluations', async () => {
    const org = h.organization();
    const traveler = org.add({});
    const [a, b, c] = [await draft(org.orgId, traveler), await draft(org.orgId, traveler), await draft(org.orgId, traveler)];
    await draft(org.orgId, traveler); // never evaluated: does not count
    await evaluate(org.orgId, a, 'compliant', 1);
    await evaluate(org.orgId, b, 'soft_warning', 1);
    await evaluate(org.orgId, c, 'hard_stop', 1);
    expect(await scoreOf(org.orgId, traveler)).toEqual({ percent: 33.3, evaluatedBookings: 3, compliantBookings: 1 });

    // Re-evaluated after the traveler changed the trip: the latest verdict counts.
    await evaluate(org.orgId, b, 'compliant', 5);
    expect(await scoreOf(org.orgId, traveler)).toEqual({ percent: 66.7, evaluatedBookings: 3, compliantBookings: 2 });
  });

  it('has no percentage without evaluated bookings, and never counts another organization’s bookings', async () => {
    const org = h.organization();
    const traveler = org.add({});
    expect(await scoreOf(org.orgId, traveler)).toEqual({ percent: null, evaluatedBookings: 0, compliantBookings: 0 });
    const booking = await draft(org.orgId, traveler);
    await evaluate(org.orgId, booking, 'compliant', 1);
    expect(await scoreOf(randomUUID(), traveler)).toEqual({ percent: null, evaluatedBookings: 0, compliantBookings: 0 });
  });
});
