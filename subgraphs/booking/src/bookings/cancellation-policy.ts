/**
 * Refund rules of a segment, chosen when the segment is added and stored with
 * it, so a later change of the supplier's rules does not change what this
 * booking was sold with.
 *
 * | policy         | time left before the segment starts | refund |
 * |----------------|-------------------------------------|--------|
 * | flexible       | 24 h or more                        | 100 %  |
 * |                | less than 24 h                      | 0 %    |
 * | standard       | 7 days or more                      | 100 %  |
 * |                | 24 h or more                        | 50 %   |
 * |                | less than 24 h                      | 0 %    |
 * | non_refundable | any                                 | 0 %    |
 *
 * A bound is inclusive: exactly 24 h before departure still gets the refund.
 * Once the segment has started nothing is refunded.
 *
 * Rounding rule: a refund is `floor(price × basis points / 10 000)` in the
 * currency's minor units, computed per segment with exact integer arithmetic,
 * then summed. Rounding down means the traveler is never refunded more than
 * the policy grants; the lost fraction is below one minor unit per segment.
 * The rule is the same whatever the currency's exponent (JPY 0, USD 2, KWD 3)
 * because amounts are already in minor units.
 */
export const CANCELLATION_POLICIES = ['flexible', 'standard', 'non_refundable'] as const;
export type CancellationPolicy = (typeof CANCELLATION_POLICIES)[number];

const HOUR = 3_600;
const DAY = 24 * HOUR;
const FULL = 10_000;

/** [minimum seconds before the start, basis points], most generous first. */
const TIERS: Readonly<Record<CancellationPolicy, readonly (readonly [number, number])[]>> = {
  flexible: [[DAY, FULL]],
  standard: [
    [7 * DAY, FULL],
    [DAY, FULL / 2],
  ],
  non_refundable: [],
};

/** Share of the price refunded, in basis points (10 000 = 100 %), when `secondsBeforeStart` remain. */
export function refundBasisPoints(policy: CancellationPolicy, secondsBeforeStart: number | null): number {
  // Without a start time there is no window to be inside of; refunding nothing is the safe reading.
  if (secondsBeforeStart === null || secondsBeforeStart < 0) return 0;
  for (const [minimum, basisPoints] of TIERS[policy]) if (secondsBeforeStart >= minimum) return basisPoints;
  return 0;
}

/** `floor(priceMinor × basisPoints / 10 000)` without floating point, so large amounts stay exact. */
export function applyBasisPoints(priceMinor: number, basisPoints: number): number {
  if (!Number.isSafeInteger(priceMinor) || priceMinor < 0) throw new RangeError(`price must be a non-negative integer of minor units, got ${priceMinor}`);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > FULL) throw new RangeError(`basis points must be 0..${FULL}, got ${basisPoints}`);
  return Number((BigInt(priceMinor) * BigInt(basisPoints)) / BigInt(FULL));
}

/**
 * The policy of a flight segment follows the fare it was held at: a
 * non-refundable fare refunds nothing, a refundable FLEX fare is flexible,
 * another refundable fare is standard. A hold without a fare class keeps the
 * flight default.
 */
export function policyForFare(fare: { fareFamily: string; refundable: boolean } | null | undefined): CancellationPolicy {
  if (!fare) return DEFAULT_POLICY_BY_KIND.flight;
  if (!fare.refundable) return 'non_refundable';
  return fare.fareFamily === 'FLEX' ? 'flexible' : 'standard';
}

/** Default policy of a segment kind when inventory publishes no fare rules for the hold. */
export const DEFAULT_POLICY_BY_KIND: Readonly<Record<'flight' | 'hotel' | 'car' | 'package', CancellationPolicy>> = {
  flight: 'standard',
  hotel: 'flexible',
  car: 'flexible',
  package: 'non_refundable',
};

/** Seconds from `now` to `start`, whole seconds toward zero; null without a start. */
export function secondsBetween(now: Date, start: Date | null): number | null {
  if (!start) return null;
  return Math.trunc((start.getTime() - now.getTime()) / 1000);
}
