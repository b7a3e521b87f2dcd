import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerHarness } from './support.js';

const GRANT = `mutation ($input: DelegationInput!) { grantDelegation(input: $input) { principal { id delegates { id } } errors { code field } } }`;
const REVOKE = `mutation ($input: DelegationInput!) { revokeDelegation(input: $input) { principal { id delegates { id } } errors { code field } } }`;
const BOOKABLE = `{ bookableTravelers(first: 50) { totalCount edges { node { id } } } }`;
const CAN_BOOK = `query ($id: ID!) { person(id: $id) { canBeBookedByViewer delegates { id } } }`;

type Bookable = { bookableTravelers: { totalCount: number; edges: { node: { id: string } }[] } };

describe('delegations', () => {
  const h = new CustomerHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('lets a person delegate booking to a colleague, who then may book for them and sees them as bookable', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'], cole: ['traveler', 'arranger'], dan: ['traveler'] });
    const ava = viewers['ava']!;
    const cole = viewers['cole']!;
    expect((await h.as<{ person: { canBeBookedByViewer: boolean } }>(cole, CAN_BOOK, { id: ava.personId })).person.canBeBookedByViewer).toBe(false);
    const granted = await h.as<{ grantDelegation: unknown }>(ava, GRANT, { input: { delegateId: cole.personId } });
    expect(granted.grantDelegation).toEqual({ principal: { id: ava.personId, delegates: [{ id: cole.personId }] }, errors: [] });
    // Granting again changes nothing.
    await h.as(ava, GRANT, { input: { delegateId: cole.personId } });
    expect((await h.as<{ person: { canBeBookedByViewer: boolean; delegates: unknown[] } }>(cole, CAN_BOOK, { id: ava.personId })).person).toEqual({
      canBeBookedByViewer: true,
      // Only the person and travel admins see who their delegates are.
      delegates: [],
    });
    expect((await h.as<{ person: { canBeBookedByViewer: boolean } }>(viewers['dan']!, CAN_BOOK, { id: ava.personId })).person.canBeBookedByViewer).toBe(false);
    const bookable = await h.as<Bookable>(cole, BOOKABLE);
    expect(bookable.bookableTravelers.totalCount).toBe(2);
    expect(bookable.bookableTravelers.edges.map((e) => e.node.id).sort()).toEqual([ava.personId, cole.personId].sort());

    const revoked = await h.as<{ revokeDelegation: unknown }>(ava, REVOKE, { input: { delegateId: cole.personId } });
    expect(revoked.revokeDelegation).toEqual({ principal: { id: ava.personId, delegates: [] }, errors: [] });
    expect((await h.as<{ person: { canBeBookedByViewer: boolean } }>(cole, CAN_BOOK, { id: ava.personId })).person.canBeBookedByViewer).toBe(false);
    expect((await h.as<Bookable>(cole, BOOKABLE)).bookableTravelers.totalCount).toBe(1);
  });

  it('lets travel admins grant for anyone and book for everyone; others may not grant for someone else', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'], cole: ['traveler', 'arranger'], tara: ['traveler', 'travel_admin'] });
    const forOther = await h.as<{ grantDelegation: { errors: { code: string }[] } }>(viewers['cole']!, GRANT, {
      input: { principalId: viewers['ava']!.personId, delegateId: viewers['cole']!.personId },
    });
    expect(forOther.grantDelegation.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: 'principalId' })]);
    const byAdmin = await h.as<{ grantDelegation: { errors: unknown[] } }>(viewers['tara']!, GRANT, {
      input: { principalId: viewers['ava']!.personId, delegateId: viewers['cole']!.personId },
    });
    expect(byAdmin.grantDelegation.errors).toEqual([]);
    expect((await h.as<{ person: { canBeBookedByViewer: boolean } }>(viewers['cole']!, CAN_BOOK, { id: viewers['ava']!.personId })).person.canBeBookedByViewer).toBe(true);
    expect((await h.as<{ person: { canBeBookedByViewer: boolean } }>(viewers['tara']!, CAN_BOOK, { id: viewers['ava']!.personId })).person.canBeBookedByViewer).toBe(true);
    expect((await h.as<Bookable>(viewers['tara']!, BOOKABLE)).bookableTravelers.totalCount).toBe(3);
  });

  it('refuses delegating to someone of another organization as NOT_FOUND, and to oneself', async () => {
    const { viewers } = await h.organization({ ava: ['traveler'] });
    const other = await h.organization({ zed: ['traveler'] });
    const cross = await h.as<{ grantDelegation: { errors: { code: string }[] } }>(viewers['ava']!, GRANT, { input: { delegateId: other.viewers['zed']!.personId } });
    expect(cross.grantDelegation.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: 'delegateId' })]);
    const self = await h.as<{ grantDelegation: { errors: { code: string }[] } }>(viewers['ava']!, GRANT, { input: { delegateId: viewers['ava']!.personId } });
    expect(self.grantDelegation.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
  });
});
