import { DomainError, parseInput, type NewEvent, type Role, type UnitOfWork } from '@travel/platform';
import { z } from 'zod';
import type { EmployeeLevel, OrganizationRow, OrganizationSettings, PersonRow } from '../db/schema.js';
import { hashPassword } from '../sessions/passwords.js';
import type { DelegationsRepository } from '../delegations/delegations.repository.js';
import type { PeopleRepository } from '../people/people.repository.js';
import type { OrganizationsRepository } from './organizations.repository.js';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const settingsInput = z.object({
  autoRebook: z.boolean().nullish(),
  allowedEmailDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(DOMAIN, { error: 'an allowed email domain is not a domain name such as example.com' }),
    )
    .max(50, { error: 'allowedEmailDomains takes at most 50 domains' })
    .nullish(),
});

/** Settings with every default filled in, as the graph shows them. */
export function effectiveSettings(org: Pick<OrganizationRow, 'settings'>): Required<OrganizationSettings> {
  return { autoRebook: org.settings.autoRebook ?? false, allowedEmailDomains: org.settings.allowedEmailDomains ?? [] };
}

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
  /** Refs of the people who may book for this person. */
  delegateRefs?: string[];
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
    private readonly delegations: DelegationsRepository,
  ) {}

  /**
   * Changes the given settings and keeps the rest. A domain may be allowed
   * by one organization only, so sign-up knows where a new account belongs.
   */
  async updateSettings(orgId: string, input: unknown): Promise<OrganizationRow> {
    const data = parseInput(settingsInput, input);
    const [current] = await this.organizations.findByIds([orgId]);
    if (!current) throw new DomainError('NOT_FOUND', 'Organization not found');
    const next: OrganizationSettings = { ...current.settings };
    if (data.autoRebook === true && current.tier !== 'enterprise') {
      throw new DomainError('FORBIDDEN', 'Automatic rebooking comes with the Enterprise tier', 'autoRebook');
    }
    if (data.autoRebook != null) next.autoRebook = data.autoRebook;
    if (data.allowedEmailDomains != null) {
      const domains = [...new Set(data.allowedEmailDomains)];
      const claimed = await this.organizations.findDomainClaimedElsewhere(orgId, domains);
      if (claimed) throw new DomainError('CONFLICT', `${claimed.domain} is already allowed by another organization`, 'allowedEmailDomains');
      next.allowedEmailDomains = domains;
    }
    return this.uow.run(async ({ tx, emit }) => {
      const updated = await this.organizations.updateSettings(orgId, next, tx);
      await emit(settingsChanged(updated!));
      return updated!;
    });
  }

  /**
   * Creates an organization with its people in one transaction (demo data,
   * tests). Managers are linked by `ref`; a password is hashed once and
   * shared by rows that give the same one.
   */
  async provision(input: {
    name: string;
    slug: string;
    tier?: OrganizationRow['tier'];
    settings?: OrganizationSettings;
    people: ProvisionPerson[];
  }): Promise<ProvisionResult> {
    const hashes = new Map<string, string>();
    for (const p of input.people) {
      if (p.password && !hashes.has(p.password)) hashes.set(p.password, await hashPassword(p.password));
    }
    return this.uow.run(async ({ tx, emit }) => {
      if (await this.organizations.findBySlug(input.slug, tx)) throw new DomainError('CONFLICT', `Organization ${input.slug} exists`, 'slug');
      const organization = await this.organizations.insert({ name: input.name, slug: input.slug, tier: input.tier ?? 'professional', settings: input.settings ?? {} }, tx);
      if (input.settings) await emit(settingsChanged(organization));
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
      for (const p of input.people) {
        const principal = byRef.get(p.ref)!;
        for (const ref of p.delegateRefs ?? []) {
          const delegate = byRef.get(ref);
          if (!delegate) throw new DomainError('VALIDATION_FAILED', `Unknown delegate ${ref}`, 'delegateRefs');
          await this.delegations.insert({ orgId: organization.id, principalId: principal.id, delegateId: delegate.id, grantedById: principal.id }, tx);
        }
      }
      return { organization, people: byRef };
    });
  }
}

/** What other subgraphs keep of an organization's settings (booking: whether to rebook disrupted trips by itself). */
function settingsChanged(org: OrganizationRow): NewEvent<'customer.organization.settings_changed'> {
  return { type: 'customer.organization.settings_changed', orgId: org.id, aggregateId: org.id, payload: { autoRebook: effectiveSettings(org).autoRebook } };
}
