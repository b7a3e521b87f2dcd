import type { ProcessRuntime } from '@travel/platform';
import { createTestRuntime, eventually, gqlRequest, testConfig } from '@travel/platform/testkit';
import { startStack, type Stack } from '@travel/stack/src/stack.js';
import { bookConfirmed, createDisruptionFixture, type DisruptionFixture } from '@travel/stack/test/disruption.fixtures.js';
import { client } from '@travel/stack/test/journey.js';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routerClient, watch, within } from './ws-client.js';

const RECORD_STATUS = /* GraphQL */ `
  mutation Record($input: RecordFlightStatusInput!) {
    recordFlightStatus(input: $input) { update { id change status flight { id status } } errors { code message field } }
  }
`;
const DISRUPTION_RAISED = /* GraphQL */ `
  subscription Disruptions {
    disruptionRaised {
      id kind severity requiresAttention
      booking { id status traveler { name } }
      flight { flightNumber status origin { code } }
      suggestions { id rank flight { id flightNumber cabins { cabin seatsLeft } } fare { amount } fareDifference { amount } }
    }
  }
`;
const BOOKING_UPDATED = /* GraphQL */ `
  subscription Mine { bookingUpdated { event status booking { id status segments { flight { flightNumber } } } } }
`;
const FLIGHT_STATUS = /* GraphQL */ `
  subscription Status($flightId: ID) { flightStatusChanged(flightId: $flightId) { change status flight { flightNumber travelersFromMyOrganization { name } } } }
`;
const NOTIFICATIONS = /* GraphQL */ `
  query Inbox { myNotifications { unreadCount edges { node { id kind severity title disruption { id } } } } }
`;
const ACCEPT = /* GraphQL */ `
  mutation Accept($input: AcceptRebookingInput!) {
    acceptRebooking(input: $input) {
      booking { id status segments { flight { id } } history { fromStatus toStatus reason } changes { oldHold { id } newHold { id } } }
      disruption { id state }
      errors { code field message }
    }
  }
`;
const HOLD = /* GraphQL */ `mutation Hold($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id } errors { code } } }`;

interface Raised {
  disruptionRaised: {
    id: string;
    kind: string;
    severity: string;
    requiresAttention: boolean;
    booking: { id: string; status: string; traveler: { name: string } };
    flight: { flightNumber: string; status: string; origin: { code: string } };
    suggestions: { id: string; rank: number; flight: { id: string; flightNumber: string; cabins: { cabin: string; seatsLeft: number }[] }; fare: { amount: number }; fareDifference: { amount: number } }[];
  };
}
interface Updated {
  bookingUpdated: { event: string; status: string; booking: { id: string; status: string } };
}
interface StatusChanged {
  flightStatusChanged: { change: string; status: string; flight: { flightNumber: string; travelersFromMyOrganization: { name: string }[] } };
}
interface AcceptResult {
  acceptRebooking: {
    booking: { id: string; status: string; segments: { flight: { id: string } }[]; history: { fromStatus: string | null; toStatus: string; reason: string | null }[] } | null;
    disruption: { id: string; state: string } | null;
    errors: { code: string; field: string | null }[];
  };
}

async function tokenOf(routerUrl: string, email: string, password: string): Promise<string> {
  const res = await gqlRequest<{ signIn: { accessToken: string } }>(routerUrl, `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`, { input: { email, password } });
  return res.data!.signIn.accessToken;
}

