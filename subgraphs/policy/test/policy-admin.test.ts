import type { Viewer } from '@travel/platform';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluations, outbox, policyVersions } from '../src/db/schema.js';
import { PolicyHarness } from './policy-harness.js';

const NOW = new Date('2026-05-04T09:00:00.000Z');

interface UserError {
  code: string;
  message: string;
  field: string | null;
}
interface Rule {
  id: string;
  name: string;
  action: string;
  condition: string;
  priority: number;
  scope: { regions: string[]; departments: string[]; levels: string[] };
}
interface Version {
  id: string;
  version: number;
  status: string;
  rules: Rule[];
}

const RULE = 'id name action condition priority scope { regions departments levels }';
const VERSION = `id version status rules { ${RULE} }`;
const CREATE = `mutation($input: CreateTravelPolicyInput!) { createTravelPolicy(input: $input) { policy { id name active versions { ${VERSION} } } errors { code message field } } }`;
const DRAFT = `mutation($input: DraftPolicyVersionInput!) { draftPolicyVersion(input: $input) { version { ${VERSION} } errors { code message field } } }`;
const ADD = `mutation($input: AddPolicyRuleInput!) { addPolicyRule(input: $input) { rule { ${RULE} } errors { code message field } } }`;
const UPDATE = `mutation($input: UpdatePolicyRuleInput!) { updatePolicyRule(input: $input) { rule { ${RULE} } errors { code message field } } }`;
const REMOVE = `mutation($input: RemovePolicyRuleInput!) { removePolicyRule(input: $input) { rule { id } errors { code message field } } }`;
const ACTIVATE = `mutation($input: ActivatePolicyVersionInput!) { activatePolicyVersion(input: $input) { version { id version status } errors { code message field } } }`;
const TEST_RULE = `mutation($input: TestPolicyRuleInput!) { testPolicyRule(input: $input) { outcome { triggered applies details } errors { code message field } } }`;
const VENDORS = `mutation($input: SetPreferredVendorsInput!) { setPreferredVendors(input: $input) { vendorCodes errors { code message field } } }`;
const EVALUATE = `mutation($input: EvaluateBookingPolicyInput!) { evaluateBookingPolicy(input: $input) { evaluation { id result policyVersion } errors { code } } }`;
const OFFERS = `mutation($input: EvaluateOffersInput!) { evaluateOffers(input: $input) { evaluations { offerId result policyVersion outcomes { ruleName triggered applies details } } errors { code message field } } }`;
const POLICIES = `{ travelPolicies { id name version active versions { id version status } } travelPolicy { id version } }`;

const BUSINESS_SHORT = {
  name: 'Business under 3 hours',
  action: 'SOFT_WARNING',
  condition: JSON.stringify({ all: [{ field: 'segment.cabin', op: 'eq', value: 'business' }, { field: 'segment.durationMinutes', op: 'lt', value: 180 }] }),
  message: 'Short flights are economy',
  priority: 10,
};

