import { DomainError, parseInput, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { PersonRow } from '../db/schema.js';
import type { PeopleRepository } from '../people/people.repository.js';
import type { DelegationsRepository } from './delegations.repository.js';

const delegationInput = z.object({
  delegateId: z.guid({ error: 'delegateId is not a valid id' }),
  principalId: z.guid({ error: 'principalId is not a valid id' }).nullish(),
});

/** Who may book for whom: a person lets a colleague book for them; travel admins arrange it for anyone. */
export class DelegationsService {
  constructor(
    private readonly delegations: DelegationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  async grant(viewer: Viewer, input: unknown): Promise<PersonRow> {
    const { principal, delegate } = await this.pair(viewer, input);
    await this.delegations.insert({ orgId: viewer.orgId, principalId: principal.id, delegateId: delegate.id, grantedById: viewer.personId });
    return principal;
  }

  /** Revoking a delegation that does not exist is NOT_FOUND, so a typo does not pass for success. */
  async revoke(viewer: Viewer, input: unknown): Promise<PersonRow> {
    const { principal, delegate } = await this.pair(viewer, input);
    if (!(await this.delegations.delete(viewer.orgId, principal.id, delegate.id))) {
      throw new DomainError('NOT_FOUND', `${delegate.name} does not book for ${principal.name}`, 'delegateId');
    }
    return principal;
  }

  private async pair(viewer: Viewer, input: unknown): Promise<{ principal: PersonRow; delegate: PersonRow }> {
    const data = parseInput(delegationInput, input);
    const principalId = data.principalId ?? viewer.personId;
    if (principalId !== viewer.personId && !viewer.roles.includes('travel_admin')) {
      throw new DomainError('FORBIDDEN', 'Only travel admins may manage delegations for someone else', 'principalId');
    }
    if (principalId === data.delegateId) throw new DomainError('VALIDATION_FAILED', 'A person always books for themselves', 'delegateId');
    const found = await this.people.findByIds(viewer.orgId, [principalId, data.delegateId]);
    const principal = found.find((p) => p.id === principalId);
    const delegate = found.find((p) => p.id === data.delegateId);
    if (!principal) throw new DomainError('NOT_FOUND', `Person ${principalId} not found in your organization`, 'principalId');
    if (!delegate) throw new DomainError('NOT_FOUND', `Person ${data.delegateId} not found in your organization`, 'delegateId');
    return { principal, delegate };
  }
}
