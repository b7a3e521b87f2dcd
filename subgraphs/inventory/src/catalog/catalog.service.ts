import { DomainError, type Database } from '@travel/platform';
import type { AirportsRepository, NewAirline, NewAirport } from '../airports/airports.repository.js';
import type { Cabin, FlightRow, HotelRow } from '../db/schema.js';
import type { FlightsRepository, NewFlight, NewFlightCabin } from '../flights/flights.repository.js';
import type { HotelsRepository, NewRoomType } from '../hotels/hotels.repository.js';
import type { NewTravelPackage, PackagesRepository } from '../packages/packages.repository.js';
import type { FareClassesRepository } from '../fare-classes/fare-classes.repository.js';
import { defaultFareClasses } from '../fare-classes/fare-families.js';
import type { FlightSearchCache } from '../search/flight-search-cache.js';
import { NARROW_BODY_LAYOUT, seatsFor, type CabinLayout } from '../seats/seat-layout.js';
import type { NewSeat, SeatsRepository } from '../seats/seats.repository.js';

export type AirportInput = NewAirport;
export type AirlineInput = NewAirline;

export interface FlightInput {
  airlineCode: string;
  /** Full designator as published, e.g. 'BA178'. */
  flightNumber: string;
  originCode: string;
  destinationCode: string;
  departureAt: Date | string;
  arrivalAt: Date | string;
  aircraft?: string | null;
  stops?: number;
  /** Base price per cabin in minor units; cabins of the layout without a price are not sold on this flight. */
  seatPrices: Partial<Record<Cabin, number>>;
  /** ISO 4217 code of the seat prices; USD when omitted. */
  currency?: string;
}

export interface HotelInput {
  name: string;
  city: string;
  country: string;
  airportCode?: string | null;
  latitude: number;
  longitude: number;
  starRating: number;
  timeZone: string;
  roomTypes: Omit<NewRoomType, 'id' | 'hotelId'>[];
}

export type TravelPackageInput = Omit<NewTravelPackage, 'id'>;

export interface PackageDepartureInput {
  packageId: string;
  /** YYYY-MM-DD. */
  date: string;
  capacity: number;
  /** 1 for the list price. */
  priceMultiplier: number;
}

export interface PackageItineraryDayInput {
  packageId: string;
  day: number;
  title: string;
  description: string;
}

export interface PackageSeasonInput {
  packageId: string;
  name: string;
  /** YYYY-MM-DD, inclusive. */
  startsOn: string;
  /** YYYY-MM-DD, inclusive. */
  endsOn: string;
  /** 1.3 = 30 % above list price. */
  priceMultiplier: number;
}

/** Flights per transaction: a flight and its seats commit together, and one transaction stays a few tens of thousands of rows. */
const FLIGHTS_PER_TRANSACTION = 200;

function designator(f: { airlineCode: string; flightNumber: string; departureAt: Date }): string {
  return `${f.airlineCode}|${f.flightNumber}|${f.departureAt.getTime()}`;
}

/** What each flight sells per cabin, derived from its seat map: the seat count and the cheapest seat. */
function cabinsOf(seats: NewSeat[]): NewFlightCabin[] {
  const byKey = new Map<string, NewFlightCabin>();
  for (const seat of seats) {
    const key = `${seat.flightId}|${seat.cabin}`;
    const cabin = byKey.get(key);
    if (!cabin) byKey.set(key, { flightId: seat.flightId, cabin: seat.cabin, capacity: 1, fareMinor: seat.priceMinor, currency: seat.currency });
    else {
      cabin.capacity += 1;
      cabin.fareMinor = Math.min(cabin.fareMinor, seat.priceMinor);
    }
  }
  return [...byKey.values()];
}

/**
 * Bulk loading of the public catalog (demo data, imports): multi-row
 * inserts, idempotent on natural keys, no events (nothing org-owned changes).
 */
