import type { LoyaltyReason } from '../db/schema.js';

/** Points per award (BooksyGo's point system; a confirmed booking earns a small amount up front). */
export const POINTS: Record<LoyaltyReason, number> = {
  first_booking: 500,
  booking_confirmed: 25,
  booking_completed: 100,
  review: 50,
  referral: 200,
  referral_redeemed: 200,
};

export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type LoyaltyTier = (typeof TIERS)[number];

/** Lower bound of each tier, highest first. */
const TIER_FLOORS: [LoyaltyTier, number][] = [
  ['platinum', 5000],
  ['gold', 2500],
  ['silver', 1000],
  ['bronze', 0],
];

export function tierFor(points: number): LoyaltyTier {
  return TIER_FLOORS.find(([, floor]) => points >= floor)![0];
}

export const BADGES = ['first_trip', 'frequent_traveler', 'reviewer', 'ambassador'] as const;
export type Badge = (typeof BADGES)[number];

/** Badges follow from how many awards of each kind a person has; none is stored. */
export function badgesFor(counts: Partial<Record<LoyaltyReason, number>>): Badge[] {
  const trips = counts.booking_completed ?? 0;
  const badges: Badge[] = [];
  if (trips >= 1) badges.push('first_trip');
  if (trips >= 5) badges.push('frequent_traveler');
  if ((counts.review ?? 0) >= 1) badges.push('reviewer');
  if ((counts.referral ?? 0) >= 1) badges.push('ambassador');
  return badges;
}
