import { DomainError, enumResolver, pageArgs, payload, requireRole, requireViewer, toConnection, type Resolvers } from '@travel/platform';
import { GraphQLError } from 'graphql';
import type { PolicyContext } from '../context.js';
import { clearApprovalLoaders } from './approvals.loaders.js';
import type { RequestCursor } from './approvals.repository.js';
import type { EffectiveSettings } from './approvals.service.js';
import {
  ACTION_KINDS,
  APPROVAL_STATUSES,
  MISSED_DEADLINE_ACTIONS,
  STEP_KINDS,
  STEP_STATUSES,
  type ApprovalActionRow,
  type ApprovalDelegationRow,
  type ApprovalRequestRow,
  type ApprovalStepRow,
} from './approvals.tables.js';

type PageArgs = { first?: number | null; after?: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function person(id: string | null) {
  return id ? { __typename: 'Person', id } : null;
}

function checkCursor(after: RequestCursor | null): RequestCursor | null {
  if (after === null) return null;
  const valid = Array.isArray(after) && typeof after[0] === 'string' && !Number.isNaN(Date.parse(after[0])) && typeof after[1] === 'string' && UUID.test(after[1]);
  if (!valid) throw new DomainError('VALIDATION_FAILED', 'after is not a cursor this API issued', 'after');
  return after;
}

/** Query errors are GraphQL errors with a code, like every query failure here. */
async function query<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: error.field } });
    throw error;
  }
}

