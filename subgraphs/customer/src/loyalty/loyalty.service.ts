import { randomBytes } from 'node:crypto';
import { DomainError, parseInput, requireViewer, type Clock, type DomainEvent, type UnitOfWork, type Viewer, type WorkScope } from '@travel/platform';
import { z } from 'zod';
import type { LoyaltyReason } from '../db/schema.js';
import { badgesFor, POINTS, tierFor, type Badge, type LoyaltyTier } from './loyalty-rules.js';
import type { LoyaltyRepository } from './loyalty.repository.js';

export interface LoyaltySummary {
  personId: string;
  orgId: string;
  points: number;
  tier: LoyaltyTier;
  badges: Badge[];
}

const reviewInput = z.object({
  bookingId: z.uuid({ error: 'bookingId is not a booking id' }),
  rating: z.number().int().min(1, 'rating is 1 to 5').max(5, 'rating is 1 to 5'),
  comment: z.string().trim().max(2000).optional().nullable(),
});
const referralInput = z.object({ code: z.string().trim().min(4).max(32) });

/** Who may see a person's loyalty account: the person and their organization's admins. */
export function maySeeLoyalty(viewer: Viewer, personId: string): boolean {
  return viewer.personId === personId || viewer.roles.some((r) => r === 'travel_admin' || r === 'platform_admin');
}

/**
 * BooksyGo loyalty: points from booking events (consumed once per event
 * through the inbox, and once per fact through the ledger's unique award
 * key), reviews of completed trips and referral codes; tiers and badges
 * follow from the ledger.
 */
export class LoyaltyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly loyalty: LoyaltyRepository,
    private readonly clock: Clock,
  ) {}

  async onBookingConfirmed(event: DomainEvent<'booking.confirmed'>, { tx }: WorkScope): Promise<void> {
    const traveler = await this.loyalty.personOf(event.payload.travelerId, tx);
    if (!traveler) return;
    const at = this.clock.now();
    const base = { orgId: traveler.orgId, personId: traveler.id, at };
    await this.loyalty.upsertTrip({ ...base, bookingId: event.payload.bookingId, status: 'confirmed' }, tx);
    await this.loyalty.award({ ...base, reason: 'booking_confirmed', source: event.payload.bookingId, points: POINTS.booking_confirmed }, tx);
    // The source is constant, so the unique award key lets only the first booking ever earn it.
    await this.loyalty.award({ ...base, reason: 'first_booking', source: 'first', points: POINTS.first_booking }, tx);
  }

  async onBookingCompleted(event: DomainEvent<'booking.completed'>, { tx }: WorkScope): Promise<void> {
    const traveler = await this.loyalty.personOf(event.payload.travelerId, tx);
    if (!traveler) return;
    const at = this.clock.now();
    const base = { orgId: traveler.orgId, personId: traveler.id, at };
    await this.loyalty.upsertTrip({ ...base, bookingId: event.payload.bookingId, status: 'completed' }, tx);
    await this.loyalty.award({ ...base, reason: 'booking_completed', source: event.payload.bookingId, points: POINTS.booking_completed }, tx);
  }

  /** Points already earned stay; a canceled trip just cannot be reviewed. */
  async onBookingCanceled(event: DomainEvent<'booking.canceled'>, { tx }: WorkScope): Promise<void> {
    const traveler = await this.loyalty.personOf(event.payload.travelerId, tx);
    if (!traveler) return;
    await this.loyalty.upsertTrip({ bookingId: event.payload.bookingId, orgId: traveler.orgId, personId: traveler.id, status: 'canceled', at: this.clock.now() }, tx);
  }

  /** The traveler reviews a completed trip, once; the review earns points. */
  async reviewTrip(viewer: Viewer | null, input: unknown): Promise<LoyaltySummary> {
    const v = requireViewer(viewer);
    const data = parseInput(reviewInput, input);
    await this.uow.run(async ({ tx }) => {
      const trip = await this.loyalty.findTrip(v.orgId, data.bookingId, tx);
      if (!trip || trip.personId !== v.personId) throw new DomainError('NOT_FOUND', 'No completed trip of yours with this booking', 'bookingId');
      if (trip.status !== 'completed') throw new DomainError('INVALID_TRANSITION', `The trip is ${trip.status}; only completed trips are reviewed`, 'bookingId');
      const at = this.clock.now();
      if (!(await this.loyalty.recordReview(trip.bookingId, { rating: data.rating, text: data.comment ?? null, at }, tx))) {
        throw new DomainError('CONFLICT', 'This trip is already reviewed', 'bookingId');
      }
      await this.loyalty.award({ orgId: v.orgId, personId: v.personId, reason: 'review', source: trip.bookingId, points: POINTS.review, at }, tx);
    });
    return (await this.summaries(v.orgId, [v.personId]))[0]!;
  }

  /** Redeems a colleague's referral code: both earn the referral points; one code per person, never one's own. */
  async redeemReferral(viewer: Viewer | null, input: unknown): Promise<LoyaltySummary> {
    const v = requireViewer(viewer);
    const { code } = parseInput(referralInput, input);
    await this.uow.run(async ({ tx }) => {
      const owner = await this.loyalty.findReferralCode(v.orgId, code.toUpperCase(), tx);
      if (!owner) throw new DomainError('NOT_FOUND', 'Unknown referral code', 'code');
      if (owner.personId === v.personId) throw new DomainError('VALIDATION_FAILED', 'You cannot redeem your own code', 'code');
      const at = this.clock.now();
      if (!(await this.loyalty.redeem(v.personId, code.toUpperCase(), at, tx))) throw new DomainError('CONFLICT', 'You already redeemed a referral code', 'code');
      await this.loyalty.award({ orgId: v.orgId, personId: owner.personId, reason: 'referral', source: `referred:${v.personId}`, points: POINTS.referral, at }, tx);
      await this.loyalty.award({ orgId: v.orgId, personId: v.personId, reason: 'referral_redeemed', source: code.toUpperCase(), points: POINTS.referral_redeemed, at }, tx);
    });
    return (await this.summaries(v.orgId, [v.personId]))[0]!;
  }

  async referralCode(orgId: string, personId: string): Promise<string> {
    return this.loyalty.referralCodeOf(orgId, personId, randomBytes(5).toString('hex').toUpperCase());
  }

  /** Points, tier and badges of people of one organization, in the order asked (DataLoader batch). */
  async summaries(orgId: string, personIds: readonly string[]): Promise<LoyaltySummary[]> {
    const rows = await this.loyalty.totals(orgId, personIds);
    return personIds.map((personId) => {
      const mine = rows.filter((r) => r.personId === personId);
      const points = mine.reduce((sum, r) => sum + r.points, 0);
      const counts: Partial<Record<LoyaltyReason, number>> = {};
      for (const r of mine) counts[r.reason] = r.awards;
      return { personId, orgId, points, tier: tierFor(points), badges: badgesFor(counts) };
    });
  }
}
