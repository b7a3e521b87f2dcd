import { randomUUID } from 'node:crypto';
import type { Viewer } from '@travel/platform';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluations, outbox } from '../src/db/schema.js';
import type { CreatePolicyInput } from '../src/policies/policies.service.js';
import { PolicyHarness } from './policy-harness.js';

const EVALUATE = `mutation ($input: EvaluateBookingPolicyInput!) {
  evaluateBookingPolicy(input: $input) {
    evaluation { id result policyVersion evaluatedAt outcomes { ruleId ruleName action triggered message } }
    errors { code field message }
  }
}`;

interface Outcome {
  ruleId: string;
  ruleName: string;
  action: string;
  triggered: boolean;
  message: string;
}
interface EvaluationView {
  id: string;
  result: string;
  policyVersion: number | null;
  evaluatedAt: string;
  outcomes: Outcome[];
}
interface EvaluatePayload {
  evaluateBookingPolicy: { evaluation: EvaluationView | null; errors: { code: string; field: string | null; message: string }[] };
}

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** A small but complete policy: one rule of each action, one reading the traveler. */
const POLICY: CreatePolicyInput = {
  name: 'Standard travel policy',
  rules: [
    {
      name: 'Late booking',
      action: 'track_only',
      condition: { field: 'booking.advanceDays', op: 'lt', value: 7 },
      message: 'Booked less than 7 days ahead',
      priority: 30,
    },
    {
      name: 'Business under 3 hours',
      description: 'Short flights are economy',
      action: 'soft_warning',
      condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'lt', value: 180 }] },
      message: 'Business class needs a reason on flights under 3 hours',
      priority: 10,
    },
    {
      name: 'Trip budget',
      action: 'hard_stop',
      condition: { field: 'booking.totalAmount', op: 'gt', value: 500_000 },
      message: 'Trips over 5,000.00 USD are not allowed',
      priority: 20,
    },
    {
      name: 'First class is for directors',
      action: 'hard_stop',
      condition: { all: [{ field: 'segment.cabin', op: 'eq', value: 'first' }, { field: 'traveler.level', op: 'lt', value: 'director' }] },
      message: 'First class is reserved for directors and above',
      priority: 40,
    },
  ],
};

