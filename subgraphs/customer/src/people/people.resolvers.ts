import { EMPLOYEE_LEVELS, LOYALTY_PROGRAM_KINDS, MEAL_PREFERENCES, SEAT_PREFERENCES, type PersonRow } from '../db/schema.js';
import { enumResolver, payload, requireViewer, ROLES, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';
import { defaultWarningHorizon, documentWarnings, passportOf } from './travel-documents.js';

export const peopleResolvers: Resolvers<CustomerContext> = {
  Role: enumResolver(ROLES),
  EmployeeLevel: enumResolver(EMPLOYEE_LEVELS),
  SeatPreference: enumResolver(SEAT_PREFERENCES),
  MealPreference: enumResolver(MEAL_PREFERENCES),
  LoyaltyProgramKind: enumResolver(LOYALTY_PROGRAM_KINDS),
  Query: {
    viewer: (_: unknown, __: unknown, ctx: CustomerContext) => (ctx.viewer ? ctx.loaders.person.load(ctx.viewer.personId) : null),
    person: (_: unknown, args: { id: string }, ctx: CustomerContext) => ctx.loaders.person.load(args.id),
  },
  Mutation: {
    updateMyProfile: (_: unknown, args: { input: Record<string, unknown> }, ctx: CustomerContext) =>
      payload(async () => ({ person: await ctx.services.people.updateProfile(requireViewer(ctx.viewer), args.input) })),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: CustomerContext) => ctx.loaders.person.load(ref.id),
    manager: (person: PersonRow, _: unknown, ctx: CustomerContext) => (person.managerId ? ctx.loaders.person.load(person.managerId) : null),
    organization: (person: PersonRow, _: unknown, ctx: CustomerContext) => ctx.loaders.organization.load(person.orgId),
    preferences: (person: PersonRow) => ({ seat: person.preferences.seat ?? null, meal: person.preferences.meal ?? null }),
    passport: (person: PersonRow, _: unknown, ctx: CustomerContext) => passportOf(person, ctx.viewer),
    documentWarnings: (person: PersonRow, args: { before?: string | null }, ctx: CustomerContext) => {
      const now = ctx.services.clock.now();
      return documentWarnings(person, now.toISOString().slice(0, 10), args.before ?? defaultWarningHorizon(now));
    },
  },
};