describe('disruptions through the router, all six subgraphs in one process', () => {
  let runtime: ProcessRuntime;
  let stack: Stack;
  let fx: DisruptionFixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    runtime = await createTestRuntime(testConfig());
    stack = await startStack(runtime);
    fx = await createDisruptionFixture(stack.servers);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await stack?.stop();
    await runtime?.close();
  });

  const ws = (token: string) => {
    const c = routerClient(stack.routerUrl, token);
    clients.push(c);
    return c;
  };

  it('tells the travel admin and the traveler of a cancellation with fields of three subgraphs, tells another organization nothing, and rebooks atomically', async () => {
    const traveler = client(stack.routerUrl);
    await traveler.signIn(fx.travelerEmail, fx.password);
    const { bookingId } = await bookConfirmed(traveler, fx.flightId);

    const [adminToken, otherToken, travelerToken, opsToken, colleagueToken] = await Promise.all([
      tokenOf(stack.routerUrl, fx.adminEmail, fx.password),
      tokenOf(stack.routerUrl, fx.otherAdminEmail, fx.password),
      tokenOf(stack.routerUrl, fx.travelerEmail, fx.password),
      tokenOf(stack.routerUrl, fx.opsEmail, fx.password),
      tokenOf(stack.routerUrl, fx.colleagueEmail, fx.password),
    ]);
    const admin = watch<Raised>(ws(adminToken), DISRUPTION_RAISED);
    const other = watch<Raised>(ws(otherToken), DISRUPTION_RAISED);
    const mine = watch<Updated>(ws(travelerToken), BOOKING_UPDATED);
    // Same organization and roles as the traveler, same document: bookingUpdated is personal, so not the same stream.
    const colleague = watch<Updated>(ws(colleagueToken), BOOKING_UPDATED);
    const status = watch<StatusChanged>(ws(adminToken), FLIGHT_STATUS, { flightId: fx.flightId });
    // Subscriptions are live once the router has opened their upstreams: one per person for bookingUpdated.
    await within(5000, 'five upstream subscriptions', () => (stack.router.subscriptionStats().upstreamOpen === 5 ? true : undefined));

    // A travel admin is not flight operations.
    const refused = await gqlRequest(stack.routerUrl, RECORD_STATUS, { input: { flightId: fx.flightId, change: 'CANCELED' } }, { authorization: `Bearer ${adminToken}` });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const recorded = await gqlRequest<{ recordFlightStatus: { update: { change: string; flight: { status: string } }; errors: unknown[] } }>(
      stack.routerUrl,
      RECORD_STATUS,
      { input: { flightId: fx.flightId, change: 'CANCELED', reason: 'Crew shortage' } },
      { authorization: `Bearer ${opsToken}` },
    );
    expect(recorded.data?.recordFlightStatus).toMatchObject({ errors: [], update: { change: 'CANCELED', flight: { status: 'CANCELED' } } });

    const raised = await within(5000, 'the disruption at the travel admin', () => admin.received[0]);
    expect(raised.errors).toBeUndefined();
    const d = raised.data!.disruptionRaised;
    expect(d).toMatchObject({
      kind: 'CANCELED',
      severity: 'CRITICAL',
      requiresAttention: true,
      booking: { id: bookingId, status: 'REQUIRES_ATTENTION', traveler: { name: 'Ava Traveler' } },
      flight: { flightNumber: fx.flightNumber, status: 'CANCELED', origin: { code: 'JFK' } },
    });
    // Same-route flights with seats at most 50 % dearer, earliest arrival first; the one at twice the fare is not suggested.
    expect(d.suggestions.map((s) => s.flight.id)).toEqual([fx.alternativeId, fx.laterId]);
    expect(d.suggestions[0]).toMatchObject({ rank: 1, flight: { flightNumber: fx.alternativeNumber }, fare: { amount: 64_900 }, fareDifference: { amount: 0 } });

    const update = await within(5000, "the traveler's booking update", () => mine.received.find((r) => r.data?.bookingUpdated.event === 'booking.disrupted'));
    expect(update.data?.bookingUpdated).toMatchObject({ status: 'REQUIRES_ATTENTION', booking: { id: bookingId } });
    const statusUpdate = await within(5000, 'the flight status change', () => status.received[0]);
    expect(statusUpdate.data?.flightStatusChanged).toMatchObject({ change: 'CANCELED', status: 'CANCELED', flight: { travelersFromMyOrganization: [{ name: 'Ava Traveler' }] } });
    expect(other.received).toEqual([]);
    expect(colleague.received).toEqual([]);

    // The in-app inbox: the traveler and the travel admin each have the notice; the other organization has none.
    const inbox = async (token: string) =>
      (await gqlRequest<{ myNotifications: { unreadCount: number; edges: { node: { kind: string; severity: string; disruption: { id: string } } }[] } }>(stack.routerUrl, NOTIFICATIONS, {}, { authorization: `Bearer ${token}` }))
        .data!.myNotifications;
    expect((await inbox(travelerToken)).edges.map((e) => e.node)).toEqual([expect.objectContaining({ kind: 'DISRUPTION', severity: 'CRITICAL', disruption: { id: d.id } })]);
    expect((await inbox(adminToken)).unreadCount).toBe(1);
    expect((await inbox(otherToken)).edges).toEqual([]);
    // Reads are per person: the admin reading the organization-wide notice leaves it unread for nobody else.
    const marked = await gqlRequest<{ markNotificationsRead: { ids: string[]; unreadCount: number } }>(
      stack.routerUrl,
      `mutation { markNotificationsRead(input: {}) { ids unreadCount errors { code } } }`,
      {},
      { authorization: `Bearer ${adminToken}` },
    );
    expect(marked.data?.markNotificationsRead).toMatchObject({ ids: [expect.any(String)], unreadCount: 0 });
    expect((await inbox(travelerToken)).unreadCount).toBe(1);

    // The dashboard's list of open disruptions: the admin's organization only.
    const openOf = async (token: string) =>
      (await gqlRequest<{ disruptions: { edges: { node: { id: string; severity: string } }[] } }>(stack.routerUrl, `query { disruptions(openOnly: true) { edges { node { id severity } } } }`, {}, { authorization: `Bearer ${token}` }))
        .data!.disruptions.edges.map((e) => e.node);
    expect(await openOf(adminToken)).toEqual([{ id: d.id, severity: 'CRITICAL' }]);
    expect(await openOf(otherToken)).toEqual([]);
    expect(await openOf(colleagueToken)).toEqual([]);

    // A hold on a flight that was not suggested is refused, and nothing changes.
    const { holdSeat: wrong } = await traveler.send<{ holdSeat: { hold: { id: string } } }>(HOLD, { input: { flightId: fx.pricyId, cabin: 'ECONOMY' } });
    const refusedAccept = await traveler.send<AcceptResult>(ACCEPT, { input: { disruptionId: d.id, suggestionId: d.suggestions[0]!.id, newHoldId: wrong.hold.id } });
    expect(refusedAccept.acceptRebooking).toMatchObject({ booking: null, errors: [{ code: 'VALIDATION_FAILED', field: 'newHoldId' }] });

    // Two acceptances race with two holds on the suggested flight: exactly one rebooks, the other changes nothing.
    const holds = await Promise.all([1, 2].map(() => traveler.send<{ holdSeat: { hold: { id: string } } }>(HOLD, { input: { flightId: fx.alternativeId, cabin: 'ECONOMY' } })));
    const results = await Promise.all(
      holds.map((h) => traveler.send<AcceptResult>(ACCEPT, { input: { disruptionId: d.id, suggestionId: d.suggestions[0]!.id, newHoldId: h.holdSeat.hold.id } })),
    );
    const won = results.filter((r) => r.acceptRebooking.errors.length === 0);
    expect(won).toHaveLength(1);
    expect(results.flatMap((r) => r.acceptRebooking.errors.map((e) => e.code))).toEqual(['CONFLICT']);
    const rebooked = won[0]!.acceptRebooking;
    expect(rebooked.disruption).toEqual({ id: d.id, state: 'REBOOKED' });
    expect(await openOf(adminToken)).toEqual([]);
    expect(rebooked.booking).toMatchObject({ id: bookingId, status: 'CONFIRMED', segments: [{ flight: { id: fx.alternativeId } }] });
    expect(rebooked.booking!.history.slice(-2).map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['CONFIRMED', 'REQUIRES_ATTENTION'],
      ['REQUIRES_ATTENTION', 'CONFIRMED'],
    ]);

    // Inventory releases the canceled flight's seat and sells the new one; the losing hold stays the traveler's to release.
    await eventually(
      async () => {
        const { booking } = await traveler.send<{ booking: { segments: { hold: { status: string } }[] } }>(`query ($id: ID!) { booking(id: $id) { segments { hold { status } } } }`, { id: bookingId });
        return booking.segments[0]?.hold.status === 'CONVERTED' ? true : undefined;
      },
      { what: 'the new hold converted', timeoutMs: 10_000 },
    );
    await within(5000, 'the rebooked update', () => mine.received.find((r) => r.data?.bookingUpdated.event === 'booking.rebooked'));
  });

  it('rebooks onto the best suggestion by itself when the organization enables auto-rebook', async () => {
    const traveler = client(stack.routerUrl);
    await traveler.signIn(fx.travelerEmail, fx.password);
    const { bookingId } = await bookConfirmed(traveler, fx.alternativeId);
    // A travel admin turns it on in customer; booking learns it from customer's event.
    await stack.servers.customer.services.organizations.updateSettings(fx.orgId, { autoRebook: true });
    const setting = stack.servers.booking.services.disruptions.autoRebook;
    await eventually(async () => ((await setting.enabled(fx.orgId)) ? true : undefined), { what: "booking's copy of the setting", timeoutMs: 10_000 });
    const opsToken = await tokenOf(stack.routerUrl, fx.opsEmail, fx.password);
    const recorded = await gqlRequest<{ recordFlightStatus: { errors: unknown[] } }>(stack.routerUrl, RECORD_STATUS, { input: { flightId: fx.alternativeId, change: 'CANCELED' } }, { authorization: `Bearer ${opsToken}` });
    expect(recorded.data?.recordFlightStatus.errors, JSON.stringify(recorded.errors)).toEqual([]);
    const booking = await eventually(
      async () => {
        const { booking: b } = await traveler.send<{ booking: { status: string; segments: { flight: { id: string } }[]; history: { toStatus: string; actor: { id: string } | null }[]; disruptions: { state: string }[] } }>(
          `query ($id: ID!) { booking(id: $id) { status segments { flight { id } } history { toStatus actor { id } } disruptions { state } } }`,
          { id: bookingId },
        );
        return b.disruptions.some((x) => x.state === 'REBOOKED') ? b : undefined;
      },
      { what: 'the automatic rebooking', timeoutMs: 15_000 },
    );
    expect(booking).toMatchObject({ status: 'CONFIRMED', segments: [{ flight: { id: fx.laterId } }] });
    expect(booking.history.slice(-2)).toEqual([
      { toStatus: 'REQUIRES_ATTENTION', actor: null },
      { toStatus: 'CONFIRMED', actor: null },
    ]);
  });
});
