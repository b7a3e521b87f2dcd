import { randomInt, randomUUID } from 'node:crypto';
import { eventually, unique } from '@travel/platform/testkit';
import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_POLICY } from '../src/demo/policy.js';
import type { SubgraphServers } from '../src/subgraphs.js';
import { client } from './journey.js';
import * as op from './journey.operations.js';
import { useStack } from './use-stack.js';

const PASSWORD = 'approvals-password';

const APPROVAL = /* GraphQL */ `
  query Approval($id: ID!) {
    booking(id: $id) {
      status
      history { toStatus reason }
      approval { id status reason currentStep { kind approver { name } dueAt } steps { kind status approver { name } actedBy { name } comment } }
      traveler { complianceScore { percent evaluatedBookings compliantBookings } }
    }
  }
`;
const QUEUE = /* GraphQL */ `
  query Queue { myApprovalQueue(first: 10) { totalCount edges { node { id reason booking { id status total { amount currency } } traveler { name } } } } }
`;
const APPROVE = /* GraphQL */ `
  mutation Approve($input: DecideApprovalInput!) { approveApprovalRequest(input: $input) { request { status } errors { code message } } }
`;
const REJECT = /* GraphQL */ `
  mutation Reject($input: DecideApprovalInput!) { rejectApprovalRequest(input: $input) { request { status } errors { code message } } }
`;
const WATCH = /* GraphQL */ `
  subscription Approvals { approvalUpdated { id status traveler { name } booking { id status } currentStep { approver { name } } } }
`;

interface ApprovalView {
  status: string;
  history: { toStatus: string; reason: string | null }[];
  approval: {
    id: string;
    status: string;
    reason: string;
    currentStep: { kind: string; approver: { name: string }; dueAt: string } | null;
    steps: { kind: string; status: string; approver: { name: string }; actedBy: { name: string } | null; comment: string | null }[];
  } | null;
  traveler: { complianceScore: { percent: number | null; evaluatedBookings: number; compliantBookings: number } | null };
}

interface Update {
  approvalUpdated: { id: string; status: string; traveler: { name: string }; booking: { id: string; status: string }; currentStep: { approver: { name: string } } | null };
}

