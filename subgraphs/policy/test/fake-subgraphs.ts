import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { IDENTITY_HEADER, verifyInternalIdentity, type Viewer } from '@travel/platform';
import type { DocumentNode } from 'graphql';
import { gql } from 'graphql-tag';

/**
 * Stand-ins for the booking and customer subgraphs, which are written
 * concurrently: they serve only the `_entities` fields policy reads, from
 * in-memory fixtures, and apply the same tenancy rule the real ones do
 * (another organization's row resolves to null).
 */

export interface FakeSegment {
  kind: 'FLIGHT' | 'HOTEL';
  cabin: 'ECONOMY' | 'PREMIUM_ECONOMY' | 'BUSINESS' | 'FIRST' | null;
  departAt: string | null;
  arriveAt: string | null;
  price: { amount: number; currency: string };
  carrier?: string | null;
  destination?: string | null;
}

export interface FakeBooking {
  id: string;
  orgId: string;
  travelerId: string;
  total: { amount: number; currency: string };
  segments: FakeSegment[];
}

export interface FakePerson {
  id: string;
  orgId: string;
  department: string | null;
  level: 'JUNIOR' | 'SENIOR' | 'MANAGER' | 'DIRECTOR' | 'VP' | 'EXECUTIVE' | null;
}

interface FakeContext {
  viewer: Viewer | null;
}

export interface FakeSubgraph {
  url: string;
  stop(): Promise<void>;
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';

const bookingTypeDefs = gql`
  ${LINK}
  type Money { amount: Int! currency: String! }
  type Person @key(fields: "id", resolvable: false) { id: ID! }
  enum SegmentKind { FLIGHT HOTEL }
  enum Cabin { ECONOMY PREMIUM_ECONOMY BUSINESS FIRST }
  type Segment {
    kind: SegmentKind! cabin: Cabin departAt: String arriveAt: String price: Money!
    carrier: String supplier: String destination: String startsAt: String endsAt: String
  }
  type Booking @key(fields: "id") { id: ID! total: Money! traveler: Person! segments: [Segment!]! }
`;

const customerTypeDefs = gql`
  ${LINK}
  enum EmployeeLevel { JUNIOR SENIOR MANAGER DIRECTOR VP EXECUTIVE }
  type Person @key(fields: "id") { id: ID! department: String level: EmployeeLevel }
`;

function ownRow<R extends { orgId: string }>(rows: Map<string, R>, id: string, ctx: FakeContext): R | null {
  const row = rows.get(id);
  return row && ctx.viewer && row.orgId === ctx.viewer.orgId ? row : null;
}

async function startFake(typeDefs: DocumentNode, resolvers: GraphQLResolverMap<FakeContext>, secret: string): Promise<FakeSubgraph> {
  const server = new ApolloServer<FakeContext>({
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const header = req.headers[IDENTITY_HEADER];
      return { viewer: await verifyInternalIdentity(Array.isArray(header) ? header[0] : header, secret) };
    },
  });
  return { url, stop: () => server.stop() };
}

export function startFakeBookingSubgraph(bookings: Map<string, FakeBooking>, secret: string): Promise<FakeSubgraph> {
  return startFake(
    bookingTypeDefs,
    {
      Booking: {
        __resolveReference: (ref: { id: string }, ctx: FakeContext) => ownRow(bookings, ref.id, ctx),
        traveler: (booking: FakeBooking) => ({ id: booking.travelerId }),
      },
    },
    secret,
  );
}

export function startFakeCustomerSubgraph(people: Map<string, FakePerson>, secret: string): Promise<FakeSubgraph> {
  return startFake(
    customerTypeDefs,
    { Person: { __resolveReference: (ref: { id: string }, ctx: FakeContext) => ownRow(people, ref.id, ctx) } },
    secret,
  );
}
