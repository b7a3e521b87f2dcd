import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalsHarness, HOUR_MS, type Org } from './approvals-harness.js';

const SETTINGS = `mutation ($input: UpdateApprovalSettingsInput!) {
  updateApprovalSettings(input: $input) { settings { financeThreshold { amount currency } executiveThreshold { amount currency } slaHours onMissedDeadline updatedAt } errors { code field message } }
}`;

/** A company: a CEO (executive), a CFO (finance) reporting to the CEO, a director, a manager under the director, a traveler under the manager, a travel admin. */
function company(h: ApprovalsHarness, org: Org = h.organization()) {
  const ceo = org.add({ level: 'EXECUTIVE', roles: ['TRAVELER', 'APPROVER'] });
  const cfo = org.add({ level: 'VP', roles: ['TRAVELER', 'FINANCE'], managerId: ceo });
  const director = org.add({ level: 'DIRECTOR', roles: ['TRAVELER', 'APPROVER'], managerId: ceo });
  const manager = org.add({ level: 'MANAGER', roles: ['TRAVELER', 'APPROVER'], managerId: director });
  const traveler = org.add({ level: 'SENIOR', managerId: manager });
  const admin = org.add({ level: 'MANAGER', roles: ['TRAVELER', 'TRAVEL_ADMIN'], managerId: ceo });
  return { org, ceo, cfo, director, manager, traveler, admin };
}

