import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { signInternalIdentity, type Config, type Logger, type Viewer } from '@travel/platform';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { CredentialResult, CredentialVerifier, PresentedCredentials } from '../auth/credentials.js';
import type { RouterContext } from '../context.js';
import { toGraphQLError } from './event-executor.js';
import { gql } from './graphql-runtime.js';
import type { SubscriptionHub } from './hub.js';
import type { SubscriptionLimits } from './limits.js';
import type { SubscriptionPlanner } from './planner.js';

interface ConnectionState {
  viewer: Viewer | null;
  /** The API key the connection was opened with, re-checked per operation (revocation, rate limit). */
  apiKey: unknown;
  /** Ids of this connection's subscription operations still running. */
  subscriptions: Set<string>;
}

/** What an operation of the connection executes with. */
interface WsOperationContext {
  viewer: Viewer | null;
}

export interface WsGraphqlOptions {
  httpServer: Server;
  config: Pick<Config, 'INTERNAL_SECRET'>;
  credentials: CredentialVerifier;
  planner: SubscriptionPlanner;
  hub: SubscriptionHub;
  apollo: ApolloServer<RouterContext>;
  limits: SubscriptionLimits;
  logger: Logger;
}

/** graphql-ws has 4403 Forbidden for refused credentials; 4429 is ours for a key over its rate limit. */
export const CLOSE_RATE_LIMITED = 4429;
const CLOSE_FORBIDDEN = 4403;

/**
 * The caller's credentials from `connection_init`: `authorization: "Bearer
 * <token>"` or `apiKey` / `x-api-key: <key>` in the connection params.
 */
function presentedIn(params: Readonly<Record<string, unknown>> | undefined): PresentedCredentials {
  return { authorization: params?.['authorization'] ?? params?.['Authorization'], apiKey: params?.['x-api-key'] ?? params?.['apiKey'] };
}

/** Closes the socket for a refused credential; graphql-ws ignores its own close on an already closing socket. */
function refuse(socket: { close(code: number, reason: string): void }, result: Exclude<CredentialResult, { ok: true }>): void {
  socket.close(result.kind === 'rate_limited' ? CLOSE_RATE_LIMITED : CLOSE_FORBIDDEN, result.kind === 'rate_limited' ? 'Too many requests' : 'Forbidden');
}

/**
 * graphql-ws on the router's HTTP server at /graphql. Subscriptions run on
 * the router's own executor (planned, shared, enriched per event); queries
 * and mutations sent over the socket go through the same gateway as HTTP.
 */
export function attachWsGraphql(options: WsGraphqlOptions): { dispose(): Promise<void> } {
  const { httpServer, config, credentials, planner, hub, apollo, limits, logger } = options;
  const connections = new WeakMap<object, ConnectionState>();
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const cleanup = useServer(
    {
      schema: planner.schema,
      onConnect: async (ctx) => {
        const presented = presentedIn(ctx.connectionParams);
        const result = await credentials.verify(presented);
        if (!result.ok) {
          refuse(ctx.extra.socket, result);
          return false;
        }
        connections.set(ctx, { viewer: result.viewer, apiKey: presented.apiKey, subscriptions: new Set() });
        return true;
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const state = connections.get(ctx);
        if (!state) return [new gql.GraphQLError('Connection not initialised', { extensions: { code: 'UNAUTHENTICATED' } })];
        const recheck = await credentials.recheck(state.viewer, state.apiKey);
        if (!recheck.ok) {
          refuse(ctx.extra.socket, recheck);
          return [new gql.GraphQLError(recheck.message, { extensions: { code: recheck.kind === 'rate_limited' ? 'RATE_LIMITED' : 'UNAUTHENTICATED' } })];
        }
        let document: DocumentNode;
        try {
          document = gql.parse(payload.query);
        } catch (error) {
          return [error instanceof gql.GraphQLError ? error : new gql.GraphQLError('Could not parse the operation')];
        }
        const validationErrors = gql.validate(planner.schema, document);
        if (validationErrors.length > 0) return validationErrors;
        const operation = gql.getOperationAST(document, payload.operationName);
        if (!operation) return [new gql.GraphQLError('Unable to identify operation')];
        const coerced = gql.getVariableValues(planner.schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (coerced.errors) return coerced.errors;
        if (operation.operation === 'subscription') {
          // A client `complete` removes the id from ctx.subscriptions at once; onComplete runs a few ticks later,
          // possibly after the client's next subscribe was read from the same packet.
          for (const active of state.subscriptions) if (!(active in ctx.subscriptions)) state.subscriptions.delete(active);
          if (state.subscriptions.size >= limits.maxPerConnection) {
            return [
              new gql.GraphQLError(`At most ${limits.maxPerConnection} subscriptions per connection`, {
                extensions: { code: 'SUBSCRIPTION_LIMIT_REACHED', limit: limits.maxPerConnection },
              }),
            ];
          }
          state.subscriptions.add(id);
        }
        const contextValue: WsOperationContext = { viewer: state.viewer };
        return {
          schema: planner.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? {},
          contextValue,
        };
      },
      onComplete: (ctx, id) => {
        connections.get(ctx)?.subscriptions.delete(id);
      },
      subscribe: (args) => {
        const { viewer } = args.contextValue as WsOperationContext;
        try {
          return hub.subscribe({ document: args.document, operationName: args.operationName ?? undefined, variables: args.variableValues ?? {}, viewer });
        } catch (error) {
          logger.error({ err: error }, 'subscription planning failed');
          return { errors: [new gql.GraphQLError('Could not plan the subscription', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
        }
      },
      execute: async (args): Promise<ExecutionResult> => {
        const { viewer } = args.contextValue as WsOperationContext;
        const contextValue: RouterContext = { viewer, identity: await signInternalIdentity(viewer, config.INTERNAL_SECRET) };
        const response = await apollo.executeOperation(
          { query: args.document, variables: args.variableValues ?? {}, ...(args.operationName ? { operationName: args.operationName } : {}) },
          { contextValue },
        );
        if (response.body.kind !== 'single') return { errors: [new gql.GraphQLError('Incremental delivery is not supported over graphql-ws')] };
        const { data, errors, extensions } = response.body.singleResult;
        return {
          data: (data ?? null) as ExecutionResult['data'],
          ...(errors ? { errors: errors.map(toGraphQLError) } : {}),
          ...(extensions ? { extensions } : {}),
        };
      },
    },
    wsServer,
  );

  return {
    dispose: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
