import { DomainError, enumResolver, pageArgs, payload, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import type { CustomerContext } from '../context.js';
import { LOYALTY_REASONS, type LoyaltyLedgerRow, type OrganizationRow, type PersonRow } from '../db/schema.js';
import { BADGES, TIERS } from './loyalty-rules.js';
import type { AwardCursor } from './loyalty.repository.js';
import { maySeeLoyalty, type LoyaltySummary } from './loyalty.service.js';

const MAX_LEADERBOARD = 100;

function awardCursor(after: AwardCursor | null): AwardCursor | null {
  if (after === null) return null;
  if (!Array.isArray(after) || typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || typeof after[1] !== 'string') {
    throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
  }
  return after;
}

export const loyaltyResolvers: Resolvers<CustomerContext> = {
  LoyaltyTier: enumResolver(TIERS),
  LoyaltyBadge: enumResolver(BADGES),
  LoyaltyReason: enumResolver(LOYALTY_REASONS),
  Mutation: {
    reviewTrip: (_: unknown, args: { input: unknown }, ctx: CustomerContext) =>
      payload(async () => ({ loyalty: await ctx.services.loyalty.reviewTrip(ctx.viewer, args.input) })),
    redeemReferral: (_: unknown, args: { input: unknown }, ctx: CustomerContext) =>
      payload(async () => ({ loyalty: await ctx.services.loyalty.redeemReferral(ctx.viewer, args.input) })),
  },
  Person: {
    loyalty: (person: PersonRow, _: unknown, ctx: CustomerContext) => (maySeeLoyalty(requireViewer(ctx.viewer), person.id) ? ctx.loaders.loyalty.load(person.id) : null),
  },
  LoyaltyAccount: {
    referralCode: (account: LoyaltySummary, _: unknown, ctx: CustomerContext) =>
      requireViewer(ctx.viewer).personId === account.personId ? ctx.services.loyalty.referralCode(account.orgId, account.personId) : null,
    history: async (account: LoyaltySummary, args: { first?: number | null; after?: string | null }, ctx: CustomerContext) => {
      const { limit, after } = pageArgs<AwardCursor>(args);
      const repo = ctx.services.repositories.loyalty;
      const [rows, total] = await Promise.all([repo.history(account.orgId, account.personId, limit, awardCursor(after)), repo.countHistory(account.orgId, account.personId)]);
      return toConnection(rows, limit, (r): AwardCursor => [r.createdAt.toISOString(), r.id], total);
    },
  },
  LoyaltyAward: {
    bookingId: (award: LoyaltyLedgerRow) => (award.reason === 'booking_confirmed' || award.reason === 'booking_completed' || award.reason === 'review' ? award.source : null),
    awardedAt: (award: LoyaltyLedgerRow) => award.createdAt,
  },
  Organization: {
    loyaltyLeaderboard: async (org: OrganizationRow, args: { first?: number | null }, ctx: CustomerContext) => {
      if (requireViewer(ctx.viewer).orgId !== org.id) return [];
      const first = args.first ?? 10;
      if (!Number.isInteger(first) || first < 1 || first > MAX_LEADERBOARD) throw new DomainError('VALIDATION_FAILED', `first must be between 1 and ${MAX_LEADERBOARD}`, 'first');
      const standings = await ctx.services.repositories.loyalty.leaderboard(org.id, first);
      const summaries = await ctx.loaders.loyalty.loadMany(standings.map((s) => s.personId));
      return standings.map((s, i) => ({ rank: i + 1, person: ctx.loaders.person.load(s.personId), account: summaries[i] }));
    },
  },
  LoyaltyLeaderboardEntry: {
    points: (entry: { account: LoyaltySummary }) => entry.account.points,
    tier: (entry: { account: LoyaltySummary }) => entry.account.tier,
  },
};
