import type { Clock, Logger, PubSub } from '@travel/platform';
import type { ApprovalsRepository } from './approvals.repository.js';
import type { ApprovalRequestRow, ApprovalStepRow } from './approvals.tables.js';

/** One channel per person: a subscriber hears only about requests they are concerned with. */
export function approvalChannel(personId: string): string {
  return `policy.approvals.person.${personId}`;
}

/** What travels on the channel: which request changed; subscribers read its state from the database. */
export interface ApprovalUpdate {
  requestId: string;
  orgId: string;
}

/**
 * Live updates of approval requests for the people concerned: the traveler,
 * the requester, whoever just acted, and the approver now asked (and their
 * delegate while the delegation runs). Best effort, after the commit: the
 * database stays the truth.
 */
export class ApprovalUpdates {
  constructor(
    private readonly pubsub: PubSub,
    private readonly approvals: ApprovalsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async publish(request: ApprovalRequestRow, steps: readonly ApprovalStepRow[], actors: readonly (string | null)[] = []): Promise<void> {
    try {
      const people = new Set<string>([request.travelerId, request.requestedById]);
      for (const actor of actors) if (actor) people.add(actor);
      const current = steps.find((s) => s.status === 'pending');
      if (current) {
        people.add(current.approverId);
        const delegation = await this.approvals.delegationOf(request.orgId, current.approverId);
        if (delegation && delegation.until > this.clock.now()) people.add(delegation.delegateId);
      }
      const update: ApprovalUpdate = { requestId: request.id, orgId: request.orgId };
      await Promise.all([...people].map((personId) => this.pubsub.publish(approvalChannel(personId), update)));
    } catch (error) {
      this.logger.warn({ err: error, requestId: request.id }, 'could not publish an approval update');
    }
  }

  /**
   * Every later change to a request the person is concerned with, as the
   * request's state when it is read. A plain iterator rather than a generator,
   * so that a subscriber leaving while it waits unsubscribes at once.
   */
  watch(orgId: string, personId: string): AsyncIterableIterator<ApprovalRequestRow> {
    const updates = this.pubsub.subscribe<ApprovalUpdate>(approvalChannel(personId));
    const approvals = this.approvals;
    const finish = async (): Promise<IteratorResult<ApprovalRequestRow>> => {
      await updates.return?.();
      return { value: undefined, done: true };
    };
    return {
      next: async (): Promise<IteratorResult<ApprovalRequestRow>> => {
        for (;;) {
          const message = await updates.next();
          if (message.done) return { value: undefined, done: true };
          if (message.value.orgId !== orgId) continue;
          const [request] = await approvals.findRequests(orgId, [message.value.requestId]);
          if (request) return { value: request, done: false };
        }
      },
      return: finish,
      throw: async (error?: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
