import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { gql } from 'graphql-tag';
import { ERROR_CODES } from '../errors.js';

/**
 * SDL every subgraph includes, identical in all six so composition merges it
 * without hints: the federation link, money, time scalars, typed errors and
 * connection page info.
 */
export const commonTypeDefs = gql`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])

  "An instant in UTC, ISO 8601 (e.g. 2026-11-22T08:30:00.000Z)."
  scalar DateTime

  "A calendar date, ISO 8601 (YYYY-MM-DD)."
  scalar Date

  "An integer amount in the currency's minor units (cents for USD). A JSON number, always a safe integer, never a fraction."
  scalar MinorUnits

  "An amount of money: integer minor units plus an ISO 4217 currency code."
  type Money @shareable {
    "Amount in minor units of the currency."
    amount: MinorUnits!
    "ISO 4217 currency code, e.g. USD."
    currency: String!
  }

  "What went wrong in a mutation, as data: the client can branch on code and highlight field."
  enum ErrorCode {
    ${ERROR_CODES.join('\n    ')}
  }

  "An expected failure of a mutation (bad input, no seats left, illegal transition)."
  type UserError @shareable {
    "Machine-readable reason."
    code: ErrorCode!
    "Human-readable explanation."
    message: String!
    "The input field at fault, as a dotted path, when one is."
    field: String
  }

  "Relay-style page information for cursor pagination."
  type PageInfo @shareable {
    "True when more items follow the last one of this page."
    hasNextPage: Boolean!
    "Cursor of the last item of this page; pass it as after to get the next page."
    endCursor: String
  }
`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new GraphQLError('DateTime must be an ISO 8601 string');
  return new Date(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new GraphQLError('Date must be YYYY-MM-DD');
  }
  return value;
}

function parseMinorUnits(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new GraphQLError('MinorUnits must be a safe integer');
  return value;
}

export const commonResolvers = {
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value).toISOString()),
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
  Date: new GraphQLScalarType({
    name: 'Date',
    serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
  MinorUnits: new GraphQLScalarType({
    name: 'MinorUnits',
    serialize: (value) => parseMinorUnits(typeof value === 'bigint' ? Number(value) : value),
    parseValue: parseMinorUnits,
    parseLiteral: (ast) => parseMinorUnits(ast.kind === Kind.INT ? Number(ast.value) : undefined),
  }),
};

/** Maps a GraphQL enum (UPPER_CASE names) onto the lower-case values stored in the database. */
export function enumResolver<const V extends string>(values: readonly V[]): Record<Uppercase<V>, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<Uppercase<V>, V>;
}