/** An organization (Bea the manager, Ava reporting to her) under the demo policy, and a flight two days out: too close for the policy, a soft warning. */
async function fixture(servers: SubgraphServers) {
  const slug = unique('approvals');
  const emails = { bea: `bea@${slug}.example`, ava: `ava@${slug}.example`, cal: `cal@${slug}.example` };
  const { organization } = await servers.customer.services.organizations.provision({
    name: `Approvals ${slug}`,
    slug,
    people: [
      { ref: 'bea', email: emails.bea, name: 'Bea Boss', department: 'Engineering', level: 'manager', roles: ['traveler', 'approver'], password: PASSWORD },
      { ref: 'ava', email: emails.ava, name: 'Ava Traveler', department: 'Engineering', level: 'senior', roles: ['traveler'], managerRef: 'bea', password: PASSWORD },
      { ref: 'cal', email: emails.cal, name: 'Cal Colleague', department: 'Engineering', level: 'senior', roles: ['traveler'], managerRef: 'bea', password: PASSWORD },
    ],
  });
  await servers.policy.services.policies.createPolicy(organization.id, DEMO_POLICY);
  await servers.inventory.services.catalog.upsertAirports([
    { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
    { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
  ]);
  await servers.inventory.services.catalog.upsertAirlines([{ code: 'BA', name: 'British Airways', country: 'United Kingdom' }]);
  const departure = new Date(Date.now() + 2 * 24 * 3600_000 + 3600_000);
  const { flights } = await servers.inventory.services.catalog.insertFlights([
    {
      airlineCode: 'BA',
      flightNumber: `BA${randomInt(1000, 9999)}`,
      originCode: 'JFK',
      destinationCode: 'LHR',
      departureAt: departure,
      arrivalAt: new Date(departure.getTime() + 7 * 3600_000),
      seatPrices: { economy: 64_900, business: 389_000 },
      currency: 'USD',
    },
  ]);
  return { emails, flightId: flights[0]!.id };
}

function subscribe(routerUrl: string, token: string, sockets: Client[]): Update[] {
  const ws = createClient({ url: routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  sockets.push(ws);
  const received: Update[] = [];
  ws.subscribe<Update>({ query: WATCH }, { next: (m) => m.data && received.push(m.data), error: () => {}, complete: () => {} });
  return received;
}

describe('approvals through the router', () => {
  const stack = useStack();
  const sockets: Client[] = [];
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.dispose()));
  });

  /** Ava holds a seat, drafts, is warned by the policy and confirms with a reason: the booking waits for approval. */
  async function pendingApproval(fx: Awaited<ReturnType<typeof fixture>>) {
    const ava = client(stack().routerUrl);
    await ava.signIn(fx.emails.ava, PASSWORD);
    const { holdSeat } = await ava.send<{ holdSeat: { hold: { id: string } } }>(op.HOLD_SEAT, { input: { flightId: fx.flightId, cabin: 'ECONOMY' } });
    const { createBookingDraft } = await ava.send<{ createBookingDraft: { booking: { id: string } } }>(op.CREATE_DRAFT, { input: { holdIds: [holdSeat.hold.id] } });
    const bookingId = createBookingDraft.booking.id;
    const { evaluateBookingPolicy } = await ava.send<{ evaluateBookingPolicy: { evaluation: { result: string } } }>(op.EVALUATE, { input: { bookingId } });
    expect(evaluateBookingPolicy.evaluation.result).toBe('SOFT_WARNING');

    const confirm = (approvalReason?: string) =>
      ava.send<{ confirmBooking: { booking: { status: string } | null; errors: { code: string }[] } }>(
        /* GraphQL */ `mutation Confirm($input: ConfirmBookingInput!) { confirmBooking(input: $input) { booking { status } errors { code message field } } }`,
        { input: { bookingId, paymentMethod: 'pm_card_visa', idempotencyKey: randomUUID(), ...(approvalReason ? { approvalReason } : {}) } },
      );
    expect((await confirm()).confirmBooking.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'approvalReason' })]);
    expect((await confirm('The client moved the workshop forward')).confirmBooking).toEqual({ booking: { status: 'PENDING_APPROVAL' }, errors: [] });
    const view = async () => (await ava.send<{ booking: ApprovalView }>(APPROVAL, { id: bookingId })).booking;
    const asked = await eventually(async () => ((await view()).approval ? view() : undefined), { what: 'policy to build the approval chain' });
    return { ava, bookingId, view, asked };
  }

  async function signInWithToken(email: string): Promise<{ api: ReturnType<typeof client>; token: string }> {
    const res = await fetch(stack().routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.SIGN_IN, variables: { input: { email, password: PASSWORD } } }),
    });
    const body = (await res.json()) as { data: { signIn: { accessToken: string } } };
    const api = client(stack().routerUrl);
    await api.signIn(email, PASSWORD);
    return { api, token: body.data.signIn.accessToken };
  }

  it('waits for the manager, tells the people concerned, and goes on to payment once approved', async () => {
    const fx = await fixture(stack().servers);
    const ava = await signInWithToken(fx.emails.ava);
    const avaUpdates = subscribe(stack().routerUrl, ava.token, sockets);
    const bea = await signInWithToken(fx.emails.bea);
    const beaUpdates = subscribe(stack().routerUrl, bea.token, sockets);
    // Cal has Ava's roles in Ava's organization: without per-person streams he would share hers.
    const cal = await signInWithToken(fx.emails.cal);
    const calUpdates = subscribe(stack().routerUrl, cal.token, sockets);
    await eventually(async () => (stack().router.subscriptionStats().upstreamOpen >= 3 ? true : undefined), { what: 'the three subscriptions open upstream' });

    const { bookingId, view, asked } = await pendingApproval(fx);
    expect(asked.status).toBe('PENDING_APPROVAL');
    expect(asked.approval).toMatchObject({ status: 'PENDING', reason: 'The client moved the workshop forward', currentStep: { kind: 'MANAGER', approver: { name: 'Bea Boss' } } });

    const { myApprovalQueue } = await bea.api.send<{ myApprovalQueue: { totalCount: number; edges: { node: { id: string; booking: { id: string; status: string }; traveler: { name: string } } }[] } }>(QUEUE);
    expect(myApprovalQueue.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: asked.approval!.id, booking: expect.objectContaining({ id: bookingId, status: 'PENDING_APPROVAL' }), traveler: { name: 'Ava Traveler' } }),
    ]);
    // Ava cannot approve her own trip.
    const own = await ava.api.send<{ approveApprovalRequest: { errors: { code: string }[] } }>(APPROVE, { input: { requestId: asked.approval!.id } });
    expect(own.approveApprovalRequest.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    const approved = await bea.api.send<{ approveApprovalRequest: { request: { status: string }; errors: unknown[] } }>(APPROVE, { input: { requestId: asked.approval!.id, comment: 'Fine, book it' } });
    expect(approved.approveApprovalRequest).toEqual({ request: { status: 'APPROVED' }, errors: [] });

    const paid = await eventually(async () => {
      const v = await view();
      return v.status === 'CONFIRMED' ? v : undefined;
    }, { what: 'the approved booking paid and confirmed', timeoutMs: 20_000 });
    expect(paid.history.map((h) => h.toStatus)).toEqual(['DRAFT', 'PENDING_APPROVAL', 'PAYMENT_PENDING', 'CONFIRMED']);
    expect(paid.approval!.steps).toEqual([{ kind: 'MANAGER', status: 'APPROVED', approver: { name: 'Bea Boss' }, actedBy: { name: 'Bea Boss' }, comment: 'Fine, book it' }]);
    expect(paid.traveler.complianceScore).toEqual({ percent: 0, evaluatedBookings: 1, compliantBookings: 0 });

    // Both hear about it through the router, with fields of booking and customer joined in.
    const heard = (updates: Update[], status: string) => updates.find((u) => u.approvalUpdated.id === asked.approval!.id && u.approvalUpdated.status === status);
    const avaHeard = await eventually(async () => heard(avaUpdates, 'APPROVED'), { what: 'Ava told of the approval' });
    expect(avaHeard.approvalUpdated).toMatchObject({ traveler: { name: 'Ava Traveler' }, booking: { id: bookingId }, currentStep: null });
    await eventually(async () => heard(beaUpdates, 'APPROVED') ?? heard(beaUpdates, 'PENDING'), { what: 'Bea told of the request' });
    expect(calUpdates).toEqual([]);
  });

  it('cancels the booking with the rejection reason and puts the seat back on sale', async () => {
    const fx = await fixture(stack().servers);
    const { view, asked } = await pendingApproval(fx);
    const bea = client(stack().routerUrl);
    await bea.signIn(fx.emails.bea, PASSWORD);
    const rejected = await bea.send<{ rejectApprovalRequest: { request: { status: string }; errors: unknown[] } }>(REJECT, { input: { requestId: asked.approval!.id, comment: 'Move the workshop online' } });
    expect(rejected.rejectApprovalRequest).toEqual({ request: { status: 'REJECTED' }, errors: [] });

    const canceled = await eventually(async () => {
      const v = await view();
      return v.status === 'CANCELED' ? v : undefined;
    }, { what: 'the rejected booking canceled', timeoutMs: 20_000 });
    expect(canceled.history.at(-1)).toEqual({ toStatus: 'CANCELED', reason: 'Approval rejected: Move the workshop online' });
    const seatsLeft = async () => (await bea.send<{ flight: { cabins: { cabin: string; seatsLeft: number }[] } }>(op.FLIGHT_SEATS_LEFT, { id: fx.flightId })).flight.cabins.find((c) => c.cabin === 'ECONOMY')!.seatsLeft;
    await eventually(async () => ((await seatsLeft()) === 156 ? true : undefined), { what: 'the held seat back on sale' });
  });
});
