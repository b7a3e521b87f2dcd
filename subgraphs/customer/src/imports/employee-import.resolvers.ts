import { payload, requireRole, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';

export const employeeImportResolvers: Resolvers<CustomerContext> = {
  Mutation: {
    importEmployees: (_: unknown, args: { input: { rows: unknown[] } }, ctx: CustomerContext) => {
      const viewer = requireRole(ctx.viewer, 'travel_admin');
      return payload(() => ctx.services.imports.importEmployees(viewer, args.input.rows)).then((result) => ({
        created: result.created ?? 0,
        updated: result.updated ?? 0,
        unchanged: result.unchanged ?? 0,
        rowErrors: result.rowErrors ?? [],
        errors: result.errors,
      }));
    },
  },
};
