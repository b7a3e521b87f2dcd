import { enumResolver, requireViewer, type Resolvers } from '@travel/platform';
import type { PolicyContext } from '../context.js';
import { RULE_ACTIONS, type PolicyRow, type PolicyRuleRow } from '../db/schema.js';

export const policiesResolvers: Resolvers<PolicyContext> = {
  PolicyAction: enumResolver(RULE_ACTIONS),
  Query: {
    travelPolicy: async (_: unknown, __: unknown, ctx: PolicyContext) =>
      (await ctx.services.repositories.policies.findActive(requireViewer(ctx.viewer).orgId)) ?? null,
  },
  TravelPolicy: {
    rules: (policy: PolicyRow, _: unknown, ctx: PolicyContext) => ctx.loaders.rules.load(policy.id),
  },
  PolicyRule: {
    condition: (rule: PolicyRuleRow) => JSON.stringify(rule.condition),
  },
};
