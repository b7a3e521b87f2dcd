import { API_KEY_SCOPES, enumResolver, payload, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';
import type { OrganizationRow } from '../db/schema.js';

export const apiKeysResolvers: Resolvers<CustomerContext> = {
  ApiKeyScope: enumResolver(API_KEY_SCOPES),
  Mutation: {
    createApiKey: (_: unknown, args: { input: { name: string; scopes: string[] } }, ctx: CustomerContext) =>
      payload(() => ctx.services.apiKeys.create(ctx.viewer, args.input)),
    revokeApiKey: (_: unknown, args: { input: { id: string } }, ctx: CustomerContext) =>
      payload(async () => ({ apiKey: await ctx.services.apiKeys.revoke(ctx.viewer, args.input.id) })),
  },
  Organization: {
    apiKeys: (org: OrganizationRow, _: unknown, ctx: CustomerContext) => ctx.services.apiKeys.list(ctx.viewer, org.id),
  },
};