export class CatalogService {
  constructor(
    private readonly db: Database,
    private readonly repositories: {
      airports: AirportsRepository;
      flights: FlightsRepository;
      seats: SeatsRepository;
      fareClasses: FareClassesRepository;
      hotels: HotelsRepository;
      packages: PackagesRepository;
    },
    private readonly flightSearchCache?: FlightSearchCache,
  ) {}

  /** Inserts airports or refreshes them by code. */
  async upsertAirports(rows: AirportInput[]): Promise<number> {
    return this.db.transaction((tx) => this.repositories.airports.upsert(rows, tx));
  }

  /** Inserts airlines or refreshes them by code. */
  async upsertAirlines(rows: AirlineInput[]): Promise<number> {
    return this.db.transaction((tx) => this.repositories.airports.upsertAirlines(rows, tx));
  }

  /**
   * Inserts flights with the seats of `layout` and the basic, standard and
   * flex fare classes of each cabin (priced from its cheapest seat). A flight whose airline,
   * designator and departure already exist is skipped with its seats, so a
   * load can be run again. Returns the flights inserted and their seat count.
   */
  async insertFlights(input: FlightInput[], layout: CabinLayout = NARROW_BODY_LAYOUT): Promise<{ flights: FlightRow[]; seats: number }> {
    const prepared = input.map((f, i) => {
      const departureAt = new Date(f.departureAt);
      const arrivalAt = new Date(f.arrivalAt);
      if (Number.isNaN(departureAt.getTime()) || Number.isNaN(arrivalAt.getTime()) || arrivalAt <= departureAt) {
        throw new DomainError('VALIDATION_FAILED', `Flight ${f.flightNumber} must arrive after it departs`, `flights.${i}.arrivalAt`);
      }
      const seats = seatsFor(layout, f.seatPrices);
      if (seats.length === 0) throw new DomainError('VALIDATION_FAILED', `Flight ${f.flightNumber} prices no cabin of the layout`, `flights.${i}.seatPrices`);
      const row: NewFlight = {
        airlineCode: f.airlineCode,
        flightNumber: f.flightNumber,
        originCode: f.originCode,
        destinationCode: f.destinationCode,
        departureAt,
        arrivalAt,
        durationMinutes: Math.round((arrivalAt.getTime() - departureAt.getTime()) / 60_000),
        stops: f.stops ?? 0,
        aircraft: f.aircraft ?? null,
      };
      return { row, seats, currency: f.currency ?? 'USD' };
    });

    const inserted: FlightRow[] = [];
    let seatCount = 0;
    for (let i = 0; i < prepared.length; i += FLIGHTS_PER_TRANSACTION) {
      const batch = prepared.slice(i, i + FLIGHTS_PER_TRANSACTION);
      await this.db.transaction(async (tx) => {
        const flights = await this.repositories.flights.insertNew(batch.map((b) => b.row), tx);
        const byDesignator = new Map(batch.map((b) => [designator(b.row), b]));
        const seats: NewSeat[] = flights.flatMap((flight) => {
          const spec = byDesignator.get(designator(flight))!;
          return spec.seats.map((s) => ({ ...s, flightId: flight.id, currency: spec.currency }));
        });
        seatCount += await this.repositories.seats.insertMany(seats, tx);
        const cabins = cabinsOf(seats);
        await this.repositories.flights.insertCabins(cabins, tx);
        await this.repositories.fareClasses.insertMany(
          cabins.flatMap((c) => defaultFareClasses(c.flightId, c.cabin, c.fareMinor, c.currency)),
          tx,
        );
        inserted.push(...flights);
      });
    }
    // New flights must show up in searches cached before they existed.
    await this.flightSearchCache?.invalidate(inserted);
    return { flights: inserted, seats: seatCount };
  }

