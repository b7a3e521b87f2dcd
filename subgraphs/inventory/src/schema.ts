import { readFileSync } from 'node:fs';
import { gql } from 'graphql-tag';

export const typeDefs = gql(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
