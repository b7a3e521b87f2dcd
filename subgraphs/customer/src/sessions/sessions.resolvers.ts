import { payload, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';

type InputArgs = { input: Record<string, unknown> };

export const sessionsResolvers: Resolvers<CustomerContext> = {
  Mutation: {
    signUp: (_: unknown, args: InputArgs, ctx: CustomerContext) => payload(() => ctx.services.sessions.signUp(args.input)),
    signIn: (_: unknown, args: InputArgs, ctx: CustomerContext) => payload(() => ctx.services.sessions.signIn(args.input)),
    refreshSession: (_: unknown, args: InputArgs, ctx: CustomerContext) => payload(() => ctx.services.sessions.refresh(args.input)),
    signOut: async (_: unknown, args: InputArgs, ctx: CustomerContext) => {
      const result = await payload(async () => {
        await ctx.services.sessions.signOut(args.input, ctx.viewer);
        return { signedOut: true };
      });
      return { signedOut: result.signedOut ?? false, errors: result.errors };
    },
  },
};
