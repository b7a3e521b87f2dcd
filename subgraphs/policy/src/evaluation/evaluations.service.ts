import { DomainError, parseInput, type Clock, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { EvaluationRow } from '../db/schema.js';
import type { PoliciesRepository } from '../policies/policies.repository.js';
import type { BookingFactsReader } from './booking-facts.js';
import type { EvaluationsRepository } from './evaluations.repository.js';
import { evaluateRules } from './rule-engine.js';

const evaluateInput = z.object({
  bookingId: z.guid({ error: 'bookingId is not a valid id' }),
});

const RESULT_NAMES = { compliant: 'COMPLIANT', soft_warning: 'SOFT_WARNING', hard_stop: 'HARD_STOP' } as const;

export class EvaluationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PoliciesRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly facts: BookingFactsReader,
    private readonly clock: Clock,
  ) {}

  /**
   * Judges a booking against the caller's active policy and records the
   * verdict with the policy version it was judged under, announcing it in the
   * same transaction. The facts are read before the transaction opens, so no
   * database transaction waits on another subgraph.
   */
  async evaluateBooking(viewer: Viewer, identity: string, input: unknown): Promise<EvaluationRow> {
    const { bookingId } = parseInput(evaluateInput, input);
    const now = this.clock.now();
    const facts = await this.facts.read(bookingId, identity, now);
    if (!facts) throw new DomainError('NOT_FOUND', `No booking ${bookingId}`, 'bookingId');

    return this.uow.run(async ({ tx, emit }) => {
      const policy = await this.policies.findActive(viewer.orgId, tx);
      const rules = policy ? await this.policies.rulesOf(viewer.orgId, [policy.id], tx) : [];
      const verdict = evaluateRules(rules, facts);
      const evaluation = await this.evaluations.insert(
        {
          orgId: viewer.orgId,
          bookingId,
          policyId: policy?.id ?? null,
          policyVersion: policy?.version ?? null,
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
}