describe('evaluateBookingPolicy', () => {
  let h: PolicyHarness;

  beforeAll(async () => {
    h = await PolicyHarness.start(NOW);
  });
  afterAll(async () => {
    await h.close();
  });

  async function evaluate(viewer: Viewer, bookingId: string) {
    const res = await h.request<EvaluatePayload>(viewer, EVALUATE, { input: { bookingId } });
    expect(res.errors).toBeUndefined();
    return res.data!.evaluateBookingPolicy;
  }

  async function outboxFor(bookingId: string) {
    return h.runtime.db.select().from(outbox).where(eq(outbox.aggregateId, bookingId));
  }

  it('warns on a short business flight, records every outcome with the policy version, and announces it', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization();
    const { policy, rules } = await h.server.services.policies.createPolicy(orgId, POLICY);
    const ruleId = (name: string) => rules.find((r) => r.name === name)!.id;
    const bookingId = h.addBooking(orgId, travelerId, [h.flight('BUSINESS', 3, 120, 120_000)]);

    const { evaluation, errors } = await evaluate(viewer, bookingId);

    expect(errors).toEqual([]);
    expect(evaluation).toMatchObject({ result: 'SOFT_WARNING', policyVersion: 1, evaluatedAt: NOW.toISOString() });
    expect(evaluation!.outcomes).toEqual([
      { ruleId: ruleId('Business under 3 hours'), ruleName: 'Business under 3 hours', action: 'SOFT_WARNING', triggered: true, message: 'Business class needs a reason on flights under 3 hours' },
      { ruleId: ruleId('Trip budget'), ruleName: 'Trip budget', action: 'HARD_STOP', triggered: false, message: 'Trips over 5,000.00 USD are not allowed' },
      { ruleId: ruleId('Late booking'), ruleName: 'Late booking', action: 'TRACK_ONLY', triggered: true, message: 'Booked less than 7 days ahead' },
      { ruleId: ruleId('First class is for directors'), ruleName: 'First class is for directors', action: 'HARD_STOP', triggered: false, message: 'First class is reserved for directors and above' },
    ]);

    const [stored] = await h.runtime.db.select().from(evaluations).where(eq(evaluations.id, evaluation!.id));
    expect(stored).toMatchObject({ orgId, bookingId, policyId: policy.id, policyVersion: 1, result: 'soft_warning', evaluatedBy: viewer.personId });

    const events = await outboxFor(bookingId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'policy.evaluated',
      orgId,
      payload: { evaluationId: evaluation!.id, bookingId, result: 'SOFT_WARNING', policyId: policy.id, policyVersion: 1 },
    });
  });

  it('stops first class for a manager but not for an executive, reading the level from the customer subgraph', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization({ level: 'MANAGER', department: 'Sales' });
    await h.server.services.policies.createPolicy(orgId, POLICY);
    const executive = h.addPerson(orgId, { level: 'EXECUTIVE', department: 'Board' });
    const managerTrip = h.addBooking(orgId, travelerId, [h.flight('FIRST', 10, 600, 400_000)]);
    const executiveTrip = h.addBooking(orgId, executive, [h.flight('FIRST', 10, 600, 400_000)]);

    const stopped = (await evaluate(viewer, managerTrip)).evaluation!;
    const allowed = (await evaluate(viewer, executiveTrip)).evaluation!;

    expect(stopped.result).toBe('HARD_STOP');
    expect(stopped.outcomes.filter((o) => o.triggered).map((o) => o.ruleName)).toEqual(['First class is for directors']);
    expect(allowed.result).toBe('COMPLIANT');
    expect(allowed.outcomes.every((o) => !o.triggered)).toBe(true);
  });

  it('gives an organization without an active policy a compliant evaluation with no outcomes', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization();
    const bookingId = h.addBooking(orgId, travelerId, [h.flight('FIRST', 1, 60, 900_000)]);

    const { evaluation } = await evaluate(viewer, bookingId);

    expect(evaluation).toMatchObject({ result: 'COMPLIANT', policyVersion: null, outcomes: [] });
    const [stored] = await h.runtime.db.select().from(evaluations).where(eq(evaluations.id, evaluation!.id));
    expect(stored).toMatchObject({ policyId: null, policyVersion: null, result: 'compliant' });
    const events = await outboxFor(bookingId);
    expect(events.map((e) => e.payload)).toEqual([{ evaluationId: evaluation!.id, bookingId, result: 'COMPLIANT', policyId: null, policyVersion: null }]);
  });

  it('answers NOT_FOUND for an unknown booking and for another organization’s booking, writing nothing', async () => {
    const mine = h.newOrganization();
    const theirs = h.newOrganization();
    await h.server.services.policies.createPolicy(mine.orgId, POLICY);
    const theirBooking = h.addBooking(theirs.orgId, theirs.travelerId, [h.flight('ECONOMY', 20, 90, 10_000)]);
    const unknown = randomUUID();

    for (const bookingId of [unknown, theirBooking]) {
      const result = await evaluate(mine.viewer, bookingId);
      expect(result).toEqual({ evaluation: null, errors: [{ code: 'NOT_FOUND', field: 'bookingId', message: `No booking ${bookingId}` }] });
      expect(await h.runtime.db.select().from(evaluations).where(eq(evaluations.bookingId, bookingId))).toEqual([]);
      expect(await outboxFor(bookingId)).toEqual([]);
    }
  });

  it('rejects a malformed booking id as VALIDATION_FAILED', async () => {
    const { viewer } = h.newOrganization();
    const result = await evaluate(viewer, 'not-an-id');
    expect(result).toMatchObject({ evaluation: null, errors: [{ code: 'VALIDATION_FAILED', field: 'bookingId' }] });
  });

  it('refuses an anonymous caller', async () => {
    const res = await h.request<EvaluatePayload>(null, EVALUATE, { input: { bookingId: randomUUID() } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
