import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../src/validation.js';
import { createFlight, createRoute, HOLD_SEAT, newViewer, startInventory, tinyLayout, type Harness, type HoldSeatResult, type Route } from './fixtures.js';

const SEATS = `query ($id: ID!) { flight(id: $id) { cabins { seatsLeft } seats { id available } } }`;
type SeatsResult = { flight: { cabins: { seatsLeft: number }[]; seats: { id: string; available: boolean }[] } };

describe('inventory holds under contention', () => {
  let h: Harness;
  let route: Route;

  beforeAll(async () => {
    h = await startInventory();
    route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives 5 seats to exactly 5 of 20 parallel holds; the rest get INSUFFICIENT_INVENTORY', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-05-01T08:00:00Z', layout: tinyLayout(5), seatPrices: { economy: 5_000 } });

    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, cabin: 'ECONOMY' } }, newViewer())),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const won = results.flatMap((r) => (r.data!.holdSeat.hold ? [r.data!.holdSeat.hold] : []));
    const lost = results.filter((r) => !r.data!.holdSeat.hold);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((hold) => hold.seat.id)).size).toBe(5);
    expect(lost.map((r) => r.data!.holdSeat.errors.map((e) => e.code))).toEqual(Array.from({ length: 15 }, () => ['INSUFFICIENT_INVENTORY']));

    const state = (await h.gql<SeatsResult>(SEATS, { id: flight.id })).data!.flight;
    expect(state.cabins).toEqual([{ seatsLeft: 0 }]);
    expect(state.seats).toHaveLength(5);
    expect(state.seats.filter((s) => !s.available).map((s) => s.id).sort()).toEqual(won.map((hold) => hold.seat.id).sort());
  });

  it('gives one chosen seat to exactly one of 20 parallel holds; the rest get SEAT_TAKEN', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-05-01T12:00:00Z', layout: tinyLayout(3), seatPrices: { economy: 5_000 } });
    const [seat] = (await h.gql<SeatsResult>(SEATS, { id: flight.id })).data!.flight.seats;

    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.gql<HoldSeatResult>(HOLD_SEAT, { input: { flightId: flight.id, seatId: seat!.id } }, newViewer())),
    );
    const codes = results.map((r) => r.data!.holdSeat.errors[0]?.code ?? 'HELD');
    expect(codes.filter((c) => c === 'HELD')).toHaveLength(1);
    expect(codes.filter((c) => c === 'SEAT_TAKEN')).toHaveLength(19);
    expect((await h.gql<SeatsResult>(SEATS, { id: flight.id })).data!.flight.cabins).toEqual([{ seatsLeft: 2 }]);
  });

  it('has the database refuse a second active or sold hold on a seat, whatever the code above it does', async () => {
    const flight = await createFlight(h.server, route, { departureAt: '2031-05-01T16:00:00Z', layout: tinyLayout(1), seatPrices: { economy: 5_000 } });
    const [seat] = await h.server.services.repositories.seats.findByFlightIds([flight.id], new Date());
    const holds = h.server.services.repositories.holds;
    const row = (status: 'active' | 'converted' | 'expired') => {
      const viewer = newViewer();
      return { orgId: viewer.orgId, personId: viewer.personId, flightId: flight.id, seatId: seat!.id, priceMinor: 5_000, currency: 'USD', status, expiresAt: new Date('2031-01-01T00:00:00Z') };
    };
    await h.runtime.db.transaction((tx) => holds.insert(tx, row('converted')));
    await h.runtime.db.transaction((tx) => holds.insert(tx, row('expired')));
    for (const status of ['active', 'converted'] as const) {
      const error = await h.runtime.db.transaction((tx) => holds.insert(tx, row(status))).catch((e: unknown) => e);
      expect(isUniqueViolation(error, 'holds_seat_taken_idx')).toBe(true);
    }
  });
});
