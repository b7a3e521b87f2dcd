/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Airports($search: String, $first: Int) {\n    airports(search: $search, first: $first) {\n      code\n      name\n      city\n    }\n  }\n": typeof types.AirportsDocument,
    "\n  fragment FlightCard_flight on Flight {\n    id\n    flightNumber\n    airline {\n      code\n      name\n    }\n    origin {\n      code\n      city\n      timeZone\n    }\n    destination {\n      code\n      city\n      timeZone\n    }\n    departureAt\n    arrivalAt\n    durationMinutes\n    stops\n    cabins {\n      cabin\n      seatsLeft\n      lowestFare {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.FlightCard_FlightFragmentDoc,
    "\n  query SearchFlights($input: SearchFlightsInput!, $first: Int, $after: String) {\n    searchFlights(input: $input, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlightCard_flight\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchFlightsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      organization {\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  query Airports($search: String, $first: Int) {\n    airports(search: $search, first: $first) {\n      code\n      name\n      city\n    }\n  }\n": types.AirportsDocument,
    "\n  fragment FlightCard_flight on Flight {\n    id\n    flightNumber\n    airline {\n      code\n      name\n    }\n    origin {\n      code\n      city\n      timeZone\n    }\n    destination {\n      code\n      city\n      timeZone\n    }\n    departureAt\n    arrivalAt\n    durationMinutes\n    stops\n    cabins {\n      cabin\n      seatsLeft\n      lowestFare {\n        amount\n        currency\n      }\n    }\n  }\n": types.FlightCard_FlightFragmentDoc,
    "\n  query SearchFlights($input: SearchFlightsInput!, $first: Int, $after: String) {\n    searchFlights(input: $input, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlightCard_flight\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchFlightsDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      organization {\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        id\n        name\n      }\n      errors {\n        code\n        message\n        field\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Airports($search: String, $first: Int) {\n    airports(search: $search, first: $first) {\n      code\n      name\n      city\n    }\n  }\n"): (typeof documents)["\n  query Airports($search: String, $first: Int) {\n    airports(search: $search, first: $first) {\n      code\n      name\n      city\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlightCard_flight on Flight {\n    id\n    flightNumber\n    airline {\n      code\n      name\n    }\n    origin {\n      code\n      city\n      timeZone\n    }\n    destination {\n      code\n      city\n      timeZone\n    }\n    departureAt\n    arrivalAt\n    durationMinutes\n    stops\n    cabins {\n      cabin\n      seatsLeft\n      lowestFare {\n        amount\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment FlightCard_flight on Flight {\n    id\n    flightNumber\n    airline {\n      code\n      name\n    }\n    origin {\n      code\n      city\n      timeZone\n    }\n    destination {\n      code\n      city\n      timeZone\n    }\n    departureAt\n    arrivalAt\n    durationMinutes\n    stops\n    cabins {\n      cabin\n      seatsLeft\n      lowestFare {\n        amount\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchFlights($input: SearchFlightsInput!, $first: Int, $after: String) {\n    searchFlights(input: $input, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlightCard_flight\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchFlights($input: SearchFlightsInput!, $first: Int, $after: String) {\n    searchFlights(input: $input, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...FlightCard_flight\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      organization {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      organization {\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;