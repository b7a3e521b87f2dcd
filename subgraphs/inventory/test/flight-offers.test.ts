import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlight, createRoute, startInventory, type Harness } from './fixtures.js';

const SEARCH = `query ($input: SearchFlightsInput!) {
  searchFlights(input: $input, first: 10) { edges { fare { amount } offer { id cabin fareClass price { amount currency } departureAt arrivalAt airlineCode destinationCountry flight { id } } } }
}`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on FlightOffer { id cabin fareClass price { amount } flight { id } } } }`;

interface Offer {
  id: string;
  cabin: string;
  fareClass: string;
  price: { amount: number; currency: string };
  departureAt: string;
  arrivalAt: string;
  airlineCode: string;
  destinationCountry: string;
  flight: { id: string };
}

describe('flight offers', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
  });
  afterAll(async () => {
    await h.close();
  });

  it('gives every search edge the offer behind its fare, and resolves offers by id', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const f = await createFlight(h.server, route, { departureAt: '2031-06-01T10:00:00Z', minutes: 200, seatPrices: { business: 300_000 } });

    const any = await h.gql<{ searchFlights: { edges: { fare: { amount: number }; offer: Offer }[] } }>(SEARCH, {
      input: { origin: route.origin, destination: route.destination, date: '2031-06-01' },
    });
    expect(any.errors).toBeUndefined();
    const [edge] = any.data!.searchFlights.edges;
    expect(edge!.offer).toEqual({
      id: `${f.id}:business:J`,
      cabin: 'BUSINESS',
      fareClass: 'J',
      price: { amount: edge!.fare.amount, currency: 'USD' },
      departureAt: '2031-06-01T10:00:00.000Z',
      arrivalAt: '2031-06-01T13:20:00.000Z',
      airlineCode: route.airline,
      destinationCountry: 'Testland',
      flight: { id: f.id },
    });

    const resolved = await h.gql<{ _entities: unknown[] }>(ENTITIES, {
      r: [
        { __typename: 'FlightOffer', id: edge!.offer.id },
        { __typename: 'FlightOffer', id: `${f.id}:economy:Y` },
        { __typename: 'FlightOffer', id: 'not-an-offer' },
      ],
    });
    expect(resolved.data!._entities).toEqual([{ id: edge!.offer.id, cabin: 'BUSINESS', fareClass: 'J', price: { amount: edge!.fare.amount }, flight: { id: f.id } }, null, null]);
  });
});
