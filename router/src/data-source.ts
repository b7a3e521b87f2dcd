import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER } from '@travel/platform';
import type { RouterContext } from './context.js';

/** Forwards the router's signed identity statement with every subgraph fetch. */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<RouterContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    if (context.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
  }
}
