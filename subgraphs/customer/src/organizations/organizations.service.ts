import { DomainError, type Role, type UnitOfWork } from '@travel/platform';
import type { EmployeeLevel, OrganizationRow, PersonRow } from '../db/schema.js';
import { hashPassword } from '../people/people.service.js';
import type { PeopleRepository } from '../people/people.repository.js';
import type { OrganizationsRepository } from './organizations.repository.js';

export interface ProvisionPerson {
  /** Caller's own key for the person, used to point `managerRef` at another row of the same call. */
  ref: string;
  email: string;
  name: string;
  department?: string;
  level?: EmployeeLevel;
  title?: string;
  roles: Role[];
  managerRef?: string;
  password?: string;
}

export interface ProvisionResult {
  organization: OrganizationRow;
  people: Map<string, PersonRow>;
}

export class OrganizationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly organizations: OrganizationsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * Creates an organization with its people in one transaction (demo data,
   * tests). Managers are linked by `ref`; a password is hashed once and
   * shared by rows that give the same one.
   */
  async provision(input: { name: string; slug: string; tier?: OrganizationRow['tier']; people: ProvisionPerson[] }): Promise<ProvisionResult> {
    const hashes = new Map<string, string>();
    for (const p of input.people) {
      if (p.password && !hashes.has(p.password)) hashes.set(p.password, await hashPassword(p.password));
    }
    return this.uow.run(async ({ tx }) => {
      if (await this.organizations.findBySlug(input.slug, tx)) throw new DomainError('CONFLICT', `Organization ${input.slug} exists`, 'slug');
      const organization = await this.organizations.insert({ name: input.name, slug: input.slug, tier: input.tier ?? 'professional' }, tx);
      const rows = await this.people.insertMany(
        input.people.map((p) => ({
          orgId: organization.id,
          email: p.email,
          name: p.name,
          department: p.department ?? null,
          level: p.level ?? null,
          title: p.title ?? null,
          roles: p.roles,
          passwordHash: p.password ? hashes.get(p.password)! : null,
        })),
        tx,
      );
      const byRef = new Map(input.people.map((p, i) => [p.ref, rows[i]!]));
      for (const p of input.people) {
        if (!p.managerRef) continue;
        const manager = byRef.get(p.managerRef);
        if (!manager) throw new DomainError('VALIDATION_FAILED', `Unknown manager ${p.managerRef}`, 'managerRef');
        byRef.get(p.ref)!.managerId = manager.id;
        await this.people.setManager(byRef.get(p.ref)!.id, manager.id, tx);
      }
      return { organization, people: byRef };
    });
  }
}
