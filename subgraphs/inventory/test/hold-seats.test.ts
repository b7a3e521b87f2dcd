import { ManualClock } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlight, createRoute, newViewer, startInventory, tinyLayout, type Harness, type UserErrorView } from './fixtures.js';

const HOLD_SEATS = `mutation ($input: HoldSeatsInput!) {
  holdSeats(input: $input) { holds { id price { amount } flight { id } seat { id seatNumber } fareClass { fareFamily } } errors { code field message } }
}`;
const CABINS = `query ($id: ID!) { flight(id: $id) { cabins { seatsLeft } } }`;

interface HoldSeatsResult {
  holdSeats: {
    holds: { id: string; price: { amount: number }; flight: { id: string }; seat: { id: string; seatNumber: string }; fareClass: { fareFamily: string } | null }[];
    errors: UserErrorView[];
  };
}

describe('holdSeats: several passengers on several legs, all or nothing', () => {
  const clock = new ManualClock(new Date('2030-03-01T12:00:00Z'));
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ clock });
  });
  afterAll(async () => {
    await h.close();
  });

  const seatsLeft = async (flightId: string) => (await h.gql<{ flight: { cabins: { seatsLeft: number }[] } }>(CABINS, { id: flightId })).data!.flight.cabins[0]!.seatsLeft;

  it('holds a seat per passenger on every leg, at the fare class asked for', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const out = await createFlight(h.server, route, { departureAt: '2030-04-01T08:00:00Z', layout: tinyLayout(6), seatPrices: { economy: 10_000 } });
    const back = await createFlight(h.server, { ...route, origin: route.destination, destination: route.origin }, { departureAt: '2030-04-08T08:00:00Z', layout: tinyLayout(6), seatPrices: { economy: 10_000 } });
    const [basic] = await h.server.services.repositories.fareClasses.findByFlightIds([back.id]);
    const seats = await h.server.services.repositories.seats.findByFlightIds([out.id], clock.now());
    const chosen = seats.filter((s) => s.seatNumber === '1A' || s.seatNumber === '1B').map((s) => s.id);

    const res = await h.gql<HoldSeatsResult>(
      HOLD_SEATS,
      { input: { passengers: 2, legs: [{ flightId: out.id, seatIds: chosen }, { flightId: back.id, fareClassId: basic!.id }] } },
      newViewer(),
    );
    expect(res.data!.holdSeats.errors).toEqual([]);
    const holds = res.data!.holdSeats.holds;
    expect(holds.map((x) => [x.flight.id, x.seat.seatNumber, x.price.amount, x.fareClass?.fareFamily ?? null])).toEqual([
      [out.id, '1A', 10_000, null],
      [out.id, '1B', 10_000, null],
      [back.id, '1A', 8_500, 'BASIC'],
      [back.id, '1B', 8_500, 'BASIC'],
    ]);
    expect(await seatsLeft(out.id)).toBe(4);
    expect(await seatsLeft(back.id)).toBe(4);
  });

  it('holds nothing when one leg lacks a seat for one passenger, and says which leg', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const roomy = await createFlight(h.server, route, { departureAt: '2030-04-02T08:00:00Z', layout: tinyLayout(6), seatPrices: { economy: 10_000 } });
    const tight = await createFlight(h.server, route, { departureAt: '2030-04-02T14:00:00Z', layout: tinyLayout(2), seatPrices: { economy: 10_000 } });
    const viewer = newViewer();

    const res = await h.gql<HoldSeatsResult>(HOLD_SEATS, { input: { passengers: 3, legs: [{ flightId: roomy.id, cabin: 'ECONOMY' }, { flightId: tight.id, cabin: 'ECONOMY' }] } }, viewer);
    expect(res.data!.holdSeats.holds).toEqual([]);
    expect(res.data!.holdSeats.errors.map((e) => [e.code, e.field])).toEqual([['INSUFFICIENT_INVENTORY', 'legs.1.cabin']]);
    // The roomy leg's seats, held earlier in the same transaction, were rolled back with it.
    expect(await seatsLeft(roomy.id)).toBe(6);
    expect(await seatsLeft(tight.id)).toBe(2);
  });

  it('gives overlapping chosen seats to exactly one of two parties racing for them; the loser holds nothing', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(h.server, route, { departureAt: '2030-04-03T08:00:00Z', layout: tinyLayout(4), seatPrices: { economy: 10_000 } });
    const seats = (await h.server.services.repositories.seats.findByFlightIds([flight.id], clock.now())).sort((a, b) => a.seatNumber.localeCompare(b.seatNumber));
    const [a, b, c] = seats.map((s) => s.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.gql<HoldSeatsResult>(HOLD_SEATS, { input: { passengers: 2, legs: [{ flightId: flight.id, seatIds: i % 2 ? [a, b] : [c, b] }] } }, newViewer()),
      ),
    );
    const winners = results.filter((r) => r.data!.holdSeats.holds.length > 0);
    expect(winners).toHaveLength(1);
    expect(winners[0]!.data!.holdSeats.holds).toHaveLength(2);
    const losers = results.filter((r) => r.data!.holdSeats.holds.length === 0);
    expect(losers.every((r) => r.data!.holdSeats.errors[0]?.code === 'SEAT_TAKEN')).toBe(true);
    expect(await seatsLeft(flight.id)).toBe(2);
  });

  it('rejects malformed requests with VALIDATION_FAILED', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flight = await createFlight(h.server, route, { departureAt: '2030-04-04T08:00:00Z', layout: tinyLayout(4), seatPrices: { economy: 10_000 } });
    const seats = await h.server.services.repositories.seats.findByFlightIds([flight.id], clock.now());
    const cases = [
      { legs: [] },
      { passengers: 2, legs: [{ flightId: flight.id, seatIds: [seats[0]!.id] }] },
      { legs: [{ flightId: flight.id, cabin: 'ECONOMY' }, { flightId: flight.id, cabin: 'ECONOMY' }] },
      { passengers: 10, legs: [{ flightId: flight.id, cabin: 'ECONOMY' }] },
    ];
    for (const input of cases) {
      const res = await h.gql<HoldSeatsResult>(HOLD_SEATS, { input }, newViewer());
      expect(res.data!.holdSeats.errors[0]?.code).toBe('VALIDATION_FAILED');
      expect(res.data!.holdSeats.holds).toEqual([]);
    }
  });
});