  /** Inserts hotels with their room types; a hotel whose name and city exist is skipped. */
  async insertHotels(input: HotelInput[]): Promise<{ hotels: HotelRow[]; roomTypes: number }> {
    return this.db.transaction(async (tx) => {
      const hotels = await this.repositories.hotels.insertNew(
        input.map(({ roomTypes: _, ...hotel }) => ({ ...hotel, airportCode: hotel.airportCode ?? null })),
        tx,
      );
      const byKey = new Map(input.map((h) => [`${h.name}|${h.city}`, h]));
      const roomTypes = hotels.flatMap((hotel) => (byKey.get(`${hotel.name}|${hotel.city}`)?.roomTypes ?? []).map((r) => ({ ...r, hotelId: hotel.id })));
      return { hotels, roomTypes: await this.repositories.hotels.insertRoomTypes(roomTypes, tx) };
    });
  }

  /** Inserts travel packages; one whose title and destination city exist is skipped. Returns how many were new. */
  async insertPackages(input: TravelPackageInput[]): Promise<number> {
    input.forEach((p, i) => {
      if ((p.minGroupSize ?? 1) < 1 || (p.minGroupSize ?? 1) > p.maxGroupSize) {
        throw new DomainError('VALIDATION_FAILED', 'minGroupSize must be 1 to maxGroupSize', `packages.${i}.minGroupSize`);
      }
    });
    return this.db.transaction((tx) => this.repositories.packages.insertNew(input, tx));
  }

  /**
   * Sets a package's availability calendar: capacity and seasonal price
   * multiplier (1.25 = 25 % above list price) per departure date; an existing
   * date is updated.
   */
  async upsertPackageDepartures(rows: PackageDepartureInput[]): Promise<number> {
    rows.forEach((r, i) => {
      if (!Number.isInteger(r.capacity) || r.capacity < 0) throw new DomainError('VALIDATION_FAILED', 'capacity must be a whole number, 0 or more', `departures.${i}.capacity`);
      if (!(r.priceMultiplier > 0)) throw new DomainError('VALIDATION_FAILED', 'priceMultiplier must be positive', `departures.${i}.priceMultiplier`);
    });
    return this.db.transaction((tx) =>
      this.repositories.packages.upsertDepartures(
        rows.map((r) => ({ packageId: r.packageId, date: r.date, capacity: r.capacity, priceMultiplierBp: Math.round(r.priceMultiplier * 10000) })),
        tx,
      ),
    );
  }

  /** Sets the program of packages day by day (day 1 is the departure date); an existing day is rewritten. */
  async upsertPackageItinerary(rows: PackageItineraryDayInput[]): Promise<number> {
    rows.forEach((r, i) => {
      if (!Number.isInteger(r.day) || r.day < 1) throw new DomainError('VALIDATION_FAILED', 'day must be a whole number, 1 or more', `itinerary.${i}.day`);
    });
    return this.db.transaction((tx) => this.repositories.packages.upsertItinerary(rows, tx));
  }

  /**
   * Sets seasonal pricing: departures from startsOn to endsOn (inclusive)
   * cost the list price times priceMultiplier (on top of the date's own
   * multiplier). A season is identified by package and first date.
   */
  async upsertPackageSeasons(rows: PackageSeasonInput[]): Promise<number> {
    rows.forEach((r, i) => {
      if (!(r.endsOn >= r.startsOn)) throw new DomainError('VALIDATION_FAILED', 'endsOn must not be before startsOn', `seasons.${i}.endsOn`);
      if (!(r.priceMultiplier > 0)) throw new DomainError('VALIDATION_FAILED', 'priceMultiplier must be positive', `seasons.${i}.priceMultiplier`);
    });
    return this.db.transaction((tx) =>
      this.repositories.packages.upsertSeasons(
        rows.map((r) => ({ packageId: r.packageId, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn, priceMultiplierBp: Math.round(r.priceMultiplier * 10000) })),
        tx,
      ),
    );
  }

  /** How many flights exist, so a launcher can tell whether demo data was loaded. */
  async countFlights(): Promise<number> {
    return this.repositories.flights.count();
  }
}