describe('policy authoring through the graph', () => {
  let h: PolicyHarness;

  beforeAll(async () => {
    h = await PolicyHarness.start(NOW);
  });
  afterAll(async () => {
    await h.close();
  });

  function adminOf(orgId: string): Viewer {
    return { personId: h.addPerson(orgId, { level: 'DIRECTOR', department: 'Travel' }), orgId, roles: ['travel_admin'] };
  }

  async function send<T>(viewer: Viewer, query: string, input: Record<string, unknown>): Promise<T> {
    const res = await h.request<T>(viewer, query, { input });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  }

  async function newDraftPolicy(admin: Viewer, name = 'Travel policy') {
    const { createTravelPolicy } = await send<{ createTravelPolicy: { policy: { id: string; versions: Version[] } } }>(admin, CREATE, { name });
    return { policyId: createTravelPolicy.policy.id, draft: createTravelPolicy.policy.versions[0]! };
  }

  it('creates a policy, drafts rules, activates, drafts again from it, and evaluations record their version', async () => {
    const { orgId, viewer, travelerId } = h.newOrganization({ level: 'MANAGER', department: 'Sales' });
    const admin = adminOf(orgId);
    const { policyId, draft } = await newDraftPolicy(admin);
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT', rules: [] });

    const { addPolicyRule } = await send<{ addPolicyRule: { rule: Rule; errors: UserError[] } }>(admin, ADD, { versionId: draft.id, rule: BUSINESS_SHORT });
    expect(addPolicyRule.errors).toEqual([]);
    expect(addPolicyRule.rule).toMatchObject({ name: 'Business under 3 hours', action: 'SOFT_WARNING', scope: { regions: [], departments: [], levels: [] } });

    // Before activation the organization has no policy in force: everything is compliant.
    const bookingId = h.addBooking(orgId, travelerId, [h.flight('BUSINESS', 10, 120, 80_000)]);
    const before = await send<{ evaluateBookingPolicy: { evaluation: { result: string; policyVersion: number | null } } }>(viewer, EVALUATE, { bookingId });
    expect(before.evaluateBookingPolicy.evaluation).toMatchObject({ result: 'COMPLIANT', policyVersion: null });

    const { activatePolicyVersion } = await send<{ activatePolicyVersion: { version: { status: string }; errors: UserError[] } }>(admin, ACTIVATE, { versionId: draft.id });
    expect(activatePolicyVersion).toEqual({ version: { id: draft.id, version: 1, status: 'ACTIVE' }, errors: [] });
    const [activated] = await h.runtime.db.select().from(outbox).where(and(eq(outbox.aggregateId, policyId), eq(outbox.type, 'policy.version_activated')));
    expect(activated).toMatchObject({ orgId, payload: { policyId, versionId: draft.id, version: 1, previousVersionId: null, activatedBy: admin.personId } });

    const v1 = await send<{ evaluateBookingPolicy: { evaluation: { id: string; result: string; policyVersion: number } } }>(viewer, EVALUATE, { bookingId });
    expect(v1.evaluateBookingPolicy.evaluation).toMatchObject({ result: 'SOFT_WARNING', policyVersion: 1 });

    // Version 2 starts as a copy; loosening the rule there changes nothing until it is activated.
    const { draftPolicyVersion } = await send<{ draftPolicyVersion: { version: Version } }>(admin, DRAFT, { policyId });
    expect(draftPolicyVersion.version).toMatchObject({ version: 2, status: 'DRAFT' });
    const copied = draftPolicyVersion.version.rules[0]!;
    expect(copied).toMatchObject({ name: 'Business under 3 hours', priority: 10 });
    const { updatePolicyRule } = await send<{ updatePolicyRule: { rule: Rule; errors: UserError[] } }>(admin, UPDATE, {
      ruleId: copied.id,
      rule: { scope: { departments: ['Engineering'] }, priority: 5 },
    });
    expect(updatePolicyRule.rule).toMatchObject({ name: 'Business under 3 hours', priority: 5, scope: { departments: ['Engineering'] } });
    const still = await send<{ evaluateBookingPolicy: { evaluation: { result: string; policyVersion: number } } }>(viewer, EVALUATE, { bookingId });
    expect(still.evaluateBookingPolicy.evaluation).toMatchObject({ result: 'SOFT_WARNING', policyVersion: 1 });

    await send(admin, ACTIVATE, { versionId: draftPolicyVersion.version.id });
    const v2 = await send<{ evaluateBookingPolicy: { evaluation: { id: string; result: string; policyVersion: number } } }>(viewer, EVALUATE, { bookingId });
    // The Sales traveler is outside the rule's new scope.
    expect(v2.evaluateBookingPolicy.evaluation).toMatchObject({ result: 'COMPLIANT', policyVersion: 2 });
    const [stored] = await h.runtime.db.select().from(evaluations).where(eq(evaluations.id, v2.evaluateBookingPolicy.evaluation.id));
    expect(stored!.versionId).toBe(draftPolicyVersion.version.id);

    const { travelPolicies, travelPolicy } = await send<{
      travelPolicies: { id: string; version: number; active: boolean; versions: { version: number; status: string }[] }[];
      travelPolicy: { id: string; version: number };
    }>(admin, POLICIES, {});
    expect(travelPolicy).toEqual({ id: policyId, version: 2 });
    expect(travelPolicies[0]!.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'ACTIVE'],
      [1, 'RETIRED'],
    ]);
  });

  it('refuses an invalid rule with INVALID_RULE and the path inside the condition', async () => {
    const { orgId } = h.newOrganization();
    const admin = adminOf(orgId);
    const { draft } = await newDraftPolicy(admin);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { ...BUSINESS_SHORT, condition: JSON.stringify({ any: [{ field: 'segment.cabin', op: 'eq', value: 'economy' }, { not: { field: 'segment.cabin', op: 'eq', value: 'luxury' } }] }) },
        'rule.condition.any.1.not.value',
        /^Rule "Business under 3 hours": any\[1\]\.not\.value: segment\.cabin eq expects one of/,
      ],
      [{ ...BUSINESS_SHORT, condition: '{"field": "segment.cabin",' }, 'rule.condition', /condition is not valid JSON$/],
      [{ ...BUSINESS_SHORT, condition: JSON.stringify({ field: 'segment.seat', op: 'eq', value: 1 }) }, 'rule.condition.field', /unknown field "segment\.seat"/],
      [{ ...BUSINESS_SHORT, scope: { regions: ['moon'] } }, 'rule.scope.regions.0', /regions must be among north_america/],
      [{ ...BUSINESS_SHORT, scope: { levels: ['boss'] } }, 'rule.scope.levels.0', /levels must be among junior/],
      [{ ...BUSINESS_SHORT, name: ' ' }, 'rule.name', /rule name is required/],
    ];
    for (const [rule, field, message] of cases) {
      const { addPolicyRule } = await send<{ addPolicyRule: { rule: Rule | null; errors: UserError[] } }>(admin, ADD, { versionId: draft.id, rule });
      expect(addPolicyRule.rule).toBeNull();
      expect(addPolicyRule.errors).toHaveLength(1);
      expect(addPolicyRule.errors[0]).toMatchObject({ code: 'INVALID_RULE', field });
      expect(addPolicyRule.errors[0]!.message).toMatch(message);
    }
    const { draftPolicyVersion } = await send<{ draftPolicyVersion: { errors: UserError[] } }>(admin, DRAFT, { policyId: (await newDraftPolicy(admin, 'Other')).policyId });
    // A draft already exists on that policy.
    expect(draftPolicyVersion.errors).toMatchObject([{ code: 'CONFLICT' }]);
  });

  it('edits only drafts, removes rules, and keeps other organizations out', async () => {
    const { orgId } = h.newOrganization();
    const admin = adminOf(orgId);
    const { draft } = await newDraftPolicy(admin);
    const { addPolicyRule } = await send<{ addPolicyRule: { rule: Rule } }>(admin, ADD, { versionId: draft.id, rule: BUSINESS_SHORT });
    const second = await send<{ addPolicyRule: { rule: Rule } }>(admin, ADD, { versionId: draft.id, rule: { ...BUSINESS_SHORT, name: 'Second', priority: 20 } });
    const { removePolicyRule } = await send<{ removePolicyRule: { rule: { id: string }; errors: UserError[] } }>(admin, REMOVE, { ruleId: second.addPolicyRule.rule.id });
    expect(removePolicyRule).toEqual({ rule: { id: second.addPolicyRule.rule.id }, errors: [] });

    const other = adminOf(h.newOrganization().orgId);
    const foreign = await send<{ updatePolicyRule: { errors: UserError[] } }>(other, UPDATE, { ruleId: addPolicyRule.rule.id, rule: { priority: 1 } });
    expect(foreign.updatePolicyRule.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'ruleId' }]);
    const foreignActivate = await send<{ activatePolicyVersion: { errors: UserError[] } }>(other, ACTIVATE, { versionId: draft.id });
    expect(foreignActivate.activatePolicyVersion.errors).toMatchObject([{ code: 'NOT_FOUND' }]);

    await send(admin, ACTIVATE, { versionId: draft.id });
    const late = await send<{ updatePolicyRule: { errors: UserError[] } }>(admin, UPDATE, { ruleId: addPolicyRule.rule.id, rule: { priority: 1 } });
    expect(late.updatePolicyRule.errors).toMatchObject([{ code: 'INVALID_TRANSITION', field: 'versionId' }]);
    const again = await send<{ activatePolicyVersion: { errors: UserError[] } }>(admin, ACTIVATE, { versionId: draft.id });
    expect(again.activatePolicyVersion.errors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
  });

  it('keeps one version in force when two are activated at once, and one draft per policy when two are drafted at once', async () => {
    const { orgId } = h.newOrganization();
    const admin = adminOf(orgId);
    const a = await newDraftPolicy(admin, 'A');
    const b = await newDraftPolicy(admin, 'B');
    const activations = await Promise.all(
      [a.draft.id, b.draft.id].map((versionId) => send<{ activatePolicyVersion: { errors: UserError[] } }>(admin, ACTIVATE, { versionId })),
    );
    expect(activations.map((r) => r.activatePolicyVersion.errors)).toEqual([[], []]);
    const active = await h.runtime.db
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.status, 'active')));
    expect(active).toHaveLength(1);
    const retired = [a.draft.id, b.draft.id].find((id) => id !== active[0]!.id)!;
    const [loser] = await h.runtime.db.select().from(policyVersions).where(eq(policyVersions.id, retired));
    expect(loser!.status).toBe('retired');

    const drafts = await Promise.all([1, 2].map(() => send<{ draftPolicyVersion: { version: Version | null; errors: UserError[] } }>(admin, DRAFT, { policyId: a.policyId })));
    expect(drafts.map((d) => d.draftPolicyVersion.errors.map((e) => e.code)).sort()).toEqual([[], ['CONFLICT']]);
  });

  it('lets only travel admins author policies', async () => {
    const { viewer } = h.newOrganization();
    const res = await h.request(viewer, CREATE, { input: { name: 'Mine' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('tests a rule on sample facts without saving it', async () => {
    const { orgId } = h.newOrganization();
    const admin = adminOf(orgId);
    const rule = { ...BUSINESS_SHORT, scope: { regions: ['europe'] } };
    const facts = JSON.stringify({ traveler: { level: 'manager' }, segments: [{ kind: 'flight', cabin: 'business', durationMinutes: 95, destinationCountry: 'France' }] });
    const { testPolicyRule } = await send<{ testPolicyRule: { outcome: { triggered: boolean; applies: boolean; details: string }; errors: UserError[] } }>(admin, TEST_RULE, { rule, facts });
    expect(testPolicyRule.errors).toEqual([]);
    expect(testPolicyRule.outcome).toMatchObject({ triggered: true, applies: true });
    expect(JSON.parse(testPolicyRule.outcome.details)).toEqual({ 'segment.cabin': 'business', 'segment.durationMinutes': 95 });

    const elsewhere = JSON.stringify({ segments: [{ kind: 'flight', cabin: 'business', durationMinutes: 95, destinationCountry: 'Japan' }] });
    const outside = await send<{ testPolicyRule: { outcome: { triggered: boolean; applies: boolean } } }>(admin, TEST_RULE, { rule, facts: elsewhere });
    expect(outside.testPolicyRule.outcome).toMatchObject({ triggered: false, applies: false });

    const bad = await send<{ testPolicyRule: { outcome: null; errors: UserError[] } }>(admin, TEST_RULE, { rule, facts: JSON.stringify({ segments: [{ cabin: 'luxury' }] }) });
    expect(bad.testPolicyRule.errors).toMatchObject([{ code: 'VALIDATION_FAILED', field: 'facts.segments.0.cabin' }]);
    const invalid = await send<{ testPolicyRule: { errors: UserError[] } }>(admin, TEST_RULE, { rule: { ...rule, condition: '{}' }, facts });
    expect(invalid.testPolicyRule.errors).toMatchObject([{ code: 'INVALID_RULE', field: 'rule.condition' }]);
  });

  it('evaluates a bulk of offers for a traveler in one call, with each rule outcome and preferred vendors', async () => {
    const { orgId, viewer } = h.newOrganization({ level: 'SENIOR', department: 'Engineering' });
    const admin = adminOf(orgId);
    await h.server.services.policies.createPolicy(orgId, {
      name: 'Offers',
      rules: [
        { name: 'Preferred airlines', action: 'soft_warning', priority: 10, condition: { field: 'segment.vendorPreferred', op: 'eq', value: false }, message: 'Use a preferred airline' },
        { name: 'Hotel cap', action: 'hard_stop', priority: 20, condition: { field: 'segment.nightlyRate', op: 'gt', value: 40_000 }, message: 'Too expensive a night' },
      ],
    });
    const { setPreferredVendors } = await send<{ setPreferredVendors: { vendorCodes: string[] } }>(admin, VENDORS, { vendorCodes: ['ba', 'LH', 'BA'] });
    expect(setPreferredVendors.vendorCodes).toEqual(['BA', 'LH']);

    const flight = (offerId: string, vendor: string) => ({
      offerId,
      kind: 'FLIGHT',
      cabin: 'ECONOMY',
      priceAmount: 50_000,
      departAt: '2026-05-20T10:00:00.000Z',
      arriveAt: '2026-05-20T17:00:00.000Z',
      vendor,
      destinationCountry: 'Germany',
    });
    const offers = [
      flight('f-ba', 'BA'),
      flight('f-ua', 'UA'),
      { offerId: 'h-cheap', kind: 'HOTEL', priceAmount: 60_000, checkIn: '2026-05-20', checkOut: '2026-05-22', vendor: 'LH' },
      { offerId: 'h-dear', kind: 'HOTEL', priceAmount: 150_000, checkIn: '2026-05-20', checkOut: '2026-05-22', vendor: 'LH' },
    ];
    const { evaluateOffers } = await send<{
      evaluateOffers: { evaluations: { offerId: string; result: string; policyVersion: number; outcomes: { ruleName: string; triggered: boolean; details: string }[] }[]; errors: UserError[] };
    }>(viewer, OFFERS, { travelerId: viewer.personId, offers });
    expect(evaluateOffers.errors).toEqual([]);
    expect(evaluateOffers.evaluations.map((e) => [e.offerId, e.result, e.policyVersion])).toEqual([
      ['f-ba', 'COMPLIANT', 1],
      ['f-ua', 'SOFT_WARNING', 1],
      ['h-cheap', 'COMPLIANT', 1],
      ['h-dear', 'HARD_STOP', 1],
    ]);
    expect(JSON.parse(evaluateOffers.evaluations[3]!.outcomes[1]!.details)).toEqual({ 'segment.nightlyRate': 75_000 });

    const stranger = h.newOrganization().travelerId;
    const refused = await send<{ evaluateOffers: { evaluations: null; errors: UserError[] } }>(viewer, OFFERS, { travelerId: stranger, offers });
    expect(refused.evaluateOffers).toMatchObject({ evaluations: null, errors: [{ code: 'NOT_FOUND', field: 'travelerId' }] });
  });
});
