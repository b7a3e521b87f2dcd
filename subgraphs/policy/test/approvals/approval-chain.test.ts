import { describe, expect, it } from 'vitest';
import { planChain } from '../../src/approvals/approval-chain.js';
import type { DirectoryPerson } from '../../src/approvals/org-directory.js';

const settings = { financeThresholdMinor: 250_000, executiveThresholdMinor: 1_000_000, currency: 'USD' };

function person(id: string, roles: string[], level: string | null, manager: string | null = null): DirectoryPerson {
  return { id, roles, level, manager: manager ? { id: manager } : null };
}

const ceo = person('ceo', ['TRAVELER'], 'EXECUTIVE');
const cfo = person('cfo', ['FINANCE'], 'VP', 'ceo');
const boss = person('boss', ['APPROVER'], 'MANAGER', 'ceo');
const ava = person('ava', ['TRAVELER'], 'SENIOR', 'boss');
const admin = person('admin', ['TRAVEL_ADMIN'], 'MANAGER', 'ceo');
const people = [ceo, cfo, boss, ava, admin];

const chain = (travelerId: string, amountMinor: number, who: DirectoryPerson[] = people, currency = 'USD') =>
  planChain({ travelerId, amountMinor, currency }, settings, who).map((s) => [s.kind, s.approverId, s.escalationApproverId]);

describe('planChain', () => {
  it.each([
    ['below the finance threshold: the manager only', 'ava', 249_999, [['manager', 'boss', 'ceo']]],
    ['at the finance threshold: manager then finance', 'ava', 250_000, [['manager', 'boss', 'ceo'], ['finance', 'cfo', 'ceo']]],
    ['at the executive threshold: manager, finance, executive', 'ava', 1_000_000, [['manager', 'boss', 'ceo'], ['finance', 'cfo', 'ceo'], ['executive', 'ceo', 'admin']]],
    // The CFO's manager is the CEO, who is also the executive: asked once, as manager.
    ['the CFO travelling: their manager, nobody approves their own trip', 'cfo', 1_000_000, [['manager', 'ceo', 'admin']]],
    ['the CEO travelling: no manager, finance and then a travel admin above them', 'ceo', 1_000_000, [['finance', 'cfo', 'admin']]],
  ])('%s', (_, travelerId, amount, expected) => {
    expect(chain(travelerId, amount)).toEqual(expected);
  });

  it('falls back to a travel admin when nobody else fits, and is empty when nobody can approve', () => {
    expect(chain('ceo', 10_000)).toEqual([['travel_admin', 'admin', null]]);
    expect(chain('ceo', 10_000, [ceo])).toEqual([]);
  });

  it('treats a booking in another currency as reaching both thresholds', () => {
    expect(chain('ava', 100, people, 'EUR').map(([kind]) => kind)).toEqual(['manager', 'finance', 'executive']);
  });
});
