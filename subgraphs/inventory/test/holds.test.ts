import { ManualClock, streamOf, type DomainEvent } from '@travel/platform';
import { eventually } from '@travel/platform/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_TTL_MS } from '../src/server.js';
import {
  createFlight,
  createRoute,
  HOLD_FIELDS,
  HOLD_SEAT,
  newViewer,
  RELEASE_HOLD,
  startInventory,
  tinyLayout,
  type Harness,
  type HoldSeatResult,
  type HoldView,
  type ReleaseHoldResult,
  type Route,
} from './fixtures.js';

const CABINS = `query ($id: ID!) { flight(id: $id) { cabins { cabin seatsLeft } seats { id seatNumber available } } }`;
type CabinsResult = { flight: { cabins: { cabin: string; seatsLeft: number }[]; seats: { id: string; seatNumber: string; available: boolean }[] } };

describe('inventory seat holds', () => {
  const clock = new ManualClock(new Date('2030-01-15T10:00:00Z'));
  const events: DomainEvent[] = [];
  let h: Harness;
  let route: Route;

  beforeAll(async () => {
    h = await startInventory({ clock, holdSweepIntervalMs: 50 });
    await h.runtime.bus.subscribe({
      group: 'holds-test-observer',
      streams: [streamOf('inventory')],
      handler: async (event) => {
        events.push(event);
      },
    });
    route = await createRoute(h.server, { origin: 'Europe/London', destination: 'America/New_York' });
  });
  afterAll(async () => {
    await h.close();
  });

  const flight = (layout?: ReturnType<typeof tinyLayout>) =>
    createFlight(h.server, route, { departureAt: '2031-02-01T09:00:00Z', ...(layout ? { layout, seatPrices: { economy: 9_900 } } : {}) });
  const seatsOf = async (flightId: string) => (await h.gql<CabinsResult>(CABINS, { id: flightId })).data!.flight;

  it('holds a chosen seat for 15 minutes at its price, and the seat stops being available', async () => {
    const f = await flight();
    const before = await seatsOf(f.id);
    const seat = before.seats.find((s) => s.seatNumber === '20C')!;
    const viewer = newViewer();

    const res = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, seatId: seat.id } }, viewer);
    expect(res.errors).toBeUndefined();
    const { hold, errors } = res.data!.holdSeat;
    expect(errors).toEqual([]);
    expect(hold).toMatchObject({ status: 'ACTIVE', price: { amount: 12_000, currency: 'USD' }, seat: { id: seat.id, available: false }, flight: { id: f.id } });
    expect(new Date(hold!.expiresAt).getTime() - new Date(hold!.createdAt).getTime()).toBe(HOLD_TTL_MS);
    expect(hold!.createdAt).toBe(clock.now().toISOString());

    const after = await seatsOf(f.id);
    expect(after.cabins.find((c) => c.cabin === 'ECONOMY')!.seatsLeft).toBe(before.cabins.find((c) => c.cabin === 'ECONOMY')!.seatsLeft - 1);
    const created = await eventually(async () => events.find((e) => e.type === 'inventory.hold.created' && e.aggregateId === hold!.id));
    expect(created).toMatchObject({ orgId: viewer.orgId, payload: { seatId: seat.id, personId: viewer.personId, amount: 12_000 } });
  });

  it('holds the cheapest free seat of a cabin when no seat is chosen', async () => {
    const f = await flight();
    const res = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'BUSINESS' } }, newViewer());
    const hold = res.data!.holdSeat.hold!;
    // Row 1 has extra legroom at a surcharge; the cheapest business seats start at row 2.
    expect(hold.seat).toMatchObject({ cabin: 'BUSINESS', seatNumber: '2A', price: { amount: 48_000 } });

    const next = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'BUSINESS' } }, newViewer());
    expect(next.data!.holdSeat.hold!.seat.seatNumber).toBe('2C');
  });

  it('refuses a seat someone holds with SEAT_TAKEN', async () => {
    const f = await flight();
    const seat = (await seatsOf(f.id)).seats[0]!;
    const first = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, seatId: seat.id } }, newViewer());
    expect(first.data!.holdSeat.errors).toEqual([]);

    const second = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, seatId: seat.id } }, newViewer());
    expect(second.data!.holdSeat.hold).toBeNull();
    expect(second.data!.holdSeat.errors).toEqual([expect.objectContaining({ code: 'SEAT_TAKEN', field: 'seatId' })]);
  });

  it('answers INSUFFICIENT_INVENTORY when the cabin has no free seat', async () => {
    const f = await flight(tinyLayout(2));
    for (let i = 0; i < 2; i++) {
      expect((await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, newViewer())).data!.holdSeat.errors).toEqual([]);
    }
    const full = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, newViewer());
    expect(full.data!.holdSeat).toEqual({ hold: null, errors: [expect.objectContaining({ code: 'INSUFFICIENT_INVENTORY', field: 'cabin' })] });
    const noCabin = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'FIRST' } }, newViewer());
    expect(noCabin.data!.holdSeat.errors[0]?.code).toBe('INSUFFICIENT_INVENTORY');
  });

  it('rejects bad input with VALIDATION_FAILED or NOT_FOUND and requires a signed-in caller', async () => {
    const f = await flight();
    const seat = (await seatsOf(f.id)).seats.find((s) => s.seatNumber === '1A')!;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ flightId: f.id }, 'VALIDATION_FAILED', 'cabin'],
      [{ flightId: 'not-an-id', cabin: 'ECONOMY' }, 'VALIDATION_FAILED', 'flightId'],
      [{ flightId: crypto.randomUUID(), cabin: 'ECONOMY' }, 'NOT_FOUND', 'flightId'],
      [{ flightId: f.id, seatId: crypto.randomUUID() }, 'NOT_FOUND', 'seatId'],
      [{ flightId: f.id, seatId: seat.id, cabin: 'ECONOMY' }, 'VALIDATION_FAILED', 'cabin'],
    ];
    for (const [input, code, field] of cases) {
      const res = await h.gql<HoldSeatResult>(HOLD_SEAT, { input }, newViewer());
      expect(res.data!.holdSeat).toEqual({ hold: null, errors: [expect.objectContaining({ code, field })] });
    }
    const anonymous = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, null);
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await seatsOf(f.id)).seats.every((s) => s.available)).toBe(true);
  });

  it('releases an active hold once; the seat can be held again', async () => {
    const f = await flight();
    const viewer = newViewer();
    const hold = (await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, viewer)).data!.holdSeat.hold!;

    const released = await h.gql<ReleaseHoldResult>(RELEASE_HOLD, { input: { holdId: hold.id } }, viewer);
    expect(released.data!.releaseHold).toMatchObject({ hold: { id: hold.id, status: 'RELEASED', seat: { available: true } }, errors: [] });
    const again = await h.gql<ReleaseHoldResult>(RELEASE_HOLD, { input: { holdId: hold.id } }, viewer);
    expect(again.data!.releaseHold).toEqual({ hold: null, errors: [expect.objectContaining({ code: 'HOLD_NOT_ACTIVE', field: 'holdId' })] });

    const retaken = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, seatId: hold.seat.id } }, newViewer());
    expect(retaken.data!.holdSeat.hold?.seat.id).toBe(hold.seat.id);
    const releasedEvent = await eventually(async () => events.find((e) => e.type === 'inventory.hold.released' && e.aggregateId === hold.id));
    expect(releasedEvent.payload).toMatchObject({ reason: 'released', seatId: hold.seat.id });
  });

  it('keeps holds inside their organization: no reading, releasing or resolving them from another', async () => {
    const f = await flight();
    const owner = newViewer();
    const sameOrgColleague = newViewer(owner.orgId);
    const stranger = newViewer();
    const hold = (await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, owner)).data!.holdSeat.hold!;

    const READ = `query ($id: ID!) { hold(id: $id) { id status } }`;
    expect((await h.gql<{ hold: { id: string } | null }>(READ, { id: hold.id }, sameOrgColleague)).data!.hold).toEqual({ id: hold.id, status: 'ACTIVE' });
    expect((await h.gql<{ hold: null }>(READ, { id: hold.id }, stranger)).data!.hold).toBeNull();

    const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Hold { id status } } }`;
    const representations = [{ __typename: 'Hold', id: hold.id }];
    expect((await h.gql<{ _entities: unknown[] }>(ENTITIES, { r: representations }, stranger)).data!._entities).toEqual([null]);
    expect((await h.gql<{ _entities: unknown[] }>(ENTITIES, { r: representations }, owner)).data!._entities).toEqual([{ id: hold.id, status: 'ACTIVE' }]);

    const release = await h.gql<ReleaseHoldResult>(RELEASE_HOLD, { input: { holdId: hold.id } }, stranger);
    expect(release.data!.releaseHold.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await h.gql<{ hold: { status: string } }>(READ, { id: hold.id }, owner)).data!.hold.status).toBe('ACTIVE');
  });

  it('expires a hold through the sweeper once its 15 minutes are over, freeing the seat', async () => {
    const f = await flight(tinyLayout(1));
    const viewer = newViewer();
    const hold = (await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, viewer)).data!.holdSeat.hold!;
    clock.advance(HOLD_TTL_MS - 1000);
    await h.server.services.holds.expireDue();
    const [stillActive] = await h.server.services.repositories.holds.findByIds(viewer.orgId, [hold.id]);
    expect(stillActive!.status).toBe('active');

    clock.advance(1000);
    const expired = await eventually(async () => {
      const [row] = await h.server.services.repositories.holds.findByIds(viewer.orgId, [hold.id]);
      return row?.status === 'expired' ? row : undefined;
    });
    expect(expired.updatedAt.toISOString()).toBe(clock.now().toISOString());
    const event = await eventually(async () => events.find((e) => e.type === 'inventory.hold.released' && e.aggregateId === hold.id));
    expect(event.payload).toMatchObject({ reason: 'expired', flightId: f.id });

    const view = await h.gql<{ hold: HoldView }>(`query ($id: ID!) { hold(id: $id) { ${HOLD_FIELDS} } }`, { id: hold.id }, viewer);
    expect(view.data!.hold).toMatchObject({ status: 'EXPIRED', seat: { available: true } });
    const again = await h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: f.id, cabin: 'ECONOMY' } }, newViewer());
    expect(again.data!.holdSeat.hold?.seat.id).toBe(hold.seat.id);
    const renew = await h.gql<ReleaseHoldResult>(RELEASE_HOLD, { input: { holdId: hold.id } }, viewer);
    expect(renew.data!.releaseHold.errors[0]?.code).toBe('HOLD_NOT_ACTIVE');
  });
});
