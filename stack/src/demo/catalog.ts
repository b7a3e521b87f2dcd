import { TZDate } from '@date-fns/tz';
import type { InventoryServices } from '@travel/inventory';
import { distanceKm, loadAirlines, loadAirports, ROUTES, type Airport } from './world.js';

type Catalog = InventoryServices['catalog'];
type FlightInput = Parameters<Catalog['insertFlights']>[0][number];
type HotelInput = Parameters<Catalog['insertHotels']>[0][number];
type PackageInput = Parameters<Catalog['insertPackages']>[0][number];

export const SCHEDULE_DAYS = 60;
const CRUISE_KMH = 830;
const TAXI_AND_CLIMB_MINUTES = 35;
/** Routes longer than this fly a wide-body with all four cabins. */
const LONG_HAUL_KM = 5000;

/** Local departure times the schedule uses, spread over the day by route. */
const DEPARTURE_TIMES: [number, number][] = [[7, 15], [9, 40], [12, 5], [14, 30], [17, 55], [20, 20], [22, 45]];

function fares(km: number): FlightInput['seatPrices'] {
  const economy = Math.round((4900 + km * 8.5) / 100) * 100;
  const prices: FlightInput['seatPrices'] = { economy, business: economy * 4 };
  if (km > LONG_HAUL_KM) Object.assign(prices, { premium_economy: Math.round(economy * 1.7), first: economy * 8 });
  return prices;
}

/**
 * One flight a day in each direction of every route for the next
 * SCHEDULE_DAYS days, departing at the same local time at its origin.
 */
export function scheduleFlights(airports: Airport[], today: Date): FlightInput[] {
  const byCode = new Map(airports.map((a) => [a.code, a]));
  const flights: FlightInput[] = [];
  ROUTES.forEach(([from, to, airline], routeIndex) => {
    for (const [direction, [o, d]] of [[from, to] as const, [to, from] as const].entries()) {
      const origin = byCode.get(o)!;
      const destination = byCode.get(d)!;
      const km = distanceKm(origin, destination);
      const minutes = Math.round((km / CRUISE_KMH) * 60 + TAXI_AND_CLIMB_MINUTES);
      const [hour, minute] = DEPARTURE_TIMES[(routeIndex * 2 + direction) % DEPARTURE_TIMES.length]!;
      const flightNumber = `${airline}${100 + routeIndex * 2 + direction}`;
      for (let day = 1; day <= SCHEDULE_DAYS; day += 1) {
        const departure = new TZDate(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, hour, minute, origin.timeZone);
        flights.push({
          airlineCode: airline,
          flightNumber,
          originCode: o,
          destinationCode: d,
          departureAt: new Date(departure.getTime()),
          arrivalAt: new Date(departure.getTime() + minutes * 60_000),
          aircraft: km > LONG_HAUL_KM ? 'Boeing 787-9' : 'Airbus A320neo',
          seatPrices: fares(km),
          currency: 'USD',
        });
      }
    }
  });
  return flights;
}

const CHAINS = ['Hilton', 'Marriott', 'Hyatt Regency', 'Novotel', 'InterContinental', 'Radisson Blu'];

/** Two hotels in every hub city, with three room types priced by star rating. */
export function hotels(airports: Airport[]): HotelInput[] {
  return airports.flatMap((a, i) =>
    [0, 1].map((k) => {
      const stars = k === 0 ? 4 : 5 - (i % 2);
      const base = 9_000 + stars * 3_500 + (i % 5) * 1_500;
      return {
        name: `${CHAINS[(i + k * 3) % CHAINS.length]} ${a.city}${k === 0 ? ' Airport' : ' City Centre'}`,
        city: a.city,
        country: a.country,
        airportCode: a.code,
        latitude: a.latitude + (k === 0 ? 0.01 : 0.08),
        longitude: a.longitude + (k === 0 ? 0.01 : 0.08),
        starRating: stars,
        timeZone: a.timeZone,
        roomTypes: [
          { name: 'Standard King', capacity: 2, nightlyRateMinor: base, currency: 'USD', totalRooms: 80 },
          { name: 'Deluxe Twin', capacity: 2, nightlyRateMinor: Math.round(base * 1.35), currency: 'USD', totalRooms: 40 },
          { name: 'Junior Suite', capacity: 3, nightlyRateMinor: base * 2, currency: 'USD', totalRooms: 10 },
        ],
      };
    }),
  );
}

