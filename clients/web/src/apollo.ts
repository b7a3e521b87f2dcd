import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import possibleTypes from './gql/possible-types';
import { session } from './session';

/** Same-origin endpoint; the web server proxies it (HTTP and WebSocket) to the router. */
const GRAPHQL_PATH = '/graphql';

function authorization(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

function isSubscription({ query }: ApolloLink.Operation): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
}

/** A rejected or expired token signs the tab out, which brings back the sign-in page. */
const signOutOnUnauthenticated = new ErrorLink(({ error }) => {
  const unauthenticated =
    (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) ||
    (ServerError.is(error) && error.statusCode === 401);
  if (unauthenticated && session.get()) session.clear();
});

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: GRAPHQL_PATH });

  // Lazy: no socket until the first subscription, closed again after the last one.
  const ws = new GraphQLWsLink(
    createClient({
      url: () => {
        const url = new URL(GRAPHQL_PATH, window.location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        return url.toString();
      },
      lazy: true,
      connectionParams: authorization,
    }),
  );

  const withAuth = new SetContextLink(({ headers }) => ({ headers: { ...headers, ...authorization() } }));

  const client = new ApolloClient({
    link: ApolloLink.from([signOutOnUnauthenticated, ApolloLink.split(isSubscription, ws, ApolloLink.from([withAuth, http]))]),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes.possibleTypes,
      typePolicies: {
        Query: { fields: { searchFlights: relayStylePagination(['input']) } },
        // Airports have no id; the graph keys them by IATA code (every selection here includes it).
        Airport: { keyFields: ['code'] },
      },
    }),
  });
  // Whatever ends the session (sign-out, expiry, a rejected token), nothing of it stays cached.
  session.subscribe(() => {
    if (!session.get()) void client.clearStore();
  });
  return client;
}
