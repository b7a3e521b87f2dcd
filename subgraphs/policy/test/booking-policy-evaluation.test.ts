import { DomainError } from '@travel/platform';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policies, policyVersions } from '../src/db/schema.js';
import type { CreatePolicyInput } from '../src/policies/policies.service.js';
import { PolicyHarness } from './policy-harness.js';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Booking { id policyEvaluation { id result policyVersion evaluatedAt } } }
}`;
const EVALUATE = `mutation ($input: EvaluateBookingPolicyInput!) {
  evaluateBookingPolicy(input: $input) { evaluation { id result } errors { code } }
}`;
const TRAVEL_POLICY = `{ travelPolicy { id name version active rules { id name description action condition message priority } } }`;

interface EntitiesData {
  _entities: { id: string; policyEvaluation: { id: string; result: string; policyVersion: number | null; evaluatedAt: string } | null }[];
}
interface EvaluateData {
  evaluateBookingPolicy: { evaluation: { id: string; result: string } | null; errors: { code: string }[] };
}
interface TravelPolicyData {
  travelPolicy: {
    id: string;
    name: string;
    version: number;
    active: boolean;
    rules: { id: string; name: string; description: string | null; action: string; condition: string; message: string; priority: number }[];
  } | null;
}

const SHORT_BUSINESS: CreatePolicyInput = {
  name: 'Short-haul policy',
  rules: [
    {
      name: 'Business under 3 hours',
      action: 'soft_warning',
      condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'lt', value: 180 }] },
      message: 'Business class needs a reason on flights under 3 hours',
      priority: 10,
    },
  ],
};

describe('Booking.policyEvaluation and travelPolicy', () => {
  let h: PolicyHarness;

  beforeAll(async () => {
    h = await PolicyHarness.start(new Date('2026-03-01T12:00:00.000Z'));
  });
  afterAll(async () => {
    await h.close();
  });

  const bookingRefs = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Booking', id })) });

  it('resolves the latest evaluation of each booking for its organization and null for others', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization();
    const outsider = h.newOrganization();
    await h.server.services.policies.createPolicy(orgId, SHORT_BUSINESS);
    const bookingId = h.addBooking(orgId, travelerId, [h.flight('BUSINESS', 14, 90, 60_000)]);
    const neverEvaluated = h.addBooking(orgId, travelerId, [h.flight('ECONOMY', 14, 90, 20_000)]);

    const first = await h.request<EvaluateData>(viewer, EVALUATE, { input: { bookingId } });
    expect(first.data!.evaluateBookingPolicy.evaluation!.result).toBe('SOFT_WARNING');
    // The traveler downgrades; a minute later the booking is judged again.
    h.bookings.get(bookingId)!.segments = [h.flight('ECONOMY', 14, 90, 20_000)];
    h.clock.advance(60_000);
    const second = await h.request<EvaluateData>(viewer, EVALUATE, { input: { bookingId } });
    const latest = second.data!.evaluateBookingPolicy.evaluation!;
    expect(latest.result).toBe('COMPLIANT');

    const own = await h.request<EntitiesData>(viewer, ENTITIES, bookingRefs(bookingId, neverEvaluated, 'not-a-uuid'));
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities).toEqual([
      { id: bookingId, policyEvaluation: { id: latest.id, result: 'COMPLIANT', policyVersion: 1, evaluatedAt: h.clock.now().toISOString() } },
      { id: neverEvaluated, policyEvaluation: null },
      { id: 'not-a-uuid', policyEvaluation: null },
    ]);

    const foreign = await h.request<EntitiesData>(outsider.viewer, ENTITIES, bookingRefs(bookingId));
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data!._entities).toEqual([{ id: bookingId, policyEvaluation: null }]);
  });

  it('serves the active policy with its rules by priority and conditions as JSON text', async () => {
    const { orgId, viewer } = h.newOrganization();
    const { policy } = await h.server.services.policies.createPolicy(orgId, {
      name: 'Company policy',
      rules: [
        { name: 'Budget', action: 'hard_stop', condition: { field: 'booking.totalAmount', op: 'gt', value: 500_000 }, message: 'Too expensive', priority: 20 },
        { ...SHORT_BUSINESS.rules[0]!, description: 'Short flights are economy' },
      ],
    });

    const res = await h.request<TravelPolicyData>(viewer, TRAVEL_POLICY);

    expect(res.data!.travelPolicy).toMatchObject({ id: policy.id, name: 'Company policy', version: 1, active: true });
    const rules = res.data!.travelPolicy!.rules;
    expect(rules.map((r) => [r.name, r.action, r.priority, r.description])).toEqual([
      ['Business under 3 hours', 'SOFT_WARNING', 10, 'Short flights are economy'],
      ['Budget', 'HARD_STOP', 20, null],
    ]);
    expect(JSON.parse(rules[1]!.condition)).toEqual({ field: 'booking.totalAmount', op: 'gt', value: 500_000 });
  });

  it('replaces the active policy and judges later evaluations under the new one', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization();
    const old = await h.server.services.policies.createPolicy(orgId, SHORT_BUSINESS);
    const replacement = await h.server.services.policies.createPolicy(orgId, { name: 'No rules', rules: [] });

    const res = await h.request<TravelPolicyData>(viewer, TRAVEL_POLICY);
    expect(res.data!.travelPolicy).toMatchObject({ id: replacement.policy.id, rules: [] });
    const [retired] = await h.runtime.db.select().from(policyVersions).where(eq(policyVersions.id, old.version.id));
    expect(retired!.status).toBe('retired');

    const bookingId = h.addBooking(orgId, travelerId, [h.flight('BUSINESS', 14, 90, 60_000)]);
    const evaluated = await h.request<EvaluateData>(viewer, EVALUATE, { input: { bookingId } });
    expect(evaluated.data!.evaluateBookingPolicy.evaluation!.result).toBe('COMPLIANT');
  });

  it('refuses a policy with an invalid condition, naming the rule, and keeps the previous policy', async () => {
    const { orgId, viewer } = h.newOrganization();
    const { policy } = await h.server.services.policies.createPolicy(orgId, SHORT_BUSINESS);

    const attempt = h.server.services.policies.createPolicy(orgId, {
      name: 'Broken',
      rules: [
        SHORT_BUSINESS.rules[0]!,
        { name: 'Cabin cap', action: 'hard_stop', condition: { any: [{ field: 'segment.cabin', op: 'gt', value: 'luxury' }] }, message: 'No', priority: 5 },
      ],
    });

    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_RULE',
      field: 'rules.1.condition.any.0.value',
      message: 'Rule "Cabin cap": any[0].value: segment.cabin gt expects one of economy, premium_economy, business, first',
    });
    const res = await h.request<TravelPolicyData>(viewer, TRAVEL_POLICY);
    expect(res.data!.travelPolicy!.id).toBe(policy.id);
    expect(await h.runtime.db.select().from(policies).where(eq(policies.orgId, orgId))).toHaveLength(1);
  });

  it('answers null for an organization without a policy', async () => {
    const res = await h.request<TravelPolicyData>(h.newOrganization().viewer, TRAVEL_POLICY);
    expect(res.errors).toBeUndefined();
    expect(res.data!.travelPolicy).toBeNull();
  });

  it('keeps policies of different organizations apart', async () => {
    const a = h.newOrganization();
    const b = h.newOrganization();
    const { policy } = await h.server.services.policies.createPolicy(b.orgId, { name: 'B policy', rules: [] });
    // Creating A's policy must not retire B's.
    await h.server.services.policies.createPolicy(a.orgId, SHORT_BUSINESS);
    const res = await h.request<TravelPolicyData>(b.viewer, TRAVEL_POLICY);
    expect(res.data!.travelPolicy).toMatchObject({ id: policy.id, name: 'B policy', active: true });
  });
});
