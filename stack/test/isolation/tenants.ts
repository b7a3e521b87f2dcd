import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@travel/platform';
import { eventually, gqlRequest, type GraphQLResponse } from '@travel/platform/testkit';
import { DEMO_POLICY } from '../../src/demo/policy.js';
import type { SubgraphServers } from '../../src/subgraphs.js';
import type { Catalog } from './catalog.js';
import { travelerDetails } from './registry.js';

/** A user with exactly one role, or `all` (every role: books, approves, pays, sees finance). */
export type UserKey = Role | 'all';
export const USER_KEYS: UserKey[] = [...ROLES, 'all'];

/** A router client for one signed-in user (or anonymous). */
export interface Api {
  token: string | undefined;
  request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs a mutation and fails on any GraphQL or payload error. */
  mutate<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function api(routerUrl: string, token?: string): Api {
  const request = <T>(query: string, variables: Record<string, unknown> = {}) => gqlRequest<T>(routerUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {});
  return {
    token,
    request,
    mutate: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await request<T>(query, variables);
      const payloadErrors = Object.values((res.data ?? {}) as Record<string, { errors?: unknown[] } | null>).flatMap((p) => p?.errors ?? []);
      if (res.errors || payloadErrors.length > 0) throw new Error(`${query.trim().slice(0, 60)}: ${JSON.stringify(res.errors ?? payloadErrors)}`);
      return res.data!;
    },
  };
}

/** One organization with a user per role and data of every owned type, created through the graph as its own users. */
export interface Tenant {
  label: string;
  tag: string;
  /** The tag in letters only, for names that must look like names. */
  nameTag: string;
  orgId: string;
  users: Record<UserKey, { personId: string; email: string; token: string }>;
  /** Ids of this organization's rows by GraphQL type (filled further by the harvest). */
  ids: Map<string, Set<string>>;
  /** Ids and strings that only this organization's data contains: seeing one of them elsewhere is a leak. */
  values: Set<string>;
  as(user: UserKey): Api;
  /** Records an id; an owned one also becomes a value no one else may see. */
  addId(type: string, id: string, owned?: boolean): void;
  firstId(type: string): string | undefined;
}

const PASSWORD = 'isolation-password';

const HOLD_SEAT = `mutation ($input: HoldSeatInput!) { holdSeat(input: $input) { hold { id } errors { code message } } }`;
const DRAFT = `mutation ($input: CreateBookingDraftInput!) { createBookingDraft(input: $input) { booking { id segments { id } } errors { code message } } }`;

export async function createTenant(label: string, servers: SubgraphServers, routerUrl: string, c: Catalog): Promise<Tenant> {
  const tag = `${label}${randomUUID().slice(0, 6)}`;
  const slug = `isolation-${tag.toLowerCase()}`;
  const email = (user: UserKey) => `${user.replace('_', '-')}@${slug}.example`;
  const { organization } = await servers.customer.services.organizations.provision({
    name: `Organization ${tag}`,
    slug,
    people: USER_KEYS.map((user) => ({
      ref: user,
      email: email(user),
      name: `Person ${user} ${tag}`,
      department: 'Engineering',
      level: 'director' as const,
      roles: user === 'all' ? [...ROLES] : [user],
      password: PASSWORD,
    })),
  });
  await servers.policy.services.policies.createPolicy(organization.id, DEMO_POLICY);

  const users = {} as Tenant['users'];
  for (const user of USER_KEYS) {
    const res = await api(routerUrl).mutate<{ signIn: { accessToken: string; viewer: { id: string } } }>(
      `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken viewer { id } errors { code } } }`,
      { input: { email: email(user), password: PASSWORD } },
    );
    users[user] = { personId: res.signIn.viewer.id, email: email(user), token: res.signIn.accessToken };
  }
  const ids = new Map<string, Set<string>>();
  const nameTag = tag.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  const values = new Set<string>([tag, nameTag, slug, organization.id]);
  const tenant: Tenant = {
    label,
    tag,
    nameTag,
    orgId: organization.id,
    users,
    ids,
    values,
    as: (user) => api(routerUrl, users[user].token),
    addId: (type, id, owned = true) => {
      if (!ids.has(type)) ids.set(type, new Set());
      ids.get(type)!.add(id);
      if (owned) values.add(id);
    },
    firstId: (type) => ids.get(type)?.values().next().value,
  };
  tenant.addId('Organization', organization.id);
  for (const user of USER_KEYS) tenant.addId('Person', users[user].personId);
  await createOwnedData(tenant, servers, c);
  return tenant;
}

