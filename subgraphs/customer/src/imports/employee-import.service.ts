import { randomUUID } from 'node:crypto';
import { DomainError, type ErrorCode, type Role, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import { EMPLOYEE_LEVELS, type PersonRow } from '../db/schema.js';
import type { EmployeeChanges, NewPerson, PeopleRepository } from '../people/people.repository.js';
import { isUniqueViolation } from '../db/unique-violation.js';

export const MAX_IMPORT_ROWS = 10_000;

/** Roles an organization may hand out itself; platform and partner roles are granted by the platform. */
const IMPORTABLE_ROLES = ['traveler', 'arranger', 'approver', 'travel_admin', 'finance'] as const satisfies readonly Role[];

const optionalText = (max: number, name: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${name} is longer than ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'email is not a valid address' }));

const rowSchema = z.object({
  email,
  name: z.string().trim().min(1, { error: 'name is required' }).max(200, { error: 'name is longer than 200 characters' }),
  department: optionalText(100, 'department'),
  level: z.enum(EMPLOYEE_LEVELS, { error: `level must be one of ${EMPLOYEE_LEVELS.join(', ')}` }).nullish().transform((v) => v ?? null),
  title: optionalText(200, 'title'),
  costCenter: optionalText(100, 'costCenter'),
  managerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'managerEmail is not a valid address' }))
    .nullish()
    .transform((v) => v ?? null),
  roles: z
    .array(z.enum(IMPORTABLE_ROLES, { error: `roles may only hold ${IMPORTABLE_ROLES.join(', ')}` }))
    .min(1, { error: 'roles needs at least one role' })
    .nullish()
    .transform((v) => (v ? [...new Set(v)] : null)),
});

type ImportRow = z.output<typeof rowSchema>;

