import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Logger } from '@travel/platform';
import type { RouterContext } from '../context.js';
import type { SubscriptionPlan, SubscriptionPlanner } from './planner.js';
import type { UpstreamEvent } from './upstream.js';
import { gql } from './graphql-runtime.js';

type RequestContext = Parameters<typeof executeQueryPlan>[2];

/** The name under which the upstream event answers the primary fetch; no subgraph can have it (not a valid enum value). */
const EVENT_SOURCE = '@subscription-event';

/** The request cache of the gateway's contract; nothing in plan execution reads it. */
const noCache: RequestContext['cache'] = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => true,
};

/**
 * Runs the `rest` of a subscription plan for one upstream event with
 * `executeQueryPlan`. The gateway's executor starts from empty data and runs
 * fetches in order, so the plan it is given is `Sequence[primary, rest]`
 * where the primary fetch is answered by a data source that returns the
 * event: entity fetches then find the event's keys exactly where a query's
 * root fetch would have put them, and the response is shaped (aliases,
 * __typename, nullability) by the gateway's own post-processing.
 */
export class EventExecutor {
  constructor(
    private readonly planner: SubscriptionPlanner,
    private readonly services: ServiceMap,
    private readonly logger: Logger,
  ) {}

  async run(plan: SubscriptionPlan, event: UpstreamEvent, variables: Record<string, unknown>, context: RouterContext): Promise<ExecutionResult> {
    const primary: FetchNode = { ...plan.primary, serviceName: EVENT_SOURCE };
    const queryPlan: QueryPlan = { kind: 'QueryPlan', node: plan.rest ? { kind: 'Sequence', nodes: [primary, plan.rest] } : primary };
    const upstreamErrors = (event.errors ?? []).map(toGraphQLError);
    if (!event.data) return { data: null, errors: upstreamErrors };
    // The event's own errors are passed on as they are, not attributed to the stand-in source.
    const eventSource: GraphQLDataSource = { process: async () => ({ data: event.data ?? null }) };
    const { operation } = plan.operationContext;
    const requestContext: RequestContext = {
      request: { variables, ...(operation.name ? { operationName: operation.name.value } : {}) },
      logger: this.logger,
      schema: this.planner.schema,
      schemaHash: 'subscription' as RequestContext['schemaHash'],
      context,
      cache: noCache,
      queryHash: '',
      document: { kind: 'Document' as RequestContext['document']['kind'], definitions: [operation, ...Object.values(plan.operationContext.fragments)] },
      source: '',
      operationName: operation.name?.value ?? null,
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    };
    const result = await executeQueryPlan(
      queryPlan,
      { ...this.services, [EVENT_SOURCE]: eventSource },
      requestContext,
      plan.operationContext,
      this.planner.supergraphSchema,
      this.planner.apiSchema,
    );
    const errors = [...upstreamErrors, ...(result.errors ?? []).map(toGraphQLError)];
    return {
      data: result.data ?? null,
      ...(errors.length > 0 ? { errors } : {}),
      ...(result.extensions ? { extensions: result.extensions } : {}),
    };
  }
}

/** graphql-ws serialises errors with `toJSON`, so formatted errors from subgraphs become GraphQLErrors again. */
export function toGraphQLError(error: GraphQLError | { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }): GraphQLError {
  if (error instanceof gql.GraphQLError) return error;
  return new gql.GraphQLError(error.message, { ...(error.path ? { path: error.path } : {}), ...(error.extensions ? { extensions: error.extensions } : {}) });
}
