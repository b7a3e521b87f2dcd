import { AIRPORTS, type AirportPoint } from './airports.js';
import { FACTORS_MG_PER_PKM, LONG_HAUL_FROM_KM, type FactorCabin, type Haul } from './factors.js';

/** Mean Earth radius (IUGG), the usual radius for great-circle distances. */
const EARTH_RADIUS_KM = 6371.0088;
const UK = 'United Kingdom';
const CABINS: readonly string[] = ['economy', 'premium_economy', 'business', 'first'];

export interface SegmentEmission {
  distanceKm: number;
  haul: Haul;
  co2eGrams: number;
}

/** Great-circle (haversine) distance, rounded to whole km: the unit the factors are per. */
export function greatCircleKm(a: AirportPoint, b: AirportPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}

export function haulOf(a: AirportPoint, b: AirportPoint, distanceKm: number): Haul {
  const ukEnds = (a.country === UK ? 1 : 0) + (b.country === UK ? 1 : 0);
  if (ukEnds === 2) return 'domestic';
  if (ukEnds === 0) return 'international';
  return distanceKm < LONG_HAUL_FROM_KM ? 'short_haul' : 'long_haul';
}

/**
 * CO2e of one passenger on one flight segment, or null when a figure would
 * be a guess: an airport outside the table, or no cabin. Grams are rounded
 * half up from km x mg/pkm, once per segment, so sums are sums of integers.
 */
export function segmentEmission(origin: string | null, destination: string | null, cabin: string | null): SegmentEmission | null {
  const a = origin ? AIRPORTS[origin] : undefined;
  const b = destination ? AIRPORTS[destination] : undefined;
  if (!a || !b || !cabin || !CABINS.includes(cabin)) return null;
  const distanceKm = greatCircleKm(a, b);
  const haul = haulOf(a, b, distanceKm);
  const mg = distanceKm * FACTORS_MG_PER_PKM[haul][cabin as FactorCabin];
  return { distanceKm, haul, co2eGrams: Math.floor((mg + 500) / 1000) };
}

/** Airports of a segment that the table does not know (what a report lists as missing). */
export function unknownAirports(origin: string | null, destination: string | null): string[] {
  return [origin, destination].filter((c): c is string => c !== null && !(c in AIRPORTS));
}
