import { enumResolver, pageArgs, payload, requireRole, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';
import { ORGANIZATION_TIERS, type OrganizationRow } from '../db/schema.js';
import type { PersonCursor } from '../people/people.repository.js';
import { effectiveSettings } from './organizations.service.js';

export const organizationsResolvers: Resolvers<CustomerContext> = {
  OrganizationTier: enumResolver(ORGANIZATION_TIERS),
  Query: {
    organization: (_: unknown, __: unknown, ctx: CustomerContext) => ctx.loaders.organization.load(requireViewer(ctx.viewer).orgId),
  },
  Mutation: {
    updateOrganizationSettings: (_: unknown, args: { input: Record<string, unknown> }, ctx: CustomerContext) =>
      payload(async () => {
        const viewer = requireRole(ctx.viewer, 'travel_admin');
        return { organization: await ctx.services.organizations.updateSettings(viewer.orgId, args.input) };
      }),
  },
  Organization: {
    settings: (org: OrganizationRow) => effectiveSettings(org),
    __resolveReference: (ref: { id: string }, ctx: CustomerContext) =>
      ref.id === requireViewer(ctx.viewer).orgId ? ctx.loaders.organization.load(ref.id) : null,
    people: async (org: OrganizationRow, args: { first?: number; after?: string }, ctx: CustomerContext) => {
      const { limit, after } = pageArgs<PersonCursor>(args);
      const repo = ctx.services.repositories.people;
      const [rows, total] = await Promise.all([repo.listByOrganization(org.id, limit, after), repo.countByOrganization(org.id)]);
      rows.forEach((p) => ctx.loaders.person.prime(p.id, p));
      return toConnection(rows, limit, (p) => [p.name, p.id], total);
    },
  },
};