/** Bookings (confirmed with payment, card and quote; a draft), holds of every kind, a budget and a reconciliation flag. */
async function createOwnedData(t: Tenant, servers: SubgraphServers, c: Catalog): Promise<void> {
  const me = t.as('all');
  const holdSeat = async () => (await me.mutate<{ holdSeat: { hold: { id: string } } }>(HOLD_SEAT, { input: { flightId: c.flightId, cabin: 'ECONOMY' } })).holdSeat.hold.id;
  const draft = async (holdId: string) =>
    (
      await me.mutate<{ createBookingDraft: { booking: { id: string } } }>(DRAFT, {
        input: { holdIds: [holdId], tripPurpose: `Offsite ${t.tag}`, travelerDetails: travelerDetails({ tag: t.nameTag, email: t.users.all.email }) },
      })
    ).createBookingDraft.booking.id;

  const confirmedHold = await holdSeat();
  const confirmed = await draft(confirmedHold);
  await me.mutate(`mutation ($id: ID!) { evaluateBookingPolicy(input: { bookingId: $id }) { evaluation { result } errors { code } } }`, { id: confirmed });
  await me.mutate(`mutation ($input: ConfirmBookingInput!) { confirmBooking(input: $input) { booking { status } errors { code message } } }`, {
    input: { bookingId: confirmed, paymentMethod: 'pm_card_visa', idempotencyKey: randomUUID() },
  });
  await eventually(
    async () => {
      const res = await me.request<{ booking: { status: string } }>(`query ($id: ID!) { booking(id: $id) { status } }`, { id: confirmed });
      return res.data?.booking.status === 'CONFIRMED' ? true : undefined;
    },
    { what: `${t.label}'s booking confirmed`, timeoutMs: 20_000 },
  );
  const quote = await me.mutate<{ quoteCancellation: { quote: { id: string } } }>(`mutation ($id: ID!) { quoteCancellation(input: { bookingId: $id }) { quote { id } errors { code } } }`, { id: confirmed });
  t.addId('CancellationQuote', quote.quoteCancellation.quote.id);

  const draftHold = await holdSeat();
  const drafted = await draft(draftHold);
  t.addId('Hold', await holdSeat());
  for (const id of [confirmed, drafted]) t.addId('Booking', id);
  for (const id of [confirmedHold, draftHold]) t.addId('Hold', id);

  const room = await me.mutate<{ holdRoom: { roomHold: { id: string } } }>(`mutation ($input: HoldRoomInput!) { holdRoom(input: $input) { roomHold { id } errors { code message } } }`, {
    input: { roomTypeId: c.roomTypeId, checkIn: c.checkIn, checkOut: c.checkOut, guests: 1, rooms: 1 },
  });
  t.addId('RoomHold', room.holdRoom.roomHold.id);
  const pkg = await me.mutate<{ holdPackage: { packageHold: { id: string } } }>(`mutation ($input: HoldPackageInput!) { holdPackage(input: $input) { packageHold { id } errors { code message } } }`, {
    input: { packageId: c.packageId, date: c.packageDate, travelers: 1 },
  });
  t.addId('PackageHold', pkg.holdPackage.packageHold.id);
  await me.mutate(`mutation ($input: SetDepartmentBudgetInput!) { setDepartmentBudget(input: $input) { errors { code message } } }`, {
    input: { department: 'Engineering', period: 'YEAR', amount: { amount: 9_000_000, currency: 'USD' } },
  });

  // No mutation makes a reconciliation flag: a card charge at a casino does, through the issuing webhook's service.
  const card = await eventually(() => servers.payment.services.repositories.cards.findByBooking(confirmed), { what: `${t.label}'s virtual card`, timeoutMs: 20_000 });
  await servers.payment.services.cards.authorizeCardTransaction({
    providerAuthorizationId: randomUUID(),
    providerCardId: card.providerCardId,
    amount: 1_000,
    currency: 'USD',
    merchantCategory: 'betting_casino_gambling',
    merchantName: `Casino ${t.tag}`,
  });
}
