import { createServer, type IncomingMessage, type Server } from 'node:http';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { closeServer, IDENTITY_HEADER, listen, localUrl, verifyInternalIdentity, type Config, type Resolvers, type SubgraphName, type Viewer } from '@travel/platform';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { gql } from '../src/subscriptions/graphql-runtime.js';

/**
 * Three small subgraphs for the router's subscription tests. "inventory"
 * owns Flight and the Subscription field; "booking" and "policy" each add a
 * field to Flight, so an event is only complete once both were fetched.
 */
const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])`;

const INVENTORY_SDL = `${FEDERATION}
type Flight @key(fields: "id") { id: ID! seatsLeft: Int! }
type Query { flight(id: ID!): Flight }
type Subscription { flightChanged(id: ID!): Flight! }
`;
const BOOKING_SDL = `${FEDERATION}
type Flight @key(fields: "id") { id: ID! bookedCount: Int! }
`;
const POLICY_SDL = `${FEDERATION}
type Flight @key(fields: "id") { id: ID! policyStatus: String! }
`;

export interface FlightEvent {
  id: string;
  seatsLeft: number;
  /** Only subscribers of this organization see the event (tenant filtering upstream); all do when absent. */
  orgId?: string;
}

interface FakeContext {
  viewer: Viewer | null;
}

/** An async iterator the fake's subscription resolver returns; `return()` is what graphql-js calls on unsubscribe. */
class EventIterator implements AsyncIterableIterator<FlightEvent> {
  private readonly buffer: FlightEvent[] = [];
  private waiting: ((r: IteratorResult<FlightEvent>) => void) | undefined;
  private done = false;

  constructor(private readonly onReturn: () => void) {}

  push(event: FlightEvent): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: event, done: false });
    } else this.buffer.push(event);
  }

  finish(): void {
    if (this.done) return;
    this.done = true;
    this.onReturn();
    this.waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<FlightEvent>> {
    const head = this.buffer.shift();
    if (head) return Promise.resolve({ value: head, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<FlightEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** One fake subgraph served over HTTP (POST /graphql) and graphql-ws on the same path, restartable on its port. */
class FakeSubgraph {
  private http: Server | undefined;
  private disposeWs: (() => Promise<void>) | undefined;
  port = 0;
  url = '';

  constructor(
    readonly name: SubgraphName,
    readonly sdl: string,
    readonly schema: GraphQLSchema,
    private readonly secret: string,
  ) {}

  async start(port = this.port): Promise<void> {
    const http = createServer((req, res) => {
      void this.handle(req).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
        },
      );
    });
    const wsServer = new WebSocketServer({ server: http, path: '/graphql' });
    const cleanup = useServer(
      {
        schema: this.schema,
        onConnect: async (ctx) => {
          try {
            await verifyInternalIdentity(ctx.connectionParams?.[IDENTITY_HEADER] as string | undefined, this.secret);
            return true;
          } catch {
            return false;
          }
        },
        context: async (ctx): Promise<FakeContext> => ({ viewer: await verifyInternalIdentity(ctx.connectionParams?.[IDENTITY_HEADER] as string, this.secret) }),
      },
      wsServer,
    );
    this.disposeWs = async () => {
      for (const socket of wsServer.clients) socket.terminate();
      await cleanup.dispose();
      wsServer.close();
    };
    this.port = await listen(http, port, '127.0.0.1');
    this.url = localUrl('127.0.0.1', this.port);
    this.http = http;
  }

  async stop(): Promise<void> {
    await this.disposeWs?.();
    if (this.http?.listening) await closeServer(this.http);
    this.http = undefined;
  }

  private async handle(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const viewer = await verifyInternalIdentity(req.headers[IDENTITY_HEADER] as string | undefined, this.secret);
    const contextValue: FakeContext = { viewer };
    return gql.graphql({ schema: this.schema, source: query, variableValues: variables ?? null, operationName: operationName ?? null, contextValue });
  }
}

export interface FakeSupergraph {
  supergraphSdl: string;
  inventory: FakeSubgraph;
  booking: FakeSubgraph;
  policy: FakeSubgraph;
  /** Upstream subscriptions to one flight opened at the fake inventory, those still open, and who opened them. */
  upstream(flightId: string): { opened: number; active: number; viewers: (Viewer | null)[] };
  /** `_entities` requests the fake booking answered (one per executed event, whatever the number of watchers). */
  bookingEntityFetches: number;
  publish(event: FlightEvent): void;
  /** Ends every upstream stream of a flight, as a subgraph does when the watched thing is gone. */
  completeFlight(id: string): void;
  urls(): Partial<Record<SubgraphName, string>>;
  stop(): Promise<void>;
}

export async function startFakeSupergraph(config: Pick<Config, 'INTERNAL_SECRET'>): Promise<FakeSupergraph> {
  const listeners = new Map<string, Set<{ iterator: EventIterator; viewer: Viewer | null }>>();
  const opened = new Map<string, (Viewer | null)[]>();
  const fake = { bookingEntityFetches: 0 };

  const inventoryResolvers: Resolvers<FakeContext> = {
    Query: { flight: (_: unknown, { id }: { id: string }) => ({ id, seatsLeft: 10 }) },
    Flight: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, seatsLeft: 10 }) },
    Subscription: {
      flightChanged: {
        subscribe: (_: unknown, { id }: { id: string }, ctx: FakeContext) => {
          opened.set(id, [...(opened.get(id) ?? []), ctx.viewer]);
          const set = listeners.get(id) ?? new Set();
          listeners.set(id, set);
          const entry = {
            viewer: ctx.viewer,
            iterator: new EventIterator(() => set.delete(entry)),
          };
          set.add(entry);
          return entry.iterator;
        },
        resolve: (event: FlightEvent) => ({ __typename: 'Flight', id: event.id, seatsLeft: event.seatsLeft }),
      },
    },
  };
  const bookingResolvers: Resolvers<FakeContext> = {
    Flight: {
      __resolveReference: (ref: { id: string }) => {
        fake.bookingEntityFetches += 1;
        return { id: ref.id, bookedCount: 3 };
      },
    },
  };
  const policyResolvers: Resolvers<FakeContext> = {
    // Depends on the caller, to show the entity fetches carry the subscriber's identity.
    Flight: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), policyStatus: (_: unknown, __: unknown, ctx: FakeContext) => (ctx.viewer ? `compliant:${ctx.viewer.orgId}` : 'anonymous') },
  };

  const make = (name: SubgraphName, sdl: string, resolvers: Resolvers<FakeContext>) =>
    new FakeSubgraph(name, sdl, buildSubgraphSchema([{ typeDefs: gql.parse(sdl), resolvers }]), config.INTERNAL_SECRET);
  const inventory = make('inventory', INVENTORY_SDL, inventoryResolvers);
  const booking = make('booking', BOOKING_SDL, bookingResolvers);
  const policy = make('policy', POLICY_SDL, policyResolvers);
  for (const subgraph of [inventory, booking, policy]) await subgraph.start(0);

  const composed = composeServices([inventory, booking, policy].map((s) => ({ name: s.name, typeDefs: gql.parse(s.sdl), url: s.url })));
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);

  return Object.assign(fake, {
    supergraphSdl: composed.supergraphSdl,
    inventory,
    booking,
    policy,
    upstream: (flightId: string) => {
      const viewers = opened.get(flightId) ?? [];
      return { opened: viewers.length, active: listeners.get(flightId)?.size ?? 0, viewers };
    },
    publish: (event: FlightEvent) => {
      for (const { iterator, viewer } of listeners.get(event.id) ?? []) {
        if (!event.orgId || viewer?.orgId === event.orgId) iterator.push(event);
      }
    },
    completeFlight: (id: string) => {
      for (const { iterator } of [...(listeners.get(id) ?? [])]) iterator.finish();
    },
    urls: () => ({ inventory: inventory.url, booking: booking.url, policy: policy.url }),
    stop: async () => {
      for (const subgraph of [inventory, booking, policy]) await subgraph.stop();
    },
  });
}