export const PACKAGES: PackageInput[] = [
  { title: 'London Theatre Weekend', description: 'Three nights in the West End with two theatre tickets, a Thames river cruise and afternoon tea.', destinationCity: 'London', destinationCountry: 'United Kingdom', category: 'city_break', durationDays: 3, priceMinor: 89_000, currency: 'USD', maxGroupSize: 12 },
  { title: 'Paris Food & Markets', description: 'Guided market walks, a cooking class in the Marais and a dinner cruise on the Seine.', destinationCity: 'Paris', destinationCountry: 'France', category: 'culinary', durationDays: 4, priceMinor: 129_000, currency: 'USD', maxGroupSize: 10 },
  { title: 'Swiss Alps Rail Explorer', description: 'Zurich to Zermatt by panoramic train, a Matterhorn glacier excursion and lakeside hotels.', destinationCity: 'Zurich', destinationCountry: 'Switzerland', category: 'adventure', durationDays: 6, priceMinor: 245_000, currency: 'USD', maxGroupSize: 16 },
  { title: 'Tokyo Neon & Tradition', description: 'Shinjuku by night, a tea ceremony in Asakusa, a day trip to Nikko and a sumo morning practice.', destinationCity: 'Tokyo', destinationCountry: 'Japan', category: 'culture', durationDays: 7, priceMinor: 310_000, currency: 'USD', maxGroupSize: 14 },
  { title: 'Singapore Gardens & Hawker Trail', description: 'Gardens by the Bay, a night safari and a guided tour of hawker centres.', destinationCity: 'Singapore', destinationCountry: 'Singapore', category: 'family', durationDays: 5, priceMinor: 175_000, currency: 'USD', maxGroupSize: 20 },
  { title: 'Dubai Desert & Skyline', description: 'A desert safari with a camp dinner, the Burj Khalifa at sunset and a dhow cruise.', destinationCity: 'Dubai', destinationCountry: 'United Arab Emirates', category: 'adventure', durationDays: 4, priceMinor: 158_000, currency: 'USD', maxGroupSize: 18 },
  { title: 'Sydney Harbour & Blue Mountains', description: 'A harbour bridge climb, the Opera House and a guided hike in the Blue Mountains.', destinationCity: 'Sydney', destinationCountry: 'Australia', category: 'adventure', durationDays: 6, priceMinor: 268_000, currency: 'USD', maxGroupSize: 14 },
  { title: 'Amsterdam Canals by Bike', description: 'Cycling tours along the canals, the Rijksmuseum and a day in the tulip fields.', destinationCity: 'Amsterdam', destinationCountry: 'Netherlands', category: 'city_break', durationDays: 3, priceMinor: 72_000, currency: 'USD', maxGroupSize: 12 },
  { title: 'Cape Town & Winelands', description: 'Table Mountain, the Cape Peninsula and two days among the Stellenbosch vineyards.', destinationCity: 'Johannesburg', destinationCountry: 'South Africa', category: 'culinary', durationDays: 7, priceMinor: 289_000, currency: 'USD', maxGroupSize: 12 },
  { title: 'New York Leadership Offsite', description: 'A Midtown venue for two days of workshops, team dinners and a Broadway evening.', destinationCity: 'New York', destinationCountry: 'United States', category: 'corporate', durationDays: 3, priceMinor: 198_000, currency: 'USD', maxGroupSize: 40 },
];

export function demoCatalogData(today: Date) {
  const airports = loadAirports();
  return { airports, airlines: loadAirlines(), flights: scheduleFlights(airports, today), hotels: hotels(airports), packages: PACKAGES };
}
