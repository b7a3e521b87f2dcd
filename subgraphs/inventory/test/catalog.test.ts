import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDE_BODY_LAYOUT } from '../src/server.js';
import { createRoute, startInventory, uniqueCode, type Harness } from './fixtures.js';

describe('inventory catalog', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
  });
  afterAll(async () => {
    await h.close();
  });

  it('loads flights with their seat maps once, however often the load runs', async () => {
    const route = await createRoute(h.server, { origin: 'UTC', destination: 'UTC' });
    const flights = [0, 1].map((day) => ({
      airlineCode: route.airline,
      flightNumber: `${route.airline}7`,
      originCode: route.origin,
      destinationCode: route.destination,
      departureAt: `2031-10-0${day + 1}T22:00:00Z`,
      arrivalAt: `2031-10-0${day + 2}T09:30:00Z`,
      aircraft: 'Boeing 777',
      seatPrices: { economy: 30_000, premium_economy: 55_000, business: 150_000, first: 400_000 },
    }));
    const before = await h.server.services.catalog.countFlights();

    const first = await h.server.services.catalog.insertFlights(flights, WIDE_BODY_LAYOUT);
    expect(first.flights).toHaveLength(2);
    expect(first.flights[0]).toMatchObject({ durationMinutes: 690, stops: 0, status: 'scheduled' });
    const perFlight = first.seats / 2;
    // first 2 rows of 4, business 6 rows of 6 (no row 13), premium 5 rows of 8, economy 29 rows of 10
    expect(perFlight).toBe(8 + 36 + 40 + 290);
    expect(await h.server.services.catalog.countFlights()).toBeGreaterThanOrEqual(before + 2);

    const again = await h.server.services.catalog.insertFlights(flights, WIDE_BODY_LAYOUT);
    expect(again).toEqual({ flights: [], seats: 0 });
    const seats = await h.server.services.repositories.seats.findByFlightIds([first.flights[0]!.id], new Date());
    expect(seats).toHaveLength(perFlight);
    expect(seats.some((s) => s.seatNumber.startsWith('13'))).toBe(false);
    expect(seats.find((s) => s.seatNumber === '1A')).toMatchObject({ cabin: 'first', position: 'window', priceMinor: 400_000 });
    expect(seats.find((s) => s.seatNumber === '1D')).toMatchObject({ cabin: 'first', position: 'aisle' });
    expect(seats.find((s) => s.seatNumber === '10C')).toMatchObject({ cabin: 'business', extraLegroom: true, exitRow: false, priceMinor: 172_500 });
    expect(seats.find((s) => s.seatNumber === '30E')).toMatchObject({ cabin: 'economy', position: 'middle', exitRow: true, priceMinor: 34_500 });
  });

  it('lists the hotels of a city by name with their room types, cheapest first, page by page', async () => {
    const route = await createRoute(h.server, { origin: 'Europe/Lisbon', destination: 'UTC' });
    const city = `Lisbon ${randomUUID().slice(0, 8)}`;
    const hotel = (name: string, stars: number) => ({
      name,
      city,
      country: 'Portugal',
      airportCode: route.origin,
      latitude: 38.7,
      longitude: -9.1,
      starRating: stars,
      timeZone: 'Europe/Lisbon',
      roomTypes: [
        { name: 'Suite', capacity: 3, nightlyRateMinor: 45_000, currency: 'EUR', totalRooms: 4 },
        { name: 'Double', capacity: 2, nightlyRateMinor: 15_000, currency: 'EUR', totalRooms: 40 },
      ],
    });
    const loaded = await h.server.services.catalog.insertHotels([hotel('Casa Azul', 4), hotel('Alfama Inn', 3), hotel('Bairro Suites', 5)]);
    expect(loaded).toMatchObject({ roomTypes: 6 });
    expect((await h.server.services.catalog.insertHotels([hotel('Casa Azul', 4)])).hotels).toEqual([]);

    const HOTELS = `query ($city: String!, $after: String) { hotels(city: $city, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { name starRating airport { code timeZone } roomTypes { name nightlyRate { amount currency } } } }
    } }`;
    type Page = { hotels: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string; starRating: number; airport: { code: string }; roomTypes: { name: string; nightlyRate: { amount: number } }[] } }[] } };
    const page1 = await h.gql<Page>(HOTELS, { city: city.toUpperCase() });
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.hotels.totalCount).toBe(3);
    expect(page1.data!.hotels.edges.map((e) => e.node.name)).toEqual(['Alfama Inn', 'Bairro Suites']);
    expect(page1.data!.hotels.edges[0]!.node).toMatchObject({ starRating: 3, airport: { code: route.origin }, roomTypes: [{ name: 'Double', nightlyRate: { amount: 15_000 } }, { name: 'Suite' }] });
    const page2 = await h.gql<Page>(HOTELS, { city, after: page1.data!.hotels.pageInfo.endCursor });
    expect(page2.data!.hotels.edges.map((e) => e.node.name)).toEqual(['Casa Azul']);
    expect(page2.data!.hotels.pageInfo.hasNextPage).toBe(false);

    const bad = await h.gql<Page>(HOTELS, { city, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });

  it('pages through travel packages by title without repeats', async () => {
    const tag = uniqueCode('P');
    const pkg = (title: string) => ({
      title: `${title} ${tag}`,
      description: 'Flights, hotel and tours',
      destinationCity: 'Kyoto',
      destinationCountry: 'Japan',
      category: 'culture',
      durationDays: 7,
      priceMinor: 250_000,
      currency: 'USD',
      maxGroupSize: 12,
    });
    expect(await h.server.services.catalog.insertPackages([pkg('Temples'), pkg('Gardens'), pkg('Tea')])).toBe(3);
    expect(await h.server.services.catalog.insertPackages([pkg('Tea')])).toBe(0);

    const PACKAGES = `query ($after: String) { travelPackages(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id title price { amount currency } } }
    } }`;
    type Page = {
      travelPackages: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; title: string; price: { amount: number } } }[] };
    };
    const seen: Page['travelPackages']['edges'][number]['node'][] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 1000; pages++) {
      const res: { data?: Page | null } = await h.gql<Page>(PACKAGES, { after });
      const page: Page['travelPackages'] = res.data!.travelPackages;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((p) => p.id)).size).toBe(total);
    expect(seen.filter((p) => p.title.endsWith(tag)).map((p) => [p.title, p.price.amount])).toEqual([
      [`Gardens ${tag}`, 250_000],
      [`Tea ${tag}`, 250_000],
      [`Temples ${tag}`, 250_000],
    ]);
  });
});
