import { randomUUID } from 'node:crypto';
import { ManualClock, streamOf, type Config, type DomainEvent, type EventPayloads, type ProcessRuntime, type Role, type Viewer } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, routerHeaders, testConfig, type GraphQLResponse } from '@travel/platform/testkit';
import { asc, eq, inArray } from 'drizzle-orm';
import { inbox, outbox } from '../../src/db/schema.js';
import type { DirectoryPerson, OrgDirectory } from '../../src/approvals/org-directory.js';
import { createPolicyServer, type PolicyServer } from '../../src/server.js';

export const HOUR_MS = 3_600_000;

export const REQUEST_FIELDS = `
  id status reason requestedAt resolvedAt
  booking { id } traveler { id } requestedBy { id } amount { amount currency }
  currentStep { position kind approver { id } }
  steps { position kind status approver { id } escalatedFrom { id } escalatedAt dueAt overdue actedBy { id } actedAt comment }
  history { kind stepPosition actor { id } onBehalfOf { id } comment at }
`;

export interface StepView {
  position: number;
  kind: string;
  status: string;
  approver: { id: string };
  escalatedFrom: { id: string } | null;
  escalatedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  actedBy: { id: string } | null;
  actedAt: string | null;
  comment: string | null;
}

export interface RequestView {
  id: string;
  status: string;
  reason: string;
  requestedAt: string;
  resolvedAt: string | null;
  booking: { id: string };
  traveler: { id: string };
  requestedBy: { id: string };
  amount: { amount: number; currency: string };
  currentStep: { position: number; kind: string; approver: { id: string } } | null;
  steps: StepView[];
  history: { kind: string; stepPosition: number | null; actor: { id: string } | null; onBehalfOf: { id: string } | null; comment: string | null; at: string }[];
}

export interface UserErrorView {
  code: string;
  field: string | null;
  message: string;
}

/** An organization as customer would serve it: people with roles, levels and managers. */
export class FakeDirectory implements OrgDirectory {
  readonly members = new Map<string, DirectoryPerson & { orgId: string }>();

  async people(actingFor: Viewer): Promise<DirectoryPerson[]> {
    return [...this.members.values()].filter((p) => p.orgId === actingFor.orgId);
  }

  async person(actingFor: Viewer, personId: string): Promise<DirectoryPerson | null> {
    const p = this.members.get(personId);
    return p && p.orgId === actingFor.orgId ? p : null;
  }
}

export interface Org {
  orgId: string;
  /** A viewer for one of the organization's people. */
  as(personId: string, roles?: Role[]): Viewer;
  add(person: { roles?: string[]; level?: string | null; managerId?: string | null }): string;
}

/** The policy server with an in-memory organization directory and a clock tests move. */
export class ApprovalsHarness {
  readonly config: Config = testConfig();
  readonly clock = new ManualClock(new Date('2030-05-04T08:00:00.000Z'));
  readonly directory = new FakeDirectory();
  runtime!: ProcessRuntime;
  server!: PolicyServer;
  url = '';

  async start(): Promise<this> {
    this.runtime = await createTestRuntime(this.config, this.clock);
    // The sweeper is driven by the tests (sweep after moving the clock), never by a timer.
    this.server = createPolicyServer(this.runtime, { orgDirectory: this.directory, approvalSweepIntervalMs: 3_600_000 });
    this.runtime.openBus();
    this.url = await this.server.start(0);
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.runtime?.close();
  }

  organization(): Org {
    const orgId = randomUUID();
    const directory = this.directory;
    return {
      orgId,
      as: (personId, roles = ['traveler']) => ({ personId, orgId, roles }),
      add: ({ roles = ['TRAVELER'], level = 'SENIOR', managerId = null }) => {
        const id = randomUUID();
        directory.members.set(id, { id, orgId, roles, level, manager: managerId ? { id: managerId } : null });
        return id;
      },
    };
  }

  async gql<T>(viewer: Viewer | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T> & { status: number }> {
    return gqlRequest<T>(this.url, query, variables, await routerHeaders(this.config, viewer));
  }

  /** Publishes events as booking would and returns once policy handled every one. */
  async deliverFromBooking(events: DomainEvent[]): Promise<void> {
    await this.runtime.bus.publish(streamOf('booking'), events);
    const ids = events.map((e) => e.id);
    await eventually(
      async () => {
        const rows = await this.runtime.db.select({ id: inbox.eventId }).from(inbox).where(inArray(inbox.eventId, ids));
        return rows.length === ids.length ? true : undefined;
      },
      { what: 'policy to handle the booking events' },
    );
  }

  /** Asks for approval of a new booking of `travelerId` and returns the request policy built. */
  async requestApproval(org: Org, travelerId: string, amount: number, currency = 'USD'): Promise<RequestView> {
    const bookingId = randomUUID();
    await this.deliverFromBooking([
      bookingEvent('booking.approval_requested', org.orgId, { bookingId, travelerId, requestedBy: travelerId, amount, currency, reason: 'Client workshop' }),
    ]);
    // The chain is built just after the request commits.
    return eventually(
      async () => {
        const { approval } = await this.booking(org.as(travelerId), bookingId);
        return approval && (approval.steps.length > 0 || approval.status !== 'PENDING') ? approval : undefined;
      },
      { what: `the approval chain of ${bookingId}` },
    );
  }

  async booking(viewer: Viewer, bookingId: string): Promise<{ id: string; approval: RequestView | null }> {
    const res = await this.gql<{ _entities: { id: string; approval: RequestView | null }[] }>(
      viewer,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id approval { ${REQUEST_FIELDS} } } } }`,
      { r: [{ __typename: 'Booking', id: bookingId }] },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data._entities[0]!;
  }

  async decide(viewer: Viewer, decision: 'approve' | 'reject', requestId: string, comment?: string): Promise<{ request: RequestView | null; errors: UserErrorView[] }> {
    const field = decision === 'approve' ? 'approveApprovalRequest' : 'rejectApprovalRequest';
    const res = await this.gql<Record<string, { request: RequestView | null; errors: UserErrorView[] }>>(
      viewer,
      `mutation ($input: DecideApprovalInput!) { ${field}(input: $input) { request { ${REQUEST_FIELDS} } errors { code field message } } }`,
      { input: { requestId, comment } },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data[field]!;
  }

  async queue(viewer: Viewer, first = 20, after?: string) {
    const res = await this.gql<{ myApprovalQueue: { totalCount: number; edges: { cursor: string; node: RequestView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      viewer,
      `query ($first: Int, $after: String) { myApprovalQueue(first: $first, after: $after) { totalCount edges { cursor node { ${REQUEST_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.myApprovalQueue;
  }

  async sweep(): Promise<number> {
    return this.server.services.approvalSweeper.sweep();
  }

  async policyEventsOf(bookingId: string) {
    return this.runtime.db.select().from(outbox).where(eq(outbox.aggregateId, bookingId)).orderBy(asc(outbox.occurredAt), asc(outbox.id));
  }
}

export function bookingEvent<T extends 'booking.approval_requested' | 'booking.drafted'>(type: T, orgId: string, payload: EventPayloads[T]): DomainEvent<T> {
  return { id: randomUUID(), type, source: 'booking', orgId, aggregateId: payload.bookingId, occurredAt: new Date().toISOString(), payload };
}
