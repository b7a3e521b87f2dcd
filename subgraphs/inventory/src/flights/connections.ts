import type { AirportsRepository } from '../airports/airports.repository.js';
import type { AirportRow, Cabin } from '../db/schema.js';
import type { FlightCandidate, FlightsRepository } from './flights.repository.js';

/** The legs of a trip in order, priced as the sum of their fares. */
export interface ItineraryCandidate {
  legs: FlightCandidate[];
  fareMinor: number;
  currency: string;
  departureAt: Date;
  arrivalAt: Date;
  durationMinutes: number;
  /** Connections plus the legs' own stops. */
  stops: number;
}

/** Most connections a search plans, whatever maxStops asks. */
export const MAX_CONNECTIONS = 2;
/** Longest layover a connection is planned with. */
export const MAX_LAYOVER_MINUTES = 12 * 60;
/** An itinerary may fly at most this many times the great-circle distance, plus DETOUR_SLACK_KM for short routes. */
export const DETOUR_FACTOR = 1.5;
export const DETOUR_SLACK_KM = 300;
/**
 * Departures read per airport and step: of the origin, then of each
 * connecting airport. The caps bound a connecting search whatever the
 * schedule's size.
 */
export const FIRST_LEG_CAP = 300;
export const NEXT_LEG_CAP_PER_AIRPORT = 60;
/** Partial trips carried to the next step, and complete itineraries kept. */
const PARTIAL_CAP = 500;
const ITINERARY_CAP = 500;

const MINUTE = 60_000;
const EARTH_RADIUS_KM = 6371;

export function greatCircleKm(a: Pick<AirportRow, 'latitude' | 'longitude'>, b: Pick<AirportRow, 'latitude' | 'longitude'>): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function itineraryOf(legs: FlightCandidate[]): ItineraryCandidate {
  const first = legs[0]!;
  const last = legs.at(-1)!;
  return {
    legs,
    fareMinor: legs.reduce((sum, l) => sum + l.fareMinor, 0),
    currency: first.currency,
    departureAt: first.departureAt,
    arrivalAt: last.arrivalAt,
    durationMinutes: Math.round((last.arrivalAt.getTime() - first.departureAt.getTime()) / MINUTE),
    stops: legs.length - 1 + legs.reduce((sum, l) => sum + l.stops, 0),
  };
}

export interface ConnectionQuery {
  origin: string;
  destination: string;
  from: Date;
  to: Date;
  cabin: Cabin | null;
  passengers: number;
  now: Date;
  connections: number;
}

interface Partial {
  legs: FlightCandidate[];
  flownKm: number;
  visited: Set<string>;
}

/**
 * Itineraries with 1 to `connections` changes of plane. Breadth first: the
 * origin's departures in the window, then the departures of the airports they
 * reach, within [arrival + the airport's minimum connection time, arrival +
 * MAX_LAYOVER_MINUTES]. A partial trip is dropped when flying on to the
 * destination from where it is would exceed the detour limit; airports are
 * never visited twice. Every step is one query with a row cap per airport.
 */
export class ConnectionFinder {
  constructor(
    private readonly flights: FlightsRepository,
    private readonly airports: AirportsRepository,
  ) {}

  async find(q: ConnectionQuery): Promise<ItineraryCandidate[]> {
    const connections = Math.min(q.connections, MAX_CONNECTIONS);
    if (connections < 1) return [];
    const airports = new Map<string, AirportRow>();
    const known = async (codes: Iterable<string>) => {
      const missing = [...new Set(codes)].filter((c) => !airports.has(c));
      for (const a of await this.airports.findByCodes(missing)) airports.set(a.code, a);
    };
    await known([q.origin, q.destination]);
    const origin = airports.get(q.origin);
    const destination = airports.get(q.destination);
    if (!origin || !destination) return [];
    const budgetKm = greatCircleKm(origin, destination) * DETOUR_FACTOR + DETOUR_SLACK_KM;
    const withinDetour = (flownKm: number, at: AirportRow) => flownKm + greatCircleKm(at, destination) <= budgetKm;

    const base = { cabin: q.cabin, passengers: q.passengers, now: q.now };
    const first = await this.flights.legsFrom({ ...base, origins: [q.origin], from: q.from, to: q.to, perOrigin: FIRST_LEG_CAP });
    await known(first.map((l) => l.destinationCode));
    let frontier: Partial[] = [];
    for (const leg of first) {
      const at = airports.get(leg.destinationCode);
      // Legs straight to the destination are the route's own flights, found by the nonstop search.
      if (!at || leg.destinationCode === q.destination) continue;
      const flownKm = greatCircleKm(origin, at);
      if (withinDetour(flownKm, at)) frontier.push({ legs: [leg], flownKm, visited: new Set([q.origin, leg.destinationCode]) });
    }
    frontier = frontier.slice(0, PARTIAL_CAP);

    const found: ItineraryCandidate[] = [];
    for (let step = 1; step <= connections && frontier.length > 0 && found.length < ITINERARY_CAP; step++) {
      const arrivals = frontier.map((p) => p.legs.at(-1)!.arrivalAt.getTime());
      const hubs = [...new Set(frontier.map((p) => p.legs.at(-1)!.destinationCode))];
      const earliestMct = Math.min(...hubs.map((h) => airports.get(h)!.minConnectionMinutes));
      const next = await this.flights.legsFrom({
        ...base,
        origins: hubs,
        from: new Date(Math.min(...arrivals) + earliestMct * MINUTE),
        to: new Date(Math.max(...arrivals) + MAX_LAYOVER_MINUTES * MINUTE + 1),
        perOrigin: NEXT_LEG_CAP_PER_AIRPORT,
      });
      await known(next.map((l) => l.destinationCode));
      const byOrigin = new Map<string, FlightCandidate[]>();
      for (const leg of next) byOrigin.set(leg.originCode, [...(byOrigin.get(leg.originCode) ?? []), leg]);

      const extended: Partial[] = [];
      for (const partial of frontier) {
        const inbound = partial.legs.at(-1)!;
        const hub = airports.get(inbound.destinationCode)!;
        const earliest = inbound.arrivalAt.getTime() + hub.minConnectionMinutes * MINUTE;
        const latest = inbound.arrivalAt.getTime() + MAX_LAYOVER_MINUTES * MINUTE;
        for (const leg of byOrigin.get(hub.code) ?? []) {
          const departs = leg.departureAt.getTime();
          if (departs < earliest || departs > latest || partial.visited.has(leg.destinationCode)) continue;
          // Fares are summed; legs sold in another currency cannot be.
          if (leg.currency !== inbound.currency) continue;
          if (leg.destinationCode === q.destination) {
            found.push(itineraryOf([...partial.legs, leg]));
            continue;
          }
          const at = airports.get(leg.destinationCode);
          if (!at || step === connections) continue;
          const flownKm = partial.flownKm + greatCircleKm(hub, at);
          if (withinDetour(flownKm, at)) extended.push({ legs: [...partial.legs, leg], flownKm, visited: new Set([...partial.visited, leg.destinationCode]) });
        }
      }
      frontier = extended.slice(0, PARTIAL_CAP);
    }
    return found.slice(0, ITINERARY_CAP);
  }
}
