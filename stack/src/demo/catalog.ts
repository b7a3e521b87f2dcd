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

/** What a package includes and leaves out, and its program, by title (the demo's natural key of a package). */
export const PACKAGE_DETAILS: Record<string, { inclusions: string[]; exclusions: string[]; minGroupSize?: number; days: [string, string][] }> = {
  'London Theatre Weekend': {
    inclusions: ['3 nights in a West End hotel with breakfast', 'Two theatre tickets', 'Thames river cruise', 'Afternoon tea'],
    exclusions: ['Flights', 'Travel insurance', 'Dinners'],
    days: [['Arrival and the West End', 'Check in near Covent Garden; evening show.'], ['The river', 'Thames cruise from Westminster to Greenwich.'], ['Afternoon tea', 'Free morning, afternoon tea, second show.']],
  },
  'Paris Food & Markets': {
    inclusions: ['4 nights with breakfast', 'Two guided market walks', 'Cooking class in the Marais', 'Dinner cruise on the Seine'],
    exclusions: ['Flights', 'Travel insurance', 'Lunches'],
    days: [['Arrival', 'Check in; evening walk along the Seine.'], ['Markets', 'Marché d’Aligre and Rue Cler with a guide.'], ['Cooking class', 'A morning in a Marais kitchen.'], ['Dinner cruise', 'Free day; dinner cruise on the Seine.']],
  },
  'Swiss Alps Rail Explorer': {
    inclusions: ['Panoramic rail pass', 'Lakeside hotels with half board', 'Matterhorn glacier excursion'],
    exclusions: ['Flights', 'Travel insurance', 'Ski hire'],
    days: [['Zurich', 'Arrival and the old town.'], ['To Lucerne', 'Rail along the lake.'], ['Golden Pass', 'Panoramic train to Interlaken.'], ['Zermatt', 'Rail to Zermatt.'], ['Matterhorn', 'Glacier excursion.'], ['Home', 'Rail back to Zurich airport.']],
  },
  'Tokyo Neon & Tradition': {
    inclusions: ['7 nights in Shinjuku', 'Tea ceremony', 'Day trip to Nikko', 'Sumo morning practice', 'Suica card with credit'],
    exclusions: ['Flights', 'Travel insurance', 'Most meals'],
    days: [['Arrival', 'Shinjuku by night.'], ['Asakusa', 'Tea ceremony and Senso-ji.'], ['Sumo', 'Morning practice at a stable.'], ['Nikko', 'Day trip to the shrines.']],
  },
  'Singapore Gardens & Hawker Trail': {
    inclusions: ['5 nights family room', 'Gardens by the Bay tickets', 'Night safari', 'Guided hawker tour'],
    exclusions: ['Flights', 'Travel insurance'],
    days: [['Arrival', 'Marina Bay light show.'], ['Gardens', 'Cloud Forest and Flower Dome.'], ['Night safari', 'Evening at the zoo.'], ['Hawkers', 'Guided tour of three hawker centres.']],
  },
  'Dubai Desert & Skyline': {
    inclusions: ['4 nights with breakfast', 'Desert safari with camp dinner', 'Burj Khalifa at sunset', 'Dhow cruise'],
    exclusions: ['Flights', 'Travel insurance', 'Visa fees'],
    days: [['Arrival', 'Dubai Marina.'], ['Desert', 'Safari and camp dinner.'], ['Skyline', 'Burj Khalifa at sunset; dhow cruise.']],
  },
  'Sydney Harbour & Blue Mountains': {
    inclusions: ['6 nights harbourside', 'Harbour Bridge climb', 'Opera House tour', 'Guided Blue Mountains hike'],
    exclusions: ['Flights', 'Travel insurance'],
    days: [['Arrival', 'Circular Quay.'], ['Harbour', 'Bridge climb and Opera House.'], ['Blue Mountains', 'Guided hike.']],
  },
  'Amsterdam Canals by Bike': {
    inclusions: ['3 nights canal house', 'Bike hire', 'Two guided cycling tours', 'Rijksmuseum ticket'],
    exclusions: ['Flights', 'Travel insurance'],
    days: [['Canals', 'Cycling tour of the ring.'], ['Museums', 'Rijksmuseum.'], ['Tulips', 'A day in the bulb fields.']],
  },
  'Cape Town & Winelands': {
    inclusions: ['7 nights', 'Table Mountain cable car', 'Cape Peninsula tour', 'Two days in Stellenbosch with tastings'],
    exclusions: ['Flights', 'Travel insurance', 'Tips'],
    days: [['Arrival', 'V&A Waterfront.'], ['Table Mountain', 'Cable car and city.'], ['Cape Peninsula', 'Cape Point and Boulders Beach.'], ['Winelands', 'Two days in Stellenbosch.']],
  },
  'New York Leadership Offsite': {
    inclusions: ['Midtown venue for two days', 'Team dinners', 'Broadway evening', 'Hotel for 3 nights'],
    exclusions: ['Flights', 'Facilitators'],
    minGroupSize: 8,
    days: [['Arrival', 'Welcome dinner.'], ['Workshops', 'Day one at the venue; Broadway evening.'], ['Workshops', 'Day two; closing dinner.']],
  },
};

/** Seasonal pricing of every demo package: the year-end holidays and the northern summer cost more. */
export const PACKAGE_SEASONS = [
  { name: 'Year-end holidays', from: '12-20', to: '01-04', priceMultiplier: 1.25 },
  { name: 'Summer', from: '07-01', to: '08-31', priceMultiplier: 1.15 },
] as const;

/**
 * The program, seasons and calendar of the loaded demo packages: a departure
 * every Saturday of the coming 60 days with room for two full groups, and
 * the seasons of this year and the next.
 */
export function demoPackageCalendar(packages: { id: string; title: string; maxGroupSize: number }[], today: Date) {
  const year = today.getUTCFullYear();
  const itinerary = packages.flatMap((p) => (PACKAGE_DETAILS[p.title]?.days ?? []).map(([title, description], i) => ({ packageId: p.id, day: i + 1, title, description })));
  const seasons = packages.flatMap((p) =>
    [year, year + 1].flatMap((y) =>
      PACKAGE_SEASONS.map((season) => ({
        packageId: p.id,
        name: season.name,
        startsOn: `${y}-${season.from}`,
        endsOn: `${season.to < season.from ? y + 1 : y}-${season.to}`,
        priceMultiplier: season.priceMultiplier,
      })),
    ),
  );
  const saturdays: string[] = [];
  for (let day = 1; day <= 60; day++) {
    const date = new Date(Date.UTC(year, today.getUTCMonth(), today.getUTCDate() + day));
    if (date.getUTCDay() === 6) saturdays.push(date.toISOString().slice(0, 10));
  }
  const departures = packages.flatMap((p) => saturdays.map((date) => ({ packageId: p.id, date, capacity: p.maxGroupSize * 2, priceMultiplier: 1 })));
  return { itinerary, seasons, departures };
}

export function demoCatalogData(today: Date) {
  const airports = loadAirports();
  const packages = PACKAGES.map((p) => {
    const details = PACKAGE_DETAILS[p.title];
    return details ? { ...p, inclusions: details.inclusions, exclusions: details.exclusions, minGroupSize: details.minGroupSize ?? 1 } : p;
  });
  return { airports, airlines: loadAirlines(), flights: scheduleFlights(airports, today), hotels: hotels(airports), packages };
}
