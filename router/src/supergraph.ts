import { readFileSync } from 'node:fs';

/** The committed, composed supergraph the router serves. */
export function readSupergraphSdl(): string {
  return readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
}
