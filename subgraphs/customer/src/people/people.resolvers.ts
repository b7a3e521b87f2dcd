import { EMPLOYEE_LEVELS, type PersonRow } from '../db/schema.js';
import { enumResolver, payload, ROLES, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';

export const peopleResolvers: Resolvers<CustomerContext> = {
  Role: enumResolver(ROLES),
  EmployeeLevel: enumResolver(EMPLOYEE_LEVELS),
  Query: {
    viewer: (_: unknown, __: unknown, ctx: CustomerContext) => (ctx.viewer ? ctx.loaders.person.load(ctx.viewer.personId) : null),
    person: (_: unknown, args: { id: string }, ctx: CustomerContext) => ctx.loaders.person.load(args.id),
  },
  Mutation: {
    signIn: (_: unknown, args: { input: { email: string; password: string } }, ctx: CustomerContext) =>
      payload(async () => {
        const result = await ctx.services.people.signIn(args.input, ctx.services.clock.now());
        return { accessToken: result.accessToken, expiresAt: result.expiresAt, viewer: result.person };
      }),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: CustomerContext) => ctx.loaders.person.load(ref.id),
    manager: (person: PersonRow, _: unknown, ctx: CustomerContext) => (person.managerId ? ctx.loaders.person.load(person.managerId) : null),
    organization: (person: PersonRow, _: unknown, ctx: CustomerContext) => ctx.loaders.organization.load(person.orgId),
  },
};
