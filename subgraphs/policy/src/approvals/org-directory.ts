import { signInternalIdentity, type EntityClient, type Viewer } from '@travel/platform';

/** A person as the approval chain needs them, read from the customer subgraph (enums UPPER_CASE as served). */
export interface DirectoryPerson {
  id: string;
  roles: string[];
  level: string | null;
  manager: { id: string } | null;
}

interface PeoplePage {
  id: string;
  people: { edges: { node: DirectoryPerson }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const PERSON_FIELDS = 'id roles level manager { id }';
const PAGE_SIZE = 100;
/** An organization larger than this is read only up to here; approvers are found among the first people by name. */
const MAX_PAGES = 50;

/** Who is who in an organization, read from the customer subgraph so its tenancy rules apply. */
export interface OrgDirectory {
  /** Everyone of the organization, read on behalf of `actingFor` (a member of it). */
  people(actingFor: Viewer): Promise<DirectoryPerson[]>;
  /** One person of the acting viewer's organization, or null when unknown there. */
  person(actingFor: Viewer, personId: string): Promise<DirectoryPerson | null>;
}

/**
 * Reads people through customer's `_entities`. Event consumers and the SLA
 * sweeper have no caller, so they read on behalf of the member of the
 * organization the work is for (the requester), with an identity signed by
 * this subgraph: customer then shows exactly what that member may see.
 */
export class CustomerOrgDirectory implements OrgDirectory {
  constructor(
    private readonly entities: Pick<EntityClient, 'fetch'>,
    private readonly internalSecret: string,
  ) {}

  async people(actingFor: Viewer): Promise<DirectoryPerson[]> {
    const identity = await signInternalIdentity(actingFor, this.internalSecret);
    const all: DirectoryPerson[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const args: string = after ? `first: ${PAGE_SIZE}, after: ${JSON.stringify(after)}` : `first: ${PAGE_SIZE}`;
      const [org]: (PeoplePage | null)[] = await this.entities.fetch<PeoplePage>({
        subgraph: 'customer',
        typename: 'Organization',
        representations: [{ id: actingFor.orgId }],
        identity,
        selection: `id people(${args}) { edges { node { ${PERSON_FIELDS} } } pageInfo { hasNextPage endCursor } }`,
      });
      if (!org) return all;
      all.push(...org.people.edges.map((e) => e.node));
      if (!org.people.pageInfo.hasNextPage || !org.people.pageInfo.endCursor) return all;
      after = org.people.pageInfo.endCursor;
    }
    return all;
  }

  async person(actingFor: Viewer, personId: string): Promise<DirectoryPerson | null> {
    const identity = await signInternalIdentity(actingFor, this.internalSecret);
    const [person] = await this.entities.fetch<DirectoryPerson>({
      subgraph: 'customer',
      typename: 'Person',
      representations: [{ id: personId }],
      identity,
      selection: PERSON_FIELDS,
    });
    return person ?? null;
  }
}
