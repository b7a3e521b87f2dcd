import { DomainError, parseInput, type Clock, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { EvaluationRow, PolicyResult } from '../db/schema.js';
import type { PoliciesRepository } from '../policies/policies.repository.js';
import { loadJudgingPolicy, type JudgingPolicy } from './active-policy.js';
import { travelerFacts, type BookingFactsReader } from './booking-facts.js';
import type { EvaluationsRepository } from './evaluations.repository.js';
import { offerInput, offerToBookingFacts, toOfferFacts, type OfferFacts } from './offer-facts.js';
import { verdictOf, type BookingFacts, type RuleOutcome } from './rule-engine.js';

const evaluateInput = z.object({
  bookingId: z.guid({ error: 'bookingId is not a valid id' }),
});

/** A page of search results is at most a few hundred offers; more is a misuse of the endpoint. */
const MAX_OFFERS = 500;

const evaluateOffersInput = z.object({
  travelerId: z.guid({ error: 'travelerId is not a valid id' }),
  offers: z.array(offerInput).min(1, { error: 'at least one offer is required' }).max(MAX_OFFERS, { error: `at most ${MAX_OFFERS} offers at once` }),
});

const RESULT_NAMES = { compliant: 'COMPLIANT', soft_warning: 'SOFT_WARNING', hard_stop: 'HARD_STOP' } as const;

/** The verdict on one offer, with the version it was judged under; not recorded (offers are not bookings yet). */
export interface OfferVerdict {
  offerId: string;
  result: PolicyResult;
  policyVersion: number | null;
  outcomes: RuleOutcome[];
}

export class EvaluationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PoliciesRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly facts: BookingFactsReader,
    private readonly clock: Clock,
  ) {}

  /**
   * Judges a booking against the caller's active policy version and records
   * the verdict with the version it was judged under, announcing it in the
   * same transaction. The facts are read before the transaction opens, so no
   * database transaction waits on another subgraph.
   */
  async evaluateBooking(viewer: Viewer, identity: string, input: unknown): Promise<EvaluationRow> {
    const { bookingId } = parseInput(evaluateInput, input);
    const now = this.clock.now();
    const preferred = new Set(await this.policies.preferredVendors(viewer.orgId));
    const facts = await this.facts.read(bookingId, identity, now, preferred);
    if (!facts) throw new DomainError('NOT_FOUND', `No booking ${bookingId}`, 'bookingId');

    return this.uow.run(async ({ tx, emit }) => {
      const policy = await loadJudgingPolicy(this.policies, viewer.orgId, tx);
      const verdict = verdictOf(policy.rules, facts);
      const evaluation = await this.evaluations.insert(
        {
          orgId: viewer.orgId,
          bookingId,
          policyId: policy.policyId,
          policyVersion: policy.version,
          versionId: policy.versionId,
          result: verdict.result,
          outcomes: verdict.outcomes,
          evaluatedBy: viewer.personId,
          evaluatedAt: now,
        },
        tx,
      );
      await emit({
        type: 'policy.evaluated',
        orgId: viewer.orgId,
        aggregateId: bookingId,
        payload: {
          evaluationId: evaluation.id,
          bookingId,
          result: RESULT_NAMES[verdict.result],
          policyId: evaluation.policyId,
          policyVersion: evaluation.policyVersion,
        },
      });
      return evaluation;
    });
  }

  /** Bulk evaluation for a traveler of the caller's organization (an arranger may ask for someone else). */
  async evaluateOffers(viewer: Viewer, identity: string, input: unknown): Promise<OfferVerdict[]> {
    const { travelerId, offers } = parseInput(evaluateOffersInput, input);
    const traveler = await this.facts.readTraveler(travelerId, identity);
    if (!traveler) throw new DomainError('NOT_FOUND', `No traveler ${travelerId}`, 'travelerId');
    return this.judgeOffers(viewer.orgId, travelerFacts(traveler), offers.map(toOfferFacts));
  }

  /**
   * One rule load and one pass over all offers: the organization's version
   * in force and preferred vendors are read once, whatever the number of offers.
   */
  async judgeOffers(orgId: string, traveler: BookingFacts['traveler'], offers: readonly OfferFacts[]): Promise<OfferVerdict[]> {
    const policy = await loadJudgingPolicy(this.policies, orgId);
    return judgeAll(policy, traveler, offers, this.clock.now());
  }
}

export function judgeAll(policy: JudgingPolicy, traveler: BookingFacts['traveler'], offers: readonly OfferFacts[], now: Date): OfferVerdict[] {
  return offers.map((offer) => {
    const verdict = verdictOf(policy.rules, offerToBookingFacts(offer, traveler, policy.preferredVendors, now));
    return { offerId: offer.offerId, result: verdict.result, policyVersion: policy.version, outcomes: verdict.outcomes };
  });
}
