import type { SubgraphName } from '../config.js';
import { IDENTITY_HEADER } from '../auth/identity.js';

/** Where each subgraph answers; filled from configuration, or as servers start on port 0. */
export class ServiceDirectory {
  private readonly urls = new Map<SubgraphName, string>();

  constructor(entries: Partial<Record<SubgraphName, string>> = {}) {
    for (const [name, url] of Object.entries(entries)) if (url) this.urls.set(name as SubgraphName, url);
  }

  set(name: SubgraphName, url: string): void {
    this.urls.set(name, url);
  }

  url(name: SubgraphName): string {
    const url = this.urls.get(name);
    if (!url) throw new Error(`No address known for subgraph ${name}`);
    return url;
  }
}

export class EntityFetchError extends Error {
  override name = 'EntityFetchError';
}

/**
 * Reads another subgraph's entities through its federation `_entities`
 * field, on behalf of the same verified caller, so its tenancy rules apply.
 * Read-only by design: commands between subgraphs travel as events.
 */
export class EntityClient {
  constructor(
    private readonly directory: ServiceDirectory,
    private readonly timeoutMs = 5000,
  ) {}

  async fetch<T>(opts: {
    subgraph: SubgraphName;
    typename: string;
    representations: Record<string, unknown>[];
    selection: string;
    identity: string;
  }): Promise<(T | null)[]> {
    if (opts.representations.length === 0) return [];
    const query = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${opts.typename} { ${opts.selection} } } }`;
    const response = await fetch(this.directory.url(opts.subgraph), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: opts.identity },
      body: JSON.stringify({
        query,
        variables: { representations: opts.representations.map((r) => ({ __typename: opts.typename, ...r })) },
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json()) as { data?: { _entities: (T | null)[] }; errors?: { message: string }[] };
    if (!body.data) throw new EntityFetchError(`${opts.subgraph} could not resolve ${opts.typename}: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
    return body.data._entities;
  }
}
