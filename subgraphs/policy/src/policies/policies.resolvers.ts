import { enumResolver, payload, requireRole, requireViewer, type Resolvers } from '@travel/platform';
import type { PolicyContext } from '../context.js';
import { RULE_ACTIONS, VERSION_STATUSES, type PolicyRow, type PolicyRuleRow, type PolicyVersionRow } from '../db/schema.js';

type Args = { input: unknown };

/** The version a policy shows by default: the one in force, else the newest. */
async function shownVersion(policy: PolicyRow, ctx: PolicyContext): Promise<PolicyVersionRow | undefined> {
  const versions = await ctx.loaders.versions.load(policy.id);
  return versions.find((v) => v.status === 'active') ?? versions[0];
}

const admin = (ctx: PolicyContext) => requireRole(ctx.viewer, 'travel_admin');

export const policiesResolvers: Resolvers<PolicyContext> = {
  PolicyAction: enumResolver(RULE_ACTIONS),
  PolicyVersionStatus: enumResolver(VERSION_STATUSES),
  Query: {
    travelPolicy: async (_: unknown, __: unknown, ctx: PolicyContext) =>
      (await ctx.services.repositories.policies.findActive(requireViewer(ctx.viewer).orgId))?.policy ?? null,
    travelPolicies: (_: unknown, __: unknown, ctx: PolicyContext) => ctx.services.repositories.policies.listPolicies(admin(ctx).orgId),
    preferredVendors: (_: unknown, __: unknown, ctx: PolicyContext) => ctx.services.repositories.policies.preferredVendors(requireViewer(ctx.viewer).orgId),
  },
  Mutation: {
    createTravelPolicy: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ policy: await ctx.services.policies.createDraftPolicy(admin(ctx), args.input) })),
    draftPolicyVersion: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ version: await ctx.services.policies.draftVersion(admin(ctx), args.input) })),
    addPolicyRule: (_: unknown, args: Args, ctx: PolicyContext) => payload(async () => ({ rule: await ctx.services.policies.addRule(admin(ctx), args.input) })),
    updatePolicyRule: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ rule: await ctx.services.policies.updateRule(admin(ctx), args.input) })),
    removePolicyRule: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ rule: await ctx.services.policies.removeRule(admin(ctx), args.input) })),
    activatePolicyVersion: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ version: await ctx.services.policies.activateVersion(admin(ctx), args.input) })),
    testPolicyRule: (_: unknown, args: Args, ctx: PolicyContext) => {
      admin(ctx);
      return payload(async () => ({ outcome: ctx.services.policies.testRule(args.input) }));
    },
    setPreferredVendors: (_: unknown, args: Args, ctx: PolicyContext) =>
      payload(async () => ({ vendorCodes: await ctx.services.policies.setPreferredVendors(admin(ctx), args.input) })),
  },
  TravelPolicy: {
    version: async (policy: PolicyRow, _: unknown, ctx: PolicyContext) => (await shownVersion(policy, ctx))?.version ?? 1,
    active: async (policy: PolicyRow, _: unknown, ctx: PolicyContext) => (await shownVersion(policy, ctx))?.status === 'active',
    rules: async (policy: PolicyRow, _: unknown, ctx: PolicyContext) => {
      const version = await shownVersion(policy, ctx);
      return version ? ctx.loaders.rules.load(version.id) : [];
    },
    versions: (policy: PolicyRow, _: unknown, ctx: PolicyContext) => ctx.loaders.versions.load(policy.id),
  },
  PolicyVersion: {
    rules: (version: PolicyVersionRow, _: unknown, ctx: PolicyContext) => ctx.loaders.rules.load(version.id),
  },
  PolicyRule: {
    condition: (rule: PolicyRuleRow) => JSON.stringify(rule.condition),
    scope: (rule: PolicyRuleRow) => ({ regions: rule.regions, departments: rule.departments, levels: rule.levels }),
  },
};
