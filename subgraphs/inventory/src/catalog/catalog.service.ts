import { DomainError, type Database } from '@travel/platform';
import type { AirportsRepository, NewAirline, NewAirport } from '../airports/airports.repository.js';
import type { Cabin, FlightRow, HotelRow } from '../db/schema.js';
import type { FlightsRepository, NewFlight } from '../flights/flights.repository.js';
import type { HotelsRepository, NewRoomType } from '../hotels/hotels.repository.js';
import type { NewTravelPackage, PackagesRepository } from '../packages/packages.repository.js';
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

/** Flights per transaction: a flight and its seats commit together, and one transaction stays a few tens of thousands of rows. */
const FLIGHTS_PER_TRANSACTION = 200;

function designator(f: { airlineCode: string; flightNumber: string; departureAt: Date }): string {
  return `${f.airlineCode}|${f.flightNumber}|${f.departureAt.getTime()}`;
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
      hotels: HotelsRepository;
      packages: PackagesRepository;
    },
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
   * Inserts flights with the seats of `layout`. A flight whose airline,
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
        inserted.push(...flights);
      });
    }
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
    return this.db.transaction((tx) => this.repositories.packages.insertNew(input, tx));
  }

  /** How many flights exist, so a launcher can tell whether demo data was loaded. */
  async countFlights(): Promise<number> {
    return this.repositories.flights.count();
  }
}