describe('approval workflows', () => {
  const h = new ApprovalsHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('asks only the manager below the finance threshold; their approval grants the booking', async () => {
    const c = company(h);
    const request = await h.requestApproval(c.org, c.traveler, 120_000);
    expect(request).toMatchObject({ status: 'PENDING', reason: 'Client workshop', amount: { amount: 120_000, currency: 'USD' }, traveler: { id: c.traveler } });
    expect(request.steps).toEqual([
      expect.objectContaining({ position: 1, kind: 'MANAGER', status: 'PENDING', approver: { id: c.manager }, dueAt: new Date(h.clock.now().getTime() + 48 * HOUR_MS).toISOString(), overdue: false }),
    ]);
    expect((await h.queue(c.org.as(c.manager))).edges.map((e) => e.node.id)).toEqual([request.id]);

    h.clock.advance(HOUR_MS);
    const approved = await h.decide(c.org.as(c.manager), 'approve', request.id, 'Go ahead');
    expect(approved.errors).toEqual([]);
    expect(approved.request).toMatchObject({ status: 'APPROVED', resolvedAt: h.clock.now().toISOString(), currentStep: null });
    expect(approved.request!.steps[0]).toMatchObject({ status: 'APPROVED', actedBy: { id: c.manager }, comment: 'Go ahead' });
    expect((await h.policyEventsOf(request.booking.id)).map((e) => [e.type, e.payload])).toEqual([
      ['policy.approval.granted', { requestId: request.id, bookingId: request.booking.id, approvedBy: c.manager, comment: 'Go ahead' }],
    ]);
    expect((await h.queue(c.org.as(c.manager))).totalCount).toBe(0);
  });

  it('goes manager → finance → executive above both thresholds, one step at a time', async () => {
    const c = company(h);
    const request = await h.requestApproval(c.org, c.traveler, 1_500_000);
    expect(request.steps.map((s) => [s.kind, s.approver.id, s.status])).toEqual([
      ['MANAGER', c.manager, 'PENDING'],
      ['FINANCE', c.cfo, 'WAITING'],
      ['EXECUTIVE', c.ceo, 'WAITING'],
    ]);
    // Finance cannot jump the queue.
    expect((await h.decide(c.org.as(c.cfo), 'approve', request.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    await h.decide(c.org.as(c.manager), 'approve', request.id);
    h.clock.advance(2 * HOUR_MS);
    const second = await h.decide(c.org.as(c.cfo), 'approve', request.id, 'Within budget');
    expect(second.request).toMatchObject({ status: 'PENDING', currentStep: { position: 3, kind: 'EXECUTIVE', approver: { id: c.ceo } } });
    // Each step gets its own deadline from the moment it is asked.
    expect(second.request!.steps[2]!.dueAt).toBe(new Date(h.clock.now().getTime() + 48 * HOUR_MS).toISOString());
    expect(await h.policyEventsOf(request.booking.id)).toEqual([]);

    const last = await h.decide(c.org.as(c.ceo), 'approve', request.id);
    expect(last.request!.status).toBe('APPROVED');
    expect(last.request!.history.map((a) => [a.kind, a.stepPosition, a.actor?.id ?? null])).toEqual([
      ['REQUESTED', null, c.traveler],
      ['APPROVED', 1, c.manager],
      ['APPROVED', 2, c.cfo],
      ['APPROVED', 3, c.ceo],
    ]);
    expect((await h.policyEventsOf(request.booking.id)).map((e) => e.type)).toEqual(['policy.approval.granted']);
    expect((await h.decide(c.org.as(c.ceo), 'approve', request.id)).errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  });

  it('rejects with a required reason, skips the later steps and announces the rejection', async () => {
    const c = company(h);
    const request = await h.requestApproval(c.org, c.traveler, 300_000);
    expect(request.steps.map((s) => s.kind)).toEqual(['MANAGER', 'FINANCE']);
    expect((await h.decide(c.org.as(c.manager), 'reject', request.id)).errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'comment' })]);

    const rejected = await h.decide(c.org.as(c.manager), 'reject', request.id, 'Take the train');
    expect(rejected.request).toMatchObject({ status: 'REJECTED', currentStep: null });
    expect(rejected.request!.steps.map((s) => s.status)).toEqual(['REJECTED', 'SKIPPED']);
    expect((await h.policyEventsOf(request.booking.id)).map((e) => [e.type, e.payload])).toEqual([
      ['policy.approval.rejected', { requestId: request.id, bookingId: request.booking.id, rejectedBy: c.manager, reason: 'Take the train' }],
    ]);
  });

  it('lets a named delegate decide for the approver until the delegation ends', async () => {
    const c = company(h);
    const first = await h.requestApproval(c.org, c.traveler, 100_000);
    const second = await h.requestApproval(c.org, c.traveler, 110_000);
    // Not yet a delegate: refused.
    expect((await h.decide(c.org.as(c.director), 'approve', first.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    const until = new Date(h.clock.now().getTime() + 24 * HOUR_MS).toISOString();
    const delegated = await h.gql<{ delegateApprovals: { delegation: { approver: { id: string }; delegate: { id: string }; until: string } | null; errors: unknown[] } }>(
      c.org.as(c.manager),
      `mutation ($input: DelegateApprovalsInput!) { delegateApprovals(input: $input) { delegation { approver { id } delegate { id } until } errors { code field message } } }`,
      { input: { delegateId: c.director, until } },
    );
    expect(delegated.data!.delegateApprovals).toEqual({ delegation: { approver: { id: c.manager }, delegate: { id: c.director }, until }, errors: [] });
    expect((await h.queue(c.org.as(c.director))).totalCount).toBe(2);
    const mine = async () => (await h.gql<{ myApprovalDelegation: { delegate: { id: string } } | null }>(c.org.as(c.manager), `{ myApprovalDelegation { delegate { id } } }`)).data!.myApprovalDelegation;
    expect(await mine()).toEqual({ delegate: { id: c.director } });

    const approved = await h.decide(c.org.as(c.director), 'approve', first.id, 'For Max, who is away');
    expect(approved.request!.status).toBe('APPROVED');
    expect(approved.request!.steps[0]!.actedBy).toEqual({ id: c.director });
    expect(approved.request!.history.at(-1)).toMatchObject({ kind: 'APPROVED', actor: { id: c.director }, onBehalfOf: { id: c.manager } });

    h.clock.advance(25 * HOUR_MS);
    expect(await mine()).toBeNull();
    expect((await h.decide(c.org.as(c.director), 'approve', second.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await h.queue(c.org.as(c.director))).totalCount).toBe(0);
    expect((await h.decide(c.org.as(c.manager), 'approve', second.id)).request!.status).toBe('APPROVED');
  });

  it('refuses a delegate outside the organization, oneself, or a past end', async () => {
    const c = company(h);
    const stranger = h.organization().add({});
    const mutate = async (input: Record<string, unknown>) =>
      (
        await h.gql<{ delegateApprovals: { errors: { code: string; field: string }[] } }>(
          c.org.as(c.manager),
          `mutation ($input: DelegateApprovalsInput!) { delegateApprovals(input: $input) { errors { code field } } }`,
          { input },
        )
      ).data!.delegateApprovals.errors;
    const tomorrow = new Date(h.clock.now().getTime() + 24 * HOUR_MS).toISOString();
    expect(await mutate({ delegateId: stranger, until: tomorrow })).toEqual([{ code: 'NOT_FOUND', field: 'delegateId' }]);
    expect(await mutate({ delegateId: c.manager, until: tomorrow })).toEqual([{ code: 'VALIDATION_FAILED', field: 'delegateId' }]);
    expect(await mutate({ delegateId: c.director, until: new Date(h.clock.now().getTime() - 1000).toISOString() })).toEqual([{ code: 'VALIDATION_FAILED', field: 'until' }]);
  });

  it('escalates a missed deadline to the approver’s manager with a fresh deadline', async () => {
    const c = company(h);
    const request = await h.requestApproval(c.org, c.traveler, 100_000);
    h.clock.advance(47 * HOUR_MS);
    expect(await h.sweep()).toBe(0);
    h.clock.advance(HOUR_MS);
    expect((await h.booking(c.org.as(c.traveler), request.booking.id)).approval!.steps[0]!.overdue).toBe(true);
    expect(await h.sweep()).toBeGreaterThanOrEqual(1);

    const after = (await h.booking(c.org.as(c.traveler), request.booking.id)).approval!;
    expect(after.status).toBe('PENDING');
    expect(after.steps[0]).toMatchObject({
      status: 'PENDING',
      approver: { id: c.director },
      escalatedFrom: { id: c.manager },
      escalatedAt: h.clock.now().toISOString(),
      dueAt: new Date(h.clock.now().getTime() + 48 * HOUR_MS).toISOString(),
      overdue: false,
    });
    expect(after.history.at(-1)).toMatchObject({ kind: 'ESCALATED', actor: null, onBehalfOf: { id: c.manager } });
    expect((await h.queue(c.org.as(c.director))).edges.map((e) => e.node.id)).toContain(request.id);
    expect((await h.decide(c.org.as(c.manager), 'approve', request.id)).errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await h.decide(c.org.as(c.director), 'approve', request.id)).request!.status).toBe('APPROVED');
  });

  it('auto-approves or auto-rejects a missed deadline as the organization configured', async () => {
    for (const [mode, status, event] of [
      ['AUTO_APPROVE', 'APPROVED', 'policy.approval.granted'],
      ['AUTO_REJECT', 'REJECTED', 'policy.approval.rejected'],
    ] as const) {
      const c = company(h);
      const set = await h.gql<{ updateApprovalSettings: { errors: unknown[] } }>(c.org.as(c.admin, ['travel_admin']), SETTINGS, {
        input: { financeThreshold: 500_000, executiveThreshold: 2_000_000, currency: 'USD', slaHours: 4, onMissedDeadline: mode },
      });
      expect(set.data!.updateApprovalSettings.errors).toEqual([]);
      const request = await h.requestApproval(c.org, c.traveler, 100_000);
      h.clock.advance(4 * HOUR_MS);
      await h.sweep();
      const after = (await h.booking(c.org.as(c.traveler), request.booking.id)).approval!;
      expect(after.status).toBe(status);
      expect(after.steps[0]).toMatchObject({ actedBy: null, comment: expect.stringContaining('deadline passed') });
      const events = await h.policyEventsOf(request.booking.id);
      expect(events.map((e) => e.type)).toEqual([event]);
      expect(events[0]!.payload).toMatchObject(mode === 'AUTO_APPROVE' ? { approvedBy: null } : { rejectedBy: null });
    }
  });

  it('lets only travel admins change the settings, and checks them', async () => {
    const c = company(h);
    const input = { financeThreshold: 100_000, executiveThreshold: 500_000, currency: 'EUR', slaHours: 24, onMissedDeadline: 'ESCALATE' };
    const refused = await h.gql(c.org.as(c.manager, ['traveler', 'approver']), SETTINGS, { input });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const bad = await h.gql<{ updateApprovalSettings: { errors: unknown[] } }>(c.org.as(c.admin, ['travel_admin']), SETTINGS, { input: { ...input, executiveThreshold: 50_000 } });
    expect(bad.data!.updateApprovalSettings.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'executiveThreshold' })]);
    const ok = await h.gql<{ updateApprovalSettings: { settings: unknown } }>(c.org.as(c.admin, ['travel_admin']), SETTINGS, { input });
    expect(ok.data!.updateApprovalSettings.settings).toEqual({
      financeThreshold: { amount: 100_000, currency: 'EUR' },
      executiveThreshold: { amount: 500_000, currency: 'EUR' },
      slaHours: 24,
      onMissedDeadline: 'ESCALATE',
      updatedAt: h.clock.now().toISOString(),
    });
    // A booking in another currency than the thresholds always reaches them.
    const request = await h.requestApproval(c.org, c.traveler, 1_000, 'USD');
    expect(request.steps.map((s) => s.kind)).toEqual(['MANAGER', 'FINANCE', 'EXECUTIVE']);
  });

  it('falls back to a travel admin without a manager, and rejects when nobody can approve', async () => {
    const org = h.organization();
    const loner = org.add({});
    const lonely = await h.requestApproval(org, loner, 10_000);
    expect(lonely.status).toBe('REJECTED');
    expect((await h.policyEventsOf(lonely.booking.id)).map((e) => [e.type, (e.payload as { reason: string }).reason])).toEqual([
      ['policy.approval.rejected', 'Nobody in the organization can approve this booking'],
    ]);

    const admin = org.add({ roles: ['TRAVEL_ADMIN'] });
    const request = await h.requestApproval(org, loner, 10_000);
    expect(request.steps.map((s) => [s.kind, s.approver.id])).toEqual([['TRAVEL_ADMIN', admin]]);
  });

  it('pages the queue, nearest deadline first, and keeps other organizations out', async () => {
    const c = company(h);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await h.requestApproval(c.org, c.traveler, 50_000)).id);
      h.clock.advance(60_000);
    }
    const page1 = await h.queue(c.org.as(c.manager), 2);
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await h.queue(c.org.as(c.manager), 2, page1.pageInfo.endCursor!);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.id)).toEqual(ids);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const outsider = h.organization();
    const stranger = outsider.add({});
    expect((await h.decide(outsider.as(stranger), 'approve', ids[0]!)).errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await h.booking(outsider.as(stranger), randomUUID())).approval).toBeNull();
  });

  it('lets only one of two concurrent deciders (approver and delegate) decide a step', async () => {
    const c = company(h);
    const request = await h.requestApproval(c.org, c.traveler, 10_000);
    await h.gql(c.org.as(c.manager), `mutation ($input: DelegateApprovalsInput!) { delegateApprovals(input: $input) { errors { code } } }`, {
      input: { delegateId: c.director, until: new Date(h.clock.now().getTime() + HOUR_MS).toISOString() },
    });
    const results = await Promise.all([
      h.decide(c.org.as(c.manager), 'approve', request.id, 'yes'),
      h.decide(c.org.as(c.director), 'reject', request.id, 'no'),
    ]);
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors.map((e) => e.code))).toEqual(['INVALID_TRANSITION']);
    const events = await h.policyEventsOf(request.booking.id);
    expect(events).toHaveLength(1);
    const winner = results.find((r) => r.errors.length === 0)!.request!;
    expect(events[0]!.type).toBe(winner.status === 'APPROVED' ? 'policy.approval.granted' : 'policy.approval.rejected');
  });

  it('lists the requests a person is concerned with in approvalHistory, newest first; travel admins see them all', async () => {
    const c = company(h);
    const colleague = c.org.add({ managerId: c.director });
    const first = await h.requestApproval(c.org, c.traveler, 10_000);
    h.clock.advance(60_000);
    const second = await h.requestApproval(c.org, c.traveler, 20_000);
    h.clock.advance(60_000);
    const other = await h.requestApproval(c.org, colleague, 30_000);
    await h.decide(c.org.as(c.manager), 'reject', first.id, 'No');
    const history = async (personId: string, roles: ('traveler' | 'travel_admin')[] = ['traveler'], after?: string) => {
      const res = await h.gql<{ approvalHistory: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(
        c.org.as(personId, roles),
        `query ($after: String) { approvalHistory(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      return res.data!.approvalHistory;
    };
    const mine = await history(c.traveler);
    expect(mine).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(mine.edges.map((e) => e.node.id)).toEqual([second.id, first.id]);
    expect((await history(c.manager)).edges.map((e) => e.node.id)).toEqual([second.id, first.id]);
    expect((await history(c.director)).edges.map((e) => e.node.id)).toEqual([other.id]);
    const all = await history(c.admin, ['travel_admin']);
    expect(all.totalCount).toBe(3);
    const rest = await history(c.admin, ['travel_admin'], all.pageInfo.endCursor!);
    expect([...all.edges, ...rest.edges].map((e) => e.node.id)).toEqual([other.id, second.id, first.id]);
  });

  it('tells the traveler and the approvers concerned about each change, after it committed', async () => {
    const c = company(h);
    const travelerUpdates = h.server.services.updates.watch(c.org.orgId, c.traveler);
    const cfoUpdates = h.server.services.updates.watch(c.org.orgId, c.cfo);
    const request = await h.requestApproval(c.org, c.traveler, 300_000);
    expect((await travelerUpdates.next()).value).toMatchObject({ id: request.id, status: 'pending' });
    await h.decide(c.org.as(c.manager), 'approve', request.id);
    expect((await travelerUpdates.next()).value).toMatchObject({ id: request.id });
    // Finance hears about it when its step is asked.
    expect((await cfoUpdates.next()).value).toMatchObject({ id: request.id });
    await h.decide(c.org.as(c.cfo), 'approve', request.id);
    expect((await travelerUpdates.next()).value).toMatchObject({ id: request.id, status: 'approved' });
    await travelerUpdates.return?.();
    await cfoUpdates.return?.();
  });
});
