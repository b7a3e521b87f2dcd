import { createRequire } from 'node:module';

/**
 * The `graphql` module instance @apollo/gateway, @apollo/federation-internals
 * and graphql-ws run with. They are CommonJS, so they load graphql's CommonJS
 * build; graphql checks `instanceof` across schemas and errors, and a tool
 * that loads the ESM build for our own files (vitest does) would otherwise
 * hand them objects from "another realm". Under plain Node both are the same.
 */
export const gql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
