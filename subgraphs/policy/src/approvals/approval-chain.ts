import type { ApprovalSettingsRow, StepKind } from './approvals.tables.js';
import type { DirectoryPerson } from './org-directory.js';

export interface PlannedStep {
  kind: StepKind;
  approverId: string;
  /** Who takes the step over on a missed deadline: the approver's manager, else a travel admin; null when nobody is left. */
  escalationApproverId: string | null;
}

export interface ChainRequest {
  travelerId: string;
  amountMinor: number;
  currency: string;
}

export type ChainSettings = Pick<ApprovalSettingsRow, 'financeThresholdMinor' | 'executiveThresholdMinor' | 'currency'>;

/**
 * A threshold in another currency than the booking's cannot be compared
 * without a rate, so the step is asked for: too many approvers is safer than
 * too few.
 */
function reaches(request: ChainRequest, threshold: number, settings: ChainSettings): boolean {
  return request.currency !== settings.currency || request.amountMinor >= threshold;
}

/**
 * Builds the approval chain of a request from the organization: the
 * traveler's manager, then finance at or above the finance threshold, then an
 * executive at or above the executive threshold. Nobody approves their own
 * trip and nobody is asked twice; when nobody fits, a travel admin approves.
 * An empty result means the organization has nobody who can approve.
 */
export function planChain(request: ChainRequest, settings: ChainSettings, people: readonly DirectoryPerson[]): PlannedStep[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const traveler = byId.get(request.travelerId);
  const chosen = new Set<string>([request.travelerId]);
  const firstWith = (test: (p: DirectoryPerson) => boolean) => people.find((p) => !chosen.has(p.id) && test(p)) ?? null;
  const admins = people.filter((p) => p.roles.includes('TRAVEL_ADMIN') && p.id !== request.travelerId);

  const kinds: { kind: StepKind; person: DirectoryPerson | null }[] = [];
  const add = (kind: StepKind, person: DirectoryPerson | null) => {
    if (!person) return;
    chosen.add(person.id);
    kinds.push({ kind, person });
  };
  const manager = traveler?.manager ? (byId.get(traveler.manager.id) ?? { id: traveler.manager.id, roles: [], level: null, manager: null }) : null;
  if (manager && !chosen.has(manager.id)) add('manager', manager);
  if (reaches(request, settings.financeThresholdMinor, settings)) add('finance', firstWith((p) => p.roles.includes('FINANCE')));
  if (reaches(request, settings.executiveThresholdMinor, settings)) add('executive', firstWith((p) => p.level === 'EXECUTIVE'));
  if (kinds.length === 0) add('travel_admin', admins[0] ?? null);

  return kinds.map(({ kind, person }) => {
    const approver = person!;
    const above = approver.manager && approver.manager.id !== approver.id && approver.manager.id !== request.travelerId ? approver.manager.id : null;
    const admin = admins.find((a) => a.id !== approver.id)?.id ?? null;
    return { kind, approverId: approver.id, escalationApproverId: above ?? admin };
  });
}
