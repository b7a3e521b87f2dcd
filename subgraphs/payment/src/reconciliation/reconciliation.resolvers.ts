import { DomainError, enumResolver, pageArgs, payload, requireRole, toConnection, type Resolvers } from '@travel/platform';
import type { PaymentContext } from '../context.js';
import { FLAG_KINDS, FLAG_STATUSES, FLAG_SUBJECTS, type FlagRow } from '../db/schema.js';
import { isFlagCursor, type FlagCursor } from './reconciliation.repository.js';

export const reconciliationResolvers: Resolvers<PaymentContext> = {
  ReconciliationFlagKind: enumResolver(FLAG_KINDS),
  ReconciliationFlagStatus: enumResolver(FLAG_STATUSES),
  ReconciliationSubject: enumResolver(FLAG_SUBJECTS),
  Query: {
    financeSummary: async (_: unknown, __: unknown, ctx: PaymentContext) => {
      const { orgId } = requireRole(ctx.viewer, 'finance');
      const repo = ctx.services.repositories.reconciliation;
      const [volume, counts, flagged, activeCards] = await Promise.all([
        repo.volume(orgId),
        repo.reconciliationCounts(orgId),
        repo.countByStatus(orgId, 'open'),
        repo.activeCards(orgId),
      ]);
      return {
        volume: volume.map((v) => ({
          captured: { amount: v.captured, currency: v.currency },
          refunded: { amount: v.refunded, currency: v.currency },
          net: { amount: v.captured - v.refunded, currency: v.currency },
        })),
        capturedPayments: counts.captured,
        reconciledPayments: counts.clean,
        reconciliationRate: counts.captured === 0 ? null : counts.clean / counts.captured,
        flaggedTransactions: flagged,
        activeCards,
      };
    },
    reconciliationFlags: async (_: unknown, args: { status?: string; first?: number; after?: string }, ctx: PaymentContext) => {
      const { orgId } = requireRole(ctx.viewer, 'finance');
      const { limit, after } = pageArgs<FlagCursor>(args);
      if (after !== null && !isFlagCursor(after)) throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
      // The SDL default (OPEN) reaches resolvers unmapped by the enum resolver, so both spellings are accepted.
      const status = (args.status ?? 'open').toLowerCase();
      if (status !== 'open' && status !== 'resolved') throw new DomainError('VALIDATION_FAILED', 'status must be OPEN or RESOLVED', 'status');
      const repo = ctx.services.repositories.reconciliation;
      const [rows, total] = await Promise.all([repo.list(orgId, status, limit, after), repo.countByStatus(orgId, status)]);
      return toConnection(rows, limit, (f): FlagCursor => [f.createdAt.toISOString(), f.id], total);
    },
  },
  Mutation: {
    resolveReconciliationFlag: (_: unknown, args: { input: { flagId: string; note: string } }, ctx: PaymentContext) => {
      const viewer = requireRole(ctx.viewer, 'finance');
      return payload(async () => ({ flag: await ctx.services.reconciliation.resolve(viewer.orgId, viewer.personId, args.input) }));
    },
  },
  ReconciliationFlag: {
    booking: (flag: FlagRow) => ({ __typename: 'Booking', id: flag.bookingId }),
    amount: (flag: FlagRow) => ({ amount: flag.amountMinor, currency: flag.currency }),
  },
};