export const approvalsResolvers: Resolvers<PolicyContext> = {
  MissedApprovalDeadline: enumResolver(MISSED_DEADLINE_ACTIONS),
  ApprovalStatus: enumResolver(APPROVAL_STATUSES),
  ApprovalStepKind: enumResolver(STEP_KINDS),
  ApprovalStepStatus: enumResolver(STEP_STATUSES),
  ApprovalActionKind: enumResolver(ACTION_KINDS),
  Query: {
    approvalSettings: (_: unknown, __: unknown, ctx: PolicyContext) => ctx.services.approvals.settings(requireViewer(ctx.viewer).orgId),
    myApprovalQueue: (_: unknown, args: PageArgs, ctx: PolicyContext) =>
      query(async () => {
        const viewer = requireViewer(ctx.viewer);
        const { limit, after } = pageArgs<RequestCursor>(args);
        const cursor = checkCursor(after);
        const repo = ctx.services.repositories.approvals;
        // The caller decides their own steps and those of approvers who delegated to them and whose delegation still runs.
        const approvers = [viewer.personId, ...(await repo.approversDelegatingTo(viewer.orgId, viewer.personId, ctx.services.clock.now()))];
        const [rows, total] = await Promise.all([repo.queue(viewer.orgId, approvers, limit, cursor), repo.countQueue(viewer.orgId, approvers)]);
        rows.forEach((r) => ctx.loaders.approvals.request.prime(r.request.id, r.request));
        const page = toConnection(rows, limit, (r): RequestCursor => [r.dueAt.toISOString(), r.request.id], total);
        return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.request })), nodes: page.nodes.map((r) => r.request) };
      }),
    approvalHistory: (_: unknown, args: PageArgs, ctx: PolicyContext) =>
      query(async () => {
        const viewer = requireViewer(ctx.viewer);
        const { limit, after } = pageArgs<RequestCursor>(args);
        const { rows, total } = await ctx.services.repositories.approvals.history(viewer.orgId, viewer.personId, viewer.roles.includes('travel_admin'), limit, checkCursor(after));
        rows.forEach((r) => ctx.loaders.approvals.request.prime(r.id, r));
        return toConnection(rows, limit, (r): RequestCursor => [r.requestedAt.toISOString(), r.id], total);
      }),
    myApprovalDelegation: async (_: unknown, __: unknown, ctx: PolicyContext) => {
      const viewer = requireViewer(ctx.viewer);
      const delegation = await ctx.services.repositories.approvals.delegationOf(viewer.orgId, viewer.personId);
      return delegation && delegation.until > ctx.services.clock.now() ? delegation : null;
    },
    approvalRequest: (_: unknown, args: { id: string }, ctx: PolicyContext) => {
      requireViewer(ctx.viewer);
      return ctx.loaders.approvals.request.load(args.id);
    },
  },
  Mutation: {
    updateApprovalSettings: (_: unknown, args: { input: unknown }, ctx: PolicyContext) =>
      payload(async () => ({ settings: await ctx.services.approvals.updateSettings(requireRole(ctx.viewer, 'travel_admin'), args.input) })),
    approveApprovalRequest: (_: unknown, args: { input: unknown }, ctx: PolicyContext) =>
      payload(async () => ({ request: await ctx.services.approvals.decide(requireViewer(ctx.viewer), args.input, 'approve') })),
    rejectApprovalRequest: (_: unknown, args: { input: unknown }, ctx: PolicyContext) =>
      payload(async () => ({ request: await ctx.services.approvals.decide(requireViewer(ctx.viewer), args.input, 'reject') })),
    delegateApprovals: (_: unknown, args: { input: unknown }, ctx: PolicyContext) =>
      payload(async () => ({ delegation: await ctx.services.approvals.delegate(requireViewer(ctx.viewer), args.input) })),
  },
  Subscription: {
    approvalUpdated: {
      subscribe: (_: unknown, __: unknown, ctx: PolicyContext) => {
        const viewer = requireViewer(ctx.viewer);
        return ctx.services.updates.watch(viewer.orgId, viewer.personId);
      },
      resolve: (request: ApprovalRequestRow, _: unknown, ctx: PolicyContext) => {
        clearApprovalLoaders(ctx.loaders.approvals);
        return request;
      },
    },
  },
  ApprovalSettings: {
    financeThreshold: (s: EffectiveSettings) => ({ amount: s.financeThresholdMinor, currency: s.currency }),
    executiveThreshold: (s: EffectiveSettings) => ({ amount: s.executiveThresholdMinor, currency: s.currency }),
  },
  ApprovalRequest: {
    booking: (r: ApprovalRequestRow) => ({ __typename: 'Booking', id: r.bookingId }),
    traveler: (r: ApprovalRequestRow) => person(r.travelerId),
    requestedBy: (r: ApprovalRequestRow) => person(r.requestedById),
    amount: (r: ApprovalRequestRow) => ({ amount: r.amountMinor, currency: r.currency }),
    steps: (r: ApprovalRequestRow, _: unknown, ctx: PolicyContext) => ctx.loaders.approvals.steps.load(r.id),
    currentStep: async (r: ApprovalRequestRow, _: unknown, ctx: PolicyContext) => (await ctx.loaders.approvals.steps.load(r.id)).find((s) => s.status === 'pending') ?? null,
    history: (r: ApprovalRequestRow, _: unknown, ctx: PolicyContext) => ctx.loaders.approvals.history.load(r.id),
  },
  ApprovalStep: {
    approver: (s: ApprovalStepRow) => person(s.approverId),
    escalatedFrom: (s: ApprovalStepRow) => person(s.escalatedFromId),
    actedBy: (s: ApprovalStepRow) => person(s.actedById),
    overdue: (s: ApprovalStepRow, _: unknown, ctx: PolicyContext) => s.status === 'pending' && s.dueAt !== null && s.dueAt <= ctx.services.clock.now(),
  },
  ApprovalAction: {
    actor: (a: ApprovalActionRow) => person(a.actorId),
    onBehalfOf: (a: ApprovalActionRow) => person(a.onBehalfOfId),
  },
  ApprovalDelegation: {
    approver: (d: ApprovalDelegationRow) => person(d.approverId),
    delegate: (d: ApprovalDelegationRow) => person(d.delegateId),
  },
  Person: {
    // Customer owns the person and its tenancy; the score's query filters by the caller's organization.
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    complianceScore: async (p: { id: string }, _: unknown, ctx: PolicyContext) => {
      requireViewer(ctx.viewer);
      const counts = await ctx.loaders.approvals.compliance.load(p.id);
      const evaluated = counts?.evaluated ?? 0;
      const compliant = counts?.compliant ?? 0;
      return { evaluatedBookings: evaluated, compliantBookings: compliant, percent: evaluated === 0 ? null : Math.round((compliant / evaluated) * 1000) / 10 };
    },
  },
  Booking: {
    approval: (b: { id: string }, _: unknown, ctx: PolicyContext) => ctx.loaders.approvals.requestOfBooking.load(b.id),
  },
};
