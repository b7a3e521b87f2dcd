import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { IDENTITY_HEADER, verifyInternalIdentity, type Config, type Viewer } from '@travel/platform';
import { gql } from 'graphql-tag';

/**
 * Stand-ins for the subgraphs booking reads, answering `_entities` from
 * in-memory fixtures. Like the real ones they apply tenancy: an entity of
 * another organization resolves to null.
 */

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

interface FakeContext {
  viewer: Viewer | null;
}

export interface FakeSubgraph {
  url: string;
  stop(): Promise<void>;
}

async function startFake(config: Config, sdl: string, resolvers: GraphQLResolverMap<FakeContext>): Promise<FakeSubgraph> {
  const server = new ApolloServer<FakeContext>({
    schema: buildSubgraphSchema([{ typeDefs: gql(`${FEDERATION}\n${sdl}`), resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const header = req.headers[IDENTITY_HEADER];
      return { viewer: await verifyInternalIdentity(typeof header === 'string' ? header : undefined, config.INTERNAL_SECRET) };
    },
  });
  return { url, stop: () => server.stop() };
}

function sameOrg<T extends { orgId: string }>(row: T | undefined, ctx: FakeContext): T | null {
  return row && ctx.viewer && row.orgId === ctx.viewer.orgId ? row : null;
}

export interface HoldFixture {
  id: string;
  orgId: string;
  status: 'ACTIVE' | 'RELEASED' | 'EXPIRED' | 'CONVERTED';
  expiresAt: string;
  price: { amount: number; currency: string };
  /** Which inventory entity the hold is: a seat hold (Hold), a RoomHold or a PackageHold. */
  kind: 'SEAT' | 'ROOM' | 'PACKAGE';
  seat: { id: string; cabin: 'ECONOMY' | 'PREMIUM_ECONOMY' | 'BUSINESS' | 'FIRST'; seatNumber: string } | null;
  flight: {
    id: string;
    flightNumber: string;
    departureAt: string;
    arrivalAt: string;
    airline: { code: string };
    origin: { code: string };
    destination: { code: string };
  } | null;
  fareClass?: { fareFamily: string; refundable: boolean } | null;
  hotel?: { id: string; name: string } | null;
  roomType?: { id: string; name: string } | null;
  checkIn?: string | null;
  checkOut?: string | null;
  travelPackage?: { id: string; title: string; durationDays: number } | null;
  date?: string | null;
}

/** A seat hold, as `add` makes them: flight and seat are there. */
export type FlightHoldFixture = HoldFixture & { flight: NonNullable<HoldFixture['flight']>; seat: NonNullable<HoldFixture['seat']> };

const SEAT_HOLDS_SDL = `
  enum HoldStatus { ACTIVE RELEASED EXPIRED CONVERTED }
  enum Cabin { ECONOMY PREMIUM_ECONOMY BUSINESS FIRST }
  type Money { amount: Int! currency: String! }
  type Airline { code: String! }
  type Airport @key(fields: "code") { code: String! }
  type Flight @key(fields: "id") { id: ID! flightNumber: String! departureAt: String! arrivalAt: String! airline: Airline! origin: Airport! destination: Airport! }
  type Seat @key(fields: "id") { id: ID! cabin: Cabin! seatNumber: String! }
  type FareClass { fareFamily: String! refundable: Boolean! }
  type Hold @key(fields: "id") { id: ID! status: HoldStatus! expiresAt: String! price: Money! flight: Flight! seat: Seat! fareClass: FareClass }
`;

/** Room and package holds as inventory exposes them: entities of their own next to Hold. */
const ROOM_AND_PACKAGE_HOLDS_SDL = `
  type Hotel @key(fields: "id") { id: ID! name: String! }
  type RoomType { id: ID! name: String! }
  type RoomHold @key(fields: "id") { id: ID! status: HoldStatus! expiresAt: String! price: Money! hotel: Hotel! roomType: RoomType! checkIn: String! checkOut: String! }
  type TravelPackage @key(fields: "id") { id: ID! title: String! durationDays: Int! }
  type PackageHold @key(fields: "id") { id: ID! status: HoldStatus! expiresAt: String! price: Money! travelPackage: TravelPackage! date: String! }
`;

/**
 * Inventory as booking reads it. By default it knows seat holds only, like
 * inventory before room and package holds; `anyKind` adds RoomHold and
 * PackageHold. Each entity answers only for holds of its kind.
 */
export class FakeInventory {
  readonly holds = new Map<string, HoldFixture>();
  private server!: FakeSubgraph;

  constructor(private readonly options: { anyKind?: boolean } = {}) {}

  async start(config: Config): Promise<string> {
    const of = (kind: HoldFixture['kind']) => (ref: { id: string }, ctx: FakeContext) => {
      const hold = sameOrg(this.holds.get(ref.id), ctx);
      return hold?.kind === kind ? hold : null;
    };
    this.server = await startFake(
      config,
      this.options.anyKind ? `${SEAT_HOLDS_SDL}\n${ROOM_AND_PACKAGE_HOLDS_SDL}` : SEAT_HOLDS_SDL,
      this.options.anyKind
        ? { Hold: { __resolveReference: of('SEAT') }, RoomHold: { __resolveReference: of('ROOM') }, PackageHold: { __resolveReference: of('PACKAGE') } }
        : { Hold: { __resolveReference: of('SEAT') } },
    );
    return this.server.url;
  }

  /** An active hold on a room of a fresh hotel, from `checkIn` to `checkOut` (dates). */
  addHotel(orgId: string, now: Date, checkIn: string, checkOut: string, overrides: Partial<Omit<HoldFixture, 'id' | 'orgId'>> = {}): HoldFixture {
    return this.put({
      orgId,
      status: 'ACTIVE',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      price: { amount: 62_000, currency: 'USD' },
      kind: 'ROOM',
      flight: null,
      seat: null,
      hotel: { id: randomUUID(), name: 'Harbor View Hotel' },
      roomType: { id: randomUUID(), name: 'Deluxe King' },
      checkIn,
      checkOut,
      ...overrides,
    });
  }

  /** An active hold on places of a fresh package departing on `date` and lasting `durationDays`. */
  addPackage(orgId: string, now: Date, date: string, durationDays: number, overrides: Partial<Omit<HoldFixture, 'id' | 'orgId'>> = {}): HoldFixture {
    return this.put({
      orgId,
      status: 'ACTIVE',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      price: { amount: 150_000, currency: 'USD' },
      kind: 'PACKAGE',
      flight: null,
      seat: null,
      travelPackage: { id: randomUUID(), title: 'Iceland Ring Road', durationDays },
      date,
      ...overrides,
    });
  }

  private put(fixture: Omit<HoldFixture, 'id'>): HoldFixture {
    const hold: HoldFixture = { id: randomUUID(), ...fixture };
    this.holds.set(hold.id, hold);
    return hold;
  }

  /** An active hold of `orgId` on a fresh flight and seat, expiring an hour after `now`. */
  add(orgId: string, now: Date, overrides: Partial<Omit<FlightHoldFixture, 'id' | 'orgId'>> = {}): FlightHoldFixture {
    const depart = new Date(now.getTime() + 7 * 86_400_000);
    const hold: FlightHoldFixture = {
      id: randomUUID(),
      orgId,
      kind: 'SEAT',
      status: 'ACTIVE',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      price: { amount: 45_000, currency: 'USD' },
      seat: { id: randomUUID(), cabin: 'BUSINESS', seatNumber: '3A' },
      flight: {
        id: randomUUID(),
        flightNumber: 'BA117',
        departureAt: depart.toISOString(),
        arrivalAt: new Date(depart.getTime() + 8 * 3_600_000).toISOString(),
        airline: { code: 'BA' },
        origin: { code: 'LHR' },
        destination: { code: 'JFK' },
      },
      ...overrides,
    };
    this.holds.set(hold.id, hold);
    return hold;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

export class FakeCustomer {
  /** person id → organization id */
  readonly people = new Map<string, string>();
  /** person id → department (absent: no department) */
  readonly departments = new Map<string, string>();
  /** `${principalId}>${delegateId}`: the delegate may book for the principal. */
  readonly delegations = new Set<string>();
  private server!: FakeSubgraph;

  delegate(principalId: string, delegateId: string): void {
    this.delegations.add(`${principalId}>${delegateId}`);
  }

  async start(config: Config): Promise<string> {
    this.server = await startFake(config, `type Person @key(fields: "id") { id: ID! department: String canBeBookedByViewer: Boolean! }`, {
      Person: {
        __resolveReference: (ref: { id: string }, ctx: FakeContext) =>
          sameOrg(this.people.has(ref.id) ? { id: ref.id, orgId: this.people.get(ref.id)!, department: this.departments.get(ref.id) ?? null } : undefined, ctx),
        // Mirrors customer: the person themselves, a travel admin, or someone the person delegated to.
        canBeBookedByViewer: (person: { id: string }, _: unknown, ctx: FakeContext) =>
          !!ctx.viewer && (ctx.viewer.personId === person.id || ctx.viewer.roles.includes('travel_admin') || this.delegations.has(`${person.id}>${ctx.viewer.personId}`)),
      },
    });
    return this.server.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

export type Verdict = 'COMPLIANT' | 'SOFT_WARNING' | 'HARD_STOP';

export class FakePolicy {
  /** booking id → the result of its latest evaluation */
  readonly verdicts = new Map<string, Verdict>();
  /** How many times booking asked, per booking id. */
  readonly reads = new Map<string, number>();
  private server!: FakeSubgraph;

  async start(config: Config): Promise<string> {
    this.server = await startFake(
      config,
      `
      enum PolicyResult { COMPLIANT SOFT_WARNING HARD_STOP }
      type PolicyEvaluation { result: PolicyResult! }
      type Booking @key(fields: "id") { id: ID! policyEvaluation: PolicyEvaluation }
      `,
      {
        Booking: {
          __resolveReference: (ref: { id: string }) => {
            this.reads.set(ref.id, (this.reads.get(ref.id) ?? 0) + 1);
            return { id: ref.id };
          },
          policyEvaluation: (booking: { id: string }) => {
            const result = this.verdicts.get(booking.id);
            return result ? { result } : null;
          },
        },
      },
    );
    return this.server.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
