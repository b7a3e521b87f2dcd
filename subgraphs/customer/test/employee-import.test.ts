import { routerHeaders } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../src/imports/employee-import.service.js';
import { CustomerHarness } from './support.js';

const IMPORT = `mutation ($input: ImportEmployeesInput!) { importEmployees(input: $input) { created updated unchanged rowErrors { row email code field message } errors { code field } } }`;
const PERSON = `query ($id: ID!) { person(id: $id) { name department level costCenter roles manager { email } } }`;

interface ImportPayload {
  created: number;
  updated: number;
  unchanged: number;
  rowErrors: { row: number; email: string | null; code: string; field: string | null; message: string }[];
  errors: { code: string; field: string | null }[];
}

describe('employee import', () => {
  const h = new CustomerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const importRows = async (viewer: Parameters<CustomerHarness['as']>[0], rows: Record<string, unknown>[]) =>
    (await h.as<{ importEmployees: ImportPayload }>(viewer, IMPORT, { input: { rows } })).importEmployees;

  it('creates people with managers resolved by email, and importing the same rows again changes nothing', async () => {
    const { viewers, emailOf } = await h.organization({ tara: ['traveler', 'travel_admin'] });
    const admin = viewers['tara']!;
    const boss = `boss-${emailOf('x')}`;
    const rows = [
      { email: `amy-${emailOf('x')}`, name: 'Amy', department: 'Sales', level: 'SENIOR', managerEmail: boss, costCenter: 'CC-1' },
      { email: boss, name: 'Bo Boss', level: 'DIRECTOR', roles: ['TRAVELER', 'APPROVER'], managerEmail: emailOf('tara') },
    ];
    expect(await importRows(admin, rows)).toEqual({ created: 2, updated: 0, unchanged: 0, rowErrors: [], errors: [] });
    expect(await importRows(admin, rows)).toEqual({ created: 0, updated: 0, unchanged: 2, rowErrors: [], errors: [] });
    const changed = await importRows(admin, [{ ...rows[0]!, department: 'Marketing' }, rows[1]!]);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const people = await h.as<{ organization: { people: { edges: { node: { id: string; email: string } }[] } } }>(admin, `{ organization { people(first: 10) { edges { node { id email } } } } }`);
    const amy = people.organization.people.edges.find((e) => e.node.email === rows[0]!.email)!.node;
    expect((await h.as<{ person: unknown }>(admin, PERSON, { id: amy.id })).person).toEqual({
      name: 'Amy',
      department: 'Marketing',
      level: 'SENIOR',
      costCenter: 'CC-1',
      roles: ['TRAVELER'],
      manager: { email: boss },
    });
  });

  it('reports bad rows by position and applies the valid ones', async () => {
    const { viewers, emailOf } = await h.organization({ tara: ['traveler', 'travel_admin'] });
    const other = await h.organization({ zed: ['traveler'] });
    const result = await importRows(viewers['tara']!, [
      { email: `ok-${emailOf('x')}`, name: 'Ok' },
      { email: 'not-an-email', name: 'Bad' },
      { email: `orphan-${emailOf('x')}`, name: 'Orphan', managerEmail: `nobody-${emailOf('x')}` },
      { email: other.emailOf('zed'), name: 'Poacher' },
      { email: `ok-${emailOf('x')}`, name: 'Twice' },
      { email: `root-${emailOf('x')}`, name: 'Root', roles: ['PLATFORM_ADMIN'] },
    ]);
    expect(result.created).toBe(1);
    expect(result.rowErrors.map((e) => [e.row, e.code, e.field])).toEqual([
      [2, 'VALIDATION_FAILED', 'email'],
      [3, 'NOT_FOUND', 'managerEmail'],
      [4, 'CONFLICT', 'email'],
      [5, 'CONFLICT', 'email'],
      [6, 'VALIDATION_FAILED', 'roles.0'],
    ]);
  });

  it('refuses rows whose managers would form a loop, with what is on file or within the import', async () => {
    const { viewers, emailOf } = await h.organization({ tara: ['traveler', 'travel_admin'], boss: ['traveler'], staff: ['traveler'] }, { staff: { managerRef: 'boss' } });
    const a = `a-${emailOf('x')}`;
    const b = `b-${emailOf('x')}`;
    const result = await importRows(viewers['tara']!, [
      { email: a, name: 'A', managerEmail: b },
      { email: b, name: 'B', managerEmail: a },
      // boss already manages staff; making staff manage boss closes a loop.
      { email: emailOf('boss'), name: 'boss', managerEmail: emailOf('staff') },
      { email: `c-${emailOf('x')}`, name: 'C', managerEmail: emailOf('tara') },
    ]);
    expect(result.created).toBe(1);
    expect(result.rowErrors.map((e) => [e.row, e.code, e.field])).toEqual([
      [1, 'VALIDATION_FAILED', 'managerEmail'],
      [2, 'VALIDATION_FAILED', 'managerEmail'],
      [3, 'VALIDATION_FAILED', 'managerEmail'],
    ]);
  });

  it('applies a full import of 10,000 rows, and the same file again changes nothing', async () => {
    const { viewers, emailOf } = await h.organization({ tara: ['traveler', 'travel_admin'] });
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => ({
      email: `e${i}-${emailOf('x')}`,
      name: `Employee ${i}`,
      department: i % 2 === 0 ? 'Engineering' : 'Sales',
      managerEmail: i === 0 ? null : `e${Math.floor((i - 1) / 10)}-${emailOf('x')}`,
    }));
    expect(await importRows(viewers['tara']!, rows)).toEqual({ created: MAX_IMPORT_ROWS, updated: 0, unchanged: 0, rowErrors: [], errors: [] });
    expect(await importRows(viewers['tara']!, rows)).toEqual({ created: 0, updated: 0, unchanged: MAX_IMPORT_ROWS, rowErrors: [], errors: [] });
  }, 120_000);

  it('refuses more than 10,000 rows, and callers who are not travel admins', async () => {
    const { viewers } = await h.organization({ tara: ['traveler', 'travel_admin'], ava: ['traveler'] });
    const tooMany = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ email: `p${i}@example.com`, name: `P${i}` }));
    expect(await importRows(viewers['tara']!, tooMany)).toMatchObject({ created: 0, errors: [{ code: 'VALIDATION_FAILED', field: 'rows' }] });
    await expect(importRows(viewers['ava']!, [])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('imports a CSV posted to /imports/employees.csv with the identity header, idempotently', async () => {
    const { viewers, emailOf } = await h.organization({ tara: ['traveler', 'travel_admin'], ava: ['traveler'] });
    const csvUrl = h.url.replace(/\/graphql$/, '/imports/employees.csv');
    const csv = [
      'Email,Name,Department,Level,Cost Center,Manager Email,Roles',
      `lead-${emailOf('x')},Lee Lead,Ops,manager,CC-9,,traveler;approver`,
      `"crew-${emailOf('x')}","Crew, Member",Ops,junior,CC-9,lead-${emailOf('x')},`,
      '',
    ].join('\n');
    const post = async (viewer: typeof viewers[string] | null) =>
      fetch(csvUrl, { method: 'POST', headers: { 'content-type': 'text/csv', ...(await routerHeaders(h.config, viewer)) }, body: csv });
    const first = await post(viewers['tara']!);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ created: 2, updated: 0, unchanged: 0, rowErrors: [] });
    expect(await (await post(viewers['tara']!)).json()).toEqual({ created: 0, updated: 0, unchanged: 2, rowErrors: [] });
    expect((await post(viewers['ava']!)).status).toBe(403);
    expect((await fetch(csvUrl, { method: 'POST', body: csv })).status).toBe(401);
  });
});
