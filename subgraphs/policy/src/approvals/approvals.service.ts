import { DomainError, parseInput, type Clock, type CommitScope, type DomainEvent, type Logger, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import { planChain } from './approval-chain.js';
import type { ApprovalUpdates } from './approval-updates.js';
import type { ApprovalsRepository } from './approvals.repository.js';
import {
  MISSED_DEADLINE_ACTIONS,
  type ApprovalDelegationRow,
  type ApprovalRequestRow,
  type ApprovalSettingsRow,
  type ApprovalStepRow,
  type MissedDeadlineAction,
} from './approvals.tables.js';
import type { OrgDirectory } from './org-directory.js';

const HOUR_MS = 3_600_000;
const MAX_SLA_HOURS = 24 * 30;
const MAX_DELEGATION_DAYS = 365;
/** Steps handled per sweep pass; the next pass takes the rest. */
const SWEEP_BATCH = 100;

/** What an organization that never configured approvals gets: 2,500.00 and 10,000.00 USD, 48 hours, escalation. */
export const DEFAULT_APPROVAL_SETTINGS = {
  financeThresholdMinor: 250_000,
  executiveThresholdMinor: 1_000_000,
  currency: 'USD',
  slaHours: 48,
  onMissedDeadline: 'escalate',
} as const satisfies Pick<ApprovalSettingsRow, 'financeThresholdMinor' | 'executiveThresholdMinor' | 'currency' | 'slaHours' | 'onMissedDeadline'>;

export type EffectiveSettings = Omit<ApprovalSettingsRow, 'updatedAt' | 'updatedById'> & { updatedAt: Date | null; updatedById: string | null };

const settingsInput = z
  .object({
    financeThreshold: z.int({ error: 'financeThreshold must be an integer amount in minor units' }).min(0, { error: 'financeThreshold cannot be negative' }),
    executiveThreshold: z.int({ error: 'executiveThreshold must be an integer amount in minor units' }).min(0, { error: 'executiveThreshold cannot be negative' }),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code such as USD' }),
    slaHours: z
      .int({ error: 'slaHours must be a whole number of hours' })
      .min(1, { error: 'slaHours must be at least 1' })
      .max(MAX_SLA_HOURS, { error: `slaHours must be at most ${MAX_SLA_HOURS}` }),
    onMissedDeadline: z.enum(MISSED_DEADLINE_ACTIONS, { error: `onMissedDeadline must be one of ${MISSED_DEADLINE_ACTIONS.join(', ')}` }),
  })
  .refine((s) => s.executiveThreshold >= s.financeThreshold, { error: 'executiveThreshold must not be below financeThreshold', path: ['executiveThreshold'] });

const decisionInput = z.object({
  requestId: z.guid({ error: 'requestId is not a valid id' }),
  comment: z
    .string()
    .trim()
    .max(2000, { error: 'comment is longer than 2000 characters' })
    .nullish()
    .transform((c) => (c ? c : null)),
});

const delegateInput = z.object({
  delegateId: z.guid({ error: 'delegateId is not a valid id' }),
  until: z.date({ error: 'until must be a date and time' }),
});

export type Decision = 'approve' | 'reject';

export class ApprovalsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly approvals: ApprovalsRepository,
    private readonly directory: OrgDirectory,
    private readonly updates: ApprovalUpdates,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async settings(orgId: string, db?: CommitScope['tx']): Promise<EffectiveSettings> {
    return (await this.approvals.settingsOf(orgId, db)) ?? { orgId, ...DEFAULT_APPROVAL_SETTINGS, updatedAt: null, updatedById: null };
  }

  /** Replaces the organization's thresholds, SLA and missed-deadline action; running requests keep what they started with. */
  async updateSettings(viewer: Viewer, input: unknown): Promise<ApprovalSettingsRow> {
    const data = parseInput(settingsInput, input);
    return this.approvals.saveSettings({
      orgId: viewer.orgId,
      financeThresholdMinor: data.financeThreshold,
      executiveThresholdMinor: data.executiveThreshold,
      currency: data.currency,
      slaHours: data.slaHours,
      onMissedDeadline: data.onMissedDeadline,
      updatedById: viewer.personId,
      updatedAt: this.clock.now(),
    });
  }

  /** booking.drafted: remembers whose booking it is, for the traveler's compliance score. */
  async onBookingDrafted(event: DomainEvent<'booking.drafted'>, { tx }: CommitScope): Promise<void> {
    if (!event.orgId) return;
    await this.approvals.rememberTraveler({ bookingId: event.payload.bookingId, orgId: event.orgId, travelerId: event.payload.travelerId }, tx);
  }

  /**
   * booking.approval_requested: records the request with the organization's
   * current SLA and missed-deadline action. The chain is built after the
   * commit (`buildChain`), because it reads customer, and no transaction here
   * waits on another subgraph (in the embedded stack they share one database
   * connection). A request whose chain was never built, because the process
   * stopped in between, is built by the next sweep.
   */
  async onApprovalRequested(event: DomainEvent<'booking.approval_requested'>, scope: CommitScope): Promise<void> {
    const orgId = event.orgId;
    if (!orgId) return;
    const p = event.payload;
    const { tx } = scope;
    const settings = await this.settings(orgId, tx);
    const now = this.clock.now();
    await this.approvals.rememberTraveler({ bookingId: p.bookingId, orgId, travelerId: p.travelerId }, tx);
    const request = await this.approvals.insertRequest(
      {
        orgId,
        bookingId: p.bookingId,
        travelerId: p.travelerId,
        requestedById: p.requestedBy,
        amountMinor: p.amount,
        currency: p.currency,
        reason: p.reason,
        status: 'pending',
        onMissedDeadline: settings.onMissedDeadline,
        slaHours: settings.slaHours,
        requestedAt: now,
        updatedAt: now,
      },
      tx,
    );
    if (!request) return;
    await this.approvals.insertAction({ requestId: request.id, orgId, stepPosition: null, kind: 'requested', actorId: p.requestedBy, comment: p.reason, at: now }, tx);
    scope.afterCommit(async () => {
      try {
        await this.buildChain(request);
      } catch (error) {
        this.logger.warn({ err: error, requestId: request.id }, 'could not build the approval chain yet; the sweeper will retry');
      }
    });
  }

  /**
   * Builds a request's chain from the organization (read from customer on
   * behalf of the requester) and asks its first approver. An organization
   * with nobody who can approve gets the request rejected rather than a
   * booking that waits forever. Does nothing for a chain already built.
   */
  async buildChain(request: ApprovalRequestRow): Promise<void> {
    const orgId = request.orgId;
    const settings = await this.settings(orgId);
    const people = await this.directory.people({ personId: request.requestedById, orgId, roles: ['traveler'] });
    const chain = planChain({ travelerId: request.travelerId, amountMinor: request.amountMinor, currency: request.currency }, settings, people);
    await this.uow.run(async (scope) => {
      const { tx } = scope;
      const current = await this.approvals.lockRequest(orgId, request.id, tx);
      if (!current || current.status !== 'pending') return;
      if ((await this.approvals.stepsOf(orgId, [request.id], tx)).length > 0) return;
      const now = this.clock.now();
      if (chain.length === 0) {
        const reason = 'Nobody in the organization can approve this booking';
        const rejected = await this.approvals.updateRequest(request.id, { status: 'rejected', resolvedAt: now, updatedAt: now }, tx);
        await this.approvals.insertAction({ requestId: request.id, orgId, stepPosition: null, kind: 'auto_rejected', actorId: null, comment: reason, at: now }, tx);
        await scope.emit({ type: 'policy.approval.rejected', orgId, aggregateId: request.bookingId, payload: { requestId: request.id, bookingId: request.bookingId, rejectedBy: null, reason } });
        scope.afterCommit(() => this.updates.publish(rejected, []));
        return;
      }
      const dueAt = new Date(now.getTime() + current.slaHours * HOUR_MS);
      const steps = await this.approvals.insertSteps(
        chain.map((step, i) => ({
          requestId: request.id,
          orgId,
          position: i + 1,
          kind: step.kind,
          approverId: step.approverId,
          escalationApproverId: step.escalationApproverId,
          status: i === 0 ? ('pending' as const) : ('waiting' as const),
          dueAt: i === 0 ? dueAt : null,
        })),
        tx,
      );
      scope.afterCommit(() => this.updates.publish(current, steps));
    });
  }

  /**
   * Approves or rejects the current step. Only its approver may, or the
   * delegate they named while the delegation runs. Approving the last step
   * grants the request; rejecting any step rejects it (with the comment as the
   * reason, which is therefore required).
   */
  async decide(viewer: Viewer, input: unknown, decision: Decision): Promise<ApprovalRequestRow> {
    const data = parseInput(decisionInput, input);
    if (decision === 'reject' && !data.comment) throw new DomainError('VALIDATION_FAILED', 'Say why the request is rejected', 'comment');
    return this.uow.run(async (scope) => {
      const { tx } = scope;
      const now = this.clock.now();
      const request = await this.approvals.lockRequest(viewer.orgId, data.requestId, tx);
      if (!request) throw new DomainError('NOT_FOUND', `No approval request ${data.requestId}`, 'requestId');
      if (request.status !== 'pending') throw new DomainError('INVALID_TRANSITION', `The request is already ${request.status}`, 'requestId');
      const steps = await this.approvals.stepsOf(viewer.orgId, [request.id], tx);
      const current = steps.find((s) => s.status === 'pending');
      if (!current) throw new Error(`approval request ${request.id} is pending without a pending step`);
      const onBehalfOf = await this.actingFor(viewer, current, now, tx);
      const result = await this.resolveStep(scope, request, steps, current, {
        decision,
        actorId: viewer.personId,
        onBehalfOfId: onBehalfOf,
        comment: data.comment,
        kind: decision === 'approve' ? 'approved' : 'rejected',
        at: now,
      });
      scope.afterCommit(() => this.updates.publish(result.request, result.steps, [viewer.personId, current.approverId]));
      return result.request;
    });
  }

  /** Null when the viewer is the step's approver, the approver's id when the viewer is their running delegate; FORBIDDEN otherwise. */
  private async actingFor(viewer: Viewer, step: ApprovalStepRow, now: Date, tx: CommitScope['tx']): Promise<string | null> {
    if (step.approverId === viewer.personId) return null;
    const delegation = await this.approvals.delegationOf(viewer.orgId, step.approverId, tx);
    if (delegation && delegation.delegateId === viewer.personId && delegation.until > now) return step.approverId;
    throw new DomainError('FORBIDDEN', 'Only the approver of the current step, or the delegate they named, may decide it', 'requestId');
  }

  /** Records a step's outcome and moves the request on: the next step, or the final verdict announced to booking. */
  private async resolveStep(
    scope: CommitScope,
    request: ApprovalRequestRow,
    steps: ApprovalStepRow[],
    step: ApprovalStepRow,
    how: { decision: Decision; actorId: string | null; onBehalfOfId: string | null; comment: string | null; kind: 'approved' | 'rejected' | 'auto_approved' | 'auto_rejected'; at: Date },
  ): Promise<{ request: ApprovalRequestRow; steps: ApprovalStepRow[] }> {
    const { tx } = scope;
    const { at } = how;
    const updated = new Map(steps.map((s) => [s.id, s]));
    const decided = await this.approvals.updateStep(
      step.id,
      { status: how.decision === 'approve' ? 'approved' : 'rejected', actedById: how.actorId, actedAt: at, comment: how.comment },
      tx,
    );
    updated.set(decided.id, decided);
    await this.approvals.insertAction(
      { requestId: request.id, orgId: request.orgId, stepPosition: step.position, kind: how.kind, actorId: how.actorId, onBehalfOfId: how.onBehalfOfId, comment: how.comment, at },
      tx,
    );
    const later = steps.filter((s) => s.status === 'waiting').sort((a, b) => a.position - b.position);
    let resolved = request;
    if (how.decision === 'reject') {
      for (const s of later) updated.set(s.id, await this.approvals.updateStep(s.id, { status: 'skipped' }, tx));
      resolved = await this.approvals.updateRequest(request.id, { status: 'rejected', resolvedAt: at, updatedAt: at }, tx);
      const reason = how.comment ?? 'Rejected automatically: the approval deadline passed';
      await scope.emit({
        type: 'policy.approval.rejected',
        orgId: request.orgId,
        aggregateId: request.bookingId,
        payload: { requestId: request.id, bookingId: request.bookingId, rejectedBy: how.actorId, reason },
      });
    } else if (later[0]) {
      const next = later[0];
      updated.set(next.id, await this.approvals.updateStep(next.id, { status: 'pending', dueAt: new Date(at.getTime() + request.slaHours * HOUR_MS) }, tx));
      resolved = await this.approvals.updateRequest(request.id, { updatedAt: at }, tx);
    } else {
      resolved = await this.approvals.updateRequest(request.id, { status: 'approved', resolvedAt: at, updatedAt: at }, tx);
      await scope.emit({
        type: 'policy.approval.granted',
        orgId: request.orgId,
        aggregateId: request.bookingId,
        payload: { requestId: request.id, bookingId: request.bookingId, approvedBy: how.actorId, comment: how.comment },
      });
    }
    return { request: resolved, steps: [...updated.values()].sort((a, b) => a.position - b.position) };
  }

  /** Names who decides for the caller until `until`; a new delegation replaces the previous one. */
  async delegate(viewer: Viewer, input: unknown): Promise<ApprovalDelegationRow> {
    const data = parseInput(delegateInput, input);
    const now = this.clock.now();
    if (data.delegateId === viewer.personId) throw new DomainError('VALIDATION_FAILED', 'You cannot delegate to yourself', 'delegateId');
    if (data.until <= now) throw new DomainError('VALIDATION_FAILED', 'until must be in the future', 'until');
    if (data.until.getTime() - now.getTime() > MAX_DELEGATION_DAYS * 24 * HOUR_MS) {
      throw new DomainError('VALIDATION_FAILED', `A delegation lasts at most ${MAX_DELEGATION_DAYS} days`, 'until');
    }
    const delegate = await this.directory.person(viewer, data.delegateId);
    if (!delegate) throw new DomainError('NOT_FOUND', `No person ${data.delegateId} in your organization`, 'delegateId');
    return this.approvals.saveDelegation({ orgId: viewer.orgId, approverId: viewer.personId, delegateId: data.delegateId, until: data.until, createdAt: now });
  }

  /**
   * One pass of the SLA sweeper: chains left unbuilt are built, and every
   * pending step past its deadline is escalated, approved or rejected as its
   * request was configured. Each step
   * is handled in a transaction of its own under the request's lock, so a
   * decision made at the same moment wins or loses cleanly.
   */
  async sweepDue(): Promise<number> {
    const now = this.clock.now();
    let handled = 0;
    for (const request of await this.approvals.requestsWithoutChain(SWEEP_BATCH)) {
      try {
        await this.buildChain(request);
        handled += 1;
      } catch (error) {
        this.logger.warn({ err: error, requestId: request.id }, 'could not build an approval chain; will retry');
      }
    }
    const due = await this.approvals.dueSteps(now, SWEEP_BATCH);
    for (const candidate of due) {
      try {
        if (await this.missDeadline(candidate, now)) handled += 1;
      } catch (error) {
        this.logger.warn({ err: error, stepId: candidate.id }, 'could not act on a missed approval deadline; will retry');
      }
    }
    return handled;
  }

  private async missDeadline(candidate: ApprovalStepRow, now: Date): Promise<boolean> {
    return this.uow.run(async (scope) => {
      const request = await this.approvals.lockRequest(candidate.orgId, candidate.requestId, scope.tx);
      if (!request || request.status !== 'pending') return false;
      const steps = await this.approvals.stepsOf(request.orgId, [request.id], scope.tx);
      const step = steps.find((s) => s.id === candidate.id);
      if (!step || step.status !== 'pending' || !step.dueAt || step.dueAt > now) return false;
      const action: MissedDeadlineAction = request.onMissedDeadline;
      if (action === 'escalate') {
        const escalated = await this.escalate(scope, request, step, now);
        scope.afterCommit(() => this.updates.publish(request, steps.map((s) => (s.id === escalated.id ? escalated : s)), [step.approverId]));
        return true;
      }
      const decision: Decision = action === 'auto_approve' ? 'approve' : 'reject';
      const comment = decision === 'approve' ? 'Approved automatically: the approval deadline passed' : 'Rejected automatically: the approval deadline passed';
      const result = await this.resolveStep(scope, request, steps, step, {
        decision,
        actorId: null,
        onBehalfOfId: null,
        comment,
        kind: decision === 'approve' ? 'auto_approved' : 'auto_rejected',
        at: now,
      });
      scope.afterCommit(() => this.updates.publish(result.request, result.steps, [step.approverId]));
      return true;
    });
  }

  /**
   * Hands the step to the approver's escalation target with a fresh deadline.
   * With nobody left to escalate to, the step stays with its approver and
   * leaves the sweeper's list (its deadline is cleared), so it is not swept
   * again every pass.
   */
  private async escalate(scope: CommitScope, request: ApprovalRequestRow, step: ApprovalStepRow, now: Date): Promise<ApprovalStepRow> {
    const target = step.escalationApproverId;
    if (!target) {
      await this.approvals.insertAction(
        { requestId: request.id, orgId: request.orgId, stepPosition: step.position, kind: 'escalated', actorId: null, comment: 'Deadline passed; nobody to escalate to, the step stays with its approver', at: now },
        scope.tx,
      );
      return this.approvals.updateStep(step.id, { dueAt: null }, scope.tx);
    }
    await this.approvals.insertAction(
      { requestId: request.id, orgId: request.orgId, stepPosition: step.position, kind: 'escalated', actorId: null, onBehalfOfId: step.approverId, comment: 'Deadline passed; escalated', at: now },
      scope.tx,
    );
    await this.approvals.updateRequest(request.id, { updatedAt: now }, scope.tx);
    return this.approvals.updateStep(
      step.id,
      {
        approverId: target,
        escalatedFromId: step.escalatedFromId ?? step.approverId,
        escalationApproverId: null,
        escalatedAt: now,
        dueAt: new Date(now.getTime() + request.slaHours * HOUR_MS),
      },
      scope.tx,
    );
  }
}