export interface ImportRowError {
  row: number;
  email: string | null;
  code: ErrorCode;
  message: string;
  field: string | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rowErrors: ImportRowError[];
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * Creates and updates employees of the caller's organization from rows keyed
 * by email. Importing the same rows again changes nothing; a changed row
 * updates that person. Rows that cannot be applied (bad values, an email of
 * another organization, a manager nobody knows) are reported by position and
 * the rest are applied, in one transaction.
 */
export class EmployeeImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly people: PeopleRepository,
  ) {}

  async importEmployees(viewer: Viewer, rows: readonly unknown[]): Promise<ImportResult> {
    if (rows.length > MAX_IMPORT_ROWS) throw new DomainError('VALIDATION_FAILED', `An import takes at most ${MAX_IMPORT_ROWS} rows; got ${rows.length}`, 'rows');
    const rowErrors: ImportRowError[] = [];
    const fail = (index: number, emailOf: string | null, code: ErrorCode, message: string, field: string | null) =>
      rowErrors.push({ row: index + 1, email: emailOf, code, message, field });

    const valid = new Map<string, { index: number; row: ImportRow }>();
    rows.forEach((raw, index) => {
      const parsed = rowSchema.safeParse(raw);
      const given = typeof (raw as { email?: unknown })?.email === 'string' ? ((raw as { email: string }).email as string) : null;
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        fail(index, given, 'VALIDATION_FAILED', issue.message, issue.path.map(String).join('.') || null);
        return;
      }
      const row = parsed.data;
      if (valid.has(row.email)) return fail(index, given, 'CONFLICT', `${row.email} appears earlier in this import (row ${valid.get(row.email)!.index + 1})`, 'email');
      if (row.managerEmail === row.email) return fail(index, given, 'VALIDATION_FAILED', 'A person cannot be their own manager', 'managerEmail');
      valid.set(row.email, { index, row });
    });

    const managerEmails = [...new Set([...valid.values()].map((v) => v.row.managerEmail).filter((e): e is string => e !== null))];
    const existing = new Map((await this.people.findByEmails([...new Set([...valid.keys(), ...managerEmails])])).map((p) => [p.email, p]));
    for (const [key, { index, row }] of valid) {
      const person = existing.get(key);
      if (person && person.orgId !== viewer.orgId) {
        fail(index, row.email, 'CONFLICT', `${row.email} belongs to another organization`, 'email');
        valid.delete(key);
      }
    }
    const ids = new Map<string, string>();
    for (const [key, person] of existing) if (person.orgId === viewer.orgId) ids.set(key, person.id);
    for (const key of valid.keys()) if (!ids.has(key)) ids.set(key, randomUUID());
    const links = new Map((await this.people.managerLinks(viewer.orgId)).map((l) => [l.id, l.managerId]));

    // A manager must be on file in this organization or in a row that is applied, and no chain of managers may loop.
    // Dropping a row can orphan or untangle others, so check again until nothing changes.
    for (let dropped = true; dropped; ) {
      dropped = false;
      for (const [key, { index, row }] of valid) {
        if (!row.managerEmail) continue;
        const onFile = existing.get(row.managerEmail);
        if (valid.has(row.managerEmail) || onFile?.orgId === viewer.orgId) continue;
        fail(index, row.email, 'NOT_FOUND', `Manager ${row.managerEmail} is not in your organization nor applied by this import`, 'managerEmail');
        valid.delete(key);
        dropped = true;
      }
      if (dropped) continue;
      const managerOf = new Map(links);
      for (const [key, { row }] of valid) managerOf.set(ids.get(key)!, row.managerEmail ? ids.get(row.managerEmail)! : null);
      const looping = new Set(findCycles(managerOf));
      for (const [key, { index, row }] of valid) {
        if (!looping.has(ids.get(key)!)) continue;
        fail(index, row.email, 'VALIDATION_FAILED', `Manager ${row.managerEmail} leads back to ${row.email}: managers cannot form a loop`, 'managerEmail');
        valid.delete(key);
        dropped = true;
      }
    }

    const inserts: NewPerson[] = [];
    const updates: { id: string; changes: EmployeeChanges }[] = [];
    let unchanged = 0;
    for (const [key, { row }] of valid) {
      const managerId = row.managerEmail ? ids.get(row.managerEmail)! : null;
      const person = existing.get(key);
      if (!person) {
        inserts.push({ id: ids.get(key)!, orgId: viewer.orgId, email: row.email, name: row.name, department: row.department, level: row.level, title: row.title, costCenter: row.costCenter, managerId, roles: row.roles ?? ['traveler'] });
        continue;
      }
      const changes = diff(person, { name: row.name, department: row.department, level: row.level, title: row.title, costCenter: row.costCenter, managerId, roles: row.roles ?? person.roles });
      if (changes) updates.push({ id: person.id, changes });
      else unchanged += 1;
    }

    try {
      await this.uow.run(async ({ tx }) => {
        for (let i = 0; i < inserts.length; i += 1000) await this.people.insertMany(inserts.slice(i, i + 1000), tx);
        for (const u of updates) await this.people.updateEmployee(viewer.orgId, u.id, u.changes, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'Some of these people were created by another request at the same time; run the import again', 'rows');
      throw error;
    }
    return { created: inserts.length, updated: updates.length, unchanged, rowErrors: rowErrors.sort((a, b) => a.row - b.row) };
  }
}

/** The ids on a loop of the person → manager graph (each person has at most one manager, so loops are simple cycles). */
export function findCycles(managerOf: ReadonlyMap<string, string | null>): string[] {
  const state = new Map<string, 'walking' | 'done'>();
  const onCycle: string[] = [];
  for (const start of managerOf.keys()) {
    const path: string[] = [];
    let at: string | null | undefined = start;
    while (at && !state.has(at)) {
      state.set(at, 'walking');
      path.push(at);
      at = managerOf.get(at);
    }
    if (at && state.get(at) === 'walking') onCycle.push(...path.slice(path.indexOf(at)));
    for (const id of path) state.set(id, 'done');
  }
  return onCycle;
}

/** The columns that differ, or null when the row matches what is on file. */
function diff(person: PersonRow, wanted: Required<EmployeeChanges>): EmployeeChanges | null {
  const changes: EmployeeChanges = {};
  if (person.name !== wanted.name) changes.name = wanted.name;
  if (person.department !== wanted.department) changes.department = wanted.department;
  if (person.level !== wanted.level) changes.level = wanted.level;
  if (person.title !== wanted.title) changes.title = wanted.title;
  if (person.costCenter !== wanted.costCenter) changes.costCenter = wanted.costCenter;
  if (person.managerId !== wanted.managerId) changes.managerId = wanted.managerId;
  if (!sameRoles(person.roles, wanted.roles)) changes.roles = wanted.roles;
  return Object.keys(changes).length > 0 ? changes : null;
}
