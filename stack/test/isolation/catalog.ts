import { randomInt, randomUUID } from 'node:crypto';
import type { SubgraphServers } from '../../src/subgraphs.js';

/** The shared, non-owned inventory both organizations book from. */
export interface Catalog {
  flightId: string;
  flightDate: string;
  hotelCity: string;
  roomTypeId: string;
  checkIn: string;
  checkOut: string;
  packageId: string;
  packageDate: string;
}

const day = (now: Date, days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 12)).toISOString().slice(0, 10);

/** One flight JFK→LHR, one hotel with a room type and one package with a departure, all ten or more days out. */
export async function createCatalog(servers: SubgraphServers, now = new Date()): Promise<Catalog> {
  const { catalog, repositories } = servers.inventory.services;
  const tag = randomUUID().slice(0, 6);
  await catalog.upsertAirports([
    { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
    { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
  ]);
  await catalog.upsertAirlines([{ code: 'BA', name: 'British Airways', country: 'United Kingdom' }]);
  const departure = new Date(`${day(now, 10)}T12:00:00Z`);
  const { flights } = await catalog.insertFlights([
    {
      airlineCode: 'BA',
      flightNumber: `BA${randomInt(1000, 9999)}`,
      originCode: 'JFK',
      destinationCode: 'LHR',
      departureAt: departure,
      arrivalAt: new Date(departure.getTime() + 7 * 3600_000),
      seatPrices: { economy: 64_900, business: 389_000 },
      currency: 'USD',
    },
  ]);
  const hotelCity = `Isolation ${tag}`;
  const { hotels } = await catalog.insertHotels([
    {
      name: `Probe Hotel ${tag}`,
      city: hotelCity,
      country: 'United Kingdom',
      latitude: 51.5,
      longitude: -0.12,
      starRating: 4,
      timeZone: 'Europe/London',
      roomTypes: [{ name: 'Double', capacity: 2, nightlyRateMinor: 15_000, currency: 'USD', totalRooms: 20 }],
    },
  ]);
  const [roomType] = await repositories.hotels.roomTypesOf(hotels.map((h) => h.id));
  const title = `Probe Package ${tag}`;
  await catalog.insertPackages([
    { title, description: 'Flights, hotel and tours', destinationCity: 'Kyoto', destinationCountry: 'Japan', category: 'culture', durationDays: 5, priceMinor: 250_000, currency: 'USD', maxGroupSize: 30 },
  ]);
  const pkg = (await repositories.packages.list(1000, null)).find((p) => p.title === title);
  if (!roomType || !pkg) throw new Error('catalog: room type or package missing after insert');
  const packageDate = day(now, 20);
  await catalog.upsertPackageDepartures([{ packageId: pkg.id, date: packageDate, capacity: 30, priceMultiplier: 1 }]);
  return { flightId: flights[0]!.id, flightDate: day(now, 10), hotelCity, roomTypeId: roomType.id, checkIn: day(now, 12), checkOut: day(now, 14), packageId: pkg.id, packageDate };
}
