import { pageArgs, payload, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';
import type { PersonRow } from '../db/schema.js';
import type { PersonCursor } from '../people/people.repository.js';

type DelegationArgs = { input: { delegateId: string; principalId?: string | null } };

export const delegationsResolvers: Resolvers<CustomerContext> = {
  Query: {
    bookableTravelers: async (_: unknown, args: { first?: number; after?: string }, ctx: CustomerContext) => {
      const viewer = requireViewer(ctx.viewer);
      const { limit, after } = pageArgs<PersonCursor>(args);
      const repo = ctx.services.repositories.people;
      const everyone = viewer.roles.includes('travel_admin');
      const [rows, total] = await Promise.all([
        everyone ? repo.listByOrganization(viewer.orgId, limit, after) : repo.listBookableBy(viewer.orgId, viewer.personId, limit, after),
        everyone ? repo.countByOrganization(viewer.orgId) : repo.countBookableBy(viewer.orgId, viewer.personId),
      ]);
      rows.forEach((p) => ctx.loaders.person.prime(p.id, p));
      return toConnection(rows, limit, (p) => [p.name, p.id], total);
    },
  },
  Mutation: {
    grantDelegation: (_: unknown, args: DelegationArgs, ctx: CustomerContext) =>
      payload(async () => ({ principal: await ctx.services.delegations.grant(requireViewer(ctx.viewer), args.input) })),
    revokeDelegation: (_: unknown, args: DelegationArgs, ctx: CustomerContext) =>
      payload(async () => ({ principal: await ctx.services.delegations.revoke(requireViewer(ctx.viewer), args.input) })),
  },
  Person: {
    delegates: async (person: PersonRow, _: unknown, ctx: CustomerContext) => {
      const viewer = requireViewer(ctx.viewer);
      if (viewer.personId !== person.id && !viewer.roles.includes('travel_admin')) return [];
      const granted = await ctx.loaders.delegations.load(person.id);
      const people = await ctx.loaders.person.loadMany(granted.map((d) => d.delegateId));
      return people.filter((p): p is PersonRow => p !== null && !(p instanceof Error));
    },
    canBeBookedByViewer: (person: PersonRow, _: unknown, ctx: CustomerContext) => {
      const viewer = requireViewer(ctx.viewer);
      if (viewer.orgId !== person.orgId) return false;
      if (viewer.personId === person.id || viewer.roles.includes('travel_admin')) return true;
      return ctx.loaders.delegatedToViewer.load(person.id);
    },
  },
};
