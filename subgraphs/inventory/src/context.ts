import { alignByKey, childrenLoader, entityLoader, groupByKey, requireViewer, type BaseContext } from '@travel/platform';
import DataLoader from 'dataloader';
import { toCabinAvailability, type CabinAvailability } from './availability/availability.service.js';
import type {
  AirlineRow,
  AirportRow,
  FareClassRow,
  FlightRow,
  FlightStatusChangeRow,
  HoldRow,
  HotelRow,
  PackageDepartureRow,
  PackageHoldRow,
  PackageItineraryDayRow,
  PackageSeasonRow,
  RoomHoldRow,
  RoomTypeRow,
  TravelPackageRow,
} from './db/schema.js';
import { rangeLoader } from './loaders.js';
import type { DepartureView } from './packages/packages.repository.js';
import type { SeatView } from './seats/seats.repository.js';
import type { InventoryServices } from './server.js';
import { onlyUuids } from './validation.js';

export interface InventoryLoaders {
  airport: DataLoader<string, AirportRow | null>;
  airline: DataLoader<string, AirlineRow | null>;
  flight: DataLoader<string, FlightRow | null>;
  seat: DataLoader<string, SeatView | null>;
  seatsOfFlight: DataLoader<string, SeatView[]>;
  cabinsOfFlight: DataLoader<string, CabinAvailability[]>;
  statusHistoryOfFlight: DataLoader<string, FlightStatusChangeRow[]>;
  hotel: DataLoader<string, HotelRow | null>;
  roomTypesOfHotel: DataLoader<string, RoomTypeRow[]>;
  travelPackage: DataLoader<string, TravelPackageRow | null>;
  hold: DataLoader<string, HoldRow | null>;
  roomHold: DataLoader<string, RoomHoldRow | null>;
  packageHold: DataLoader<string, PackageHoldRow | null>;
  roomType: DataLoader<string, RoomTypeRow | null>;
  departure: DataLoader<string, PackageDepartureRow | null>;
  /** Keyed by stayKey(roomTypeId, checkIn, checkOut). */
  roomNights: DataLoader<string, { date: string; roomsLeft: number }[]>;
  fareClass: DataLoader<string, FareClassRow | null>;
  fareClassesOfFlight: DataLoader<string, FareClassRow[]>;
  itineraryOfPackage: DataLoader<string, PackageItineraryDayRow[]>;
  seasonsOfPackage: DataLoader<string, PackageSeasonRow[]>;
  /** Keyed by stayKey(packageId, from, to); an empty `to` means no end. */
  departures: DataLoader<string, DepartureView[]>;
}

export interface InventoryContext extends BaseContext {
  services: InventoryServices;
  loaders: InventoryLoaders;
  /** The instant this request reads availability and hold states at, so all its answers agree. */
  now: Date;
}

function groupInto<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}

/**
 * A subscription's context lives as long as its stream, so its loaders (and
 * its `now`) would answer every event from the first; each event gets new ones.
 */
export function renewLoaders(ctx: InventoryContext): InventoryContext {
  const fresh = createContext(ctx, ctx.services);
  ctx.loaders = fresh.loaders;
  ctx.now = fresh.now;
  return ctx;
}

/**
 * Loaders are per request. Catalog data (airports, flights, seats, hotels,
 * packages) is public; holds are scoped to the caller's organization in the
 * query. Malformed ids are dropped before SQL and so resolve to null.
 */
export function createContext(base: BaseContext, services: InventoryServices): InventoryContext {
  const repos = services.repositories;
  const now = services.clock.now();
  const orgOf = () => requireViewer(base.viewer).orgId;
  return {
    ...base,
    services,
    now,
    loaders: {
      airport: new DataLoader(async (codes) => alignByKey(codes, await repos.airports.findByCodes(codes), (a) => a.code)),
      airline: new DataLoader(async (codes) => alignByKey(codes, await repos.airports.findAirlinesByCodes(codes), (a) => a.code)),
      flight: entityLoader((ids) => repos.flights.findByIds(onlyUuids(ids))),
      seat: entityLoader((ids) => repos.seats.findByIds(onlyUuids(ids), now)),
      seatsOfFlight: childrenLoader((ids) => repos.seats.findByFlightIds(onlyUuids(ids), now), (s) => s.flightId),
      cabinsOfFlight: new DataLoader(async (ids) =>
        groupByKey(ids, await repos.seats.cabinAvailability(onlyUuids(ids), now), (r) => r.flightId).map(toCabinAvailability),
      ),
      statusHistoryOfFlight: childrenLoader((ids) => services.flightStatus.repository.historyOf(onlyUuids(ids)), (c) => c.flightId),
      hotel: entityLoader((ids) => repos.hotels.findByIds(onlyUuids(ids))),
      roomTypesOfHotel: childrenLoader((ids) => repos.hotels.roomTypesOf(onlyUuids(ids)), (r) => r.hotelId),
      travelPackage: entityLoader((ids) => repos.packages.findByIds(onlyUuids(ids))),
      hold: entityLoader((ids) => repos.holds.findByIds(orgOf(), onlyUuids(ids))),
      roomHold: entityLoader((ids) => repos.roomHolds.findByIds(orgOf(), onlyUuids(ids))),
      packageHold: entityLoader((ids) => repos.packageHolds.findByIds(orgOf(), onlyUuids(ids))),
      roomType: entityLoader((ids) => repos.hotels.roomTypesByIds(onlyUuids(ids))),
      departure: entityLoader((ids) => repos.packages.departuresByIds(onlyUuids(ids))),
      fareClass: entityLoader((ids) => repos.fareClasses.findByIds(onlyUuids(ids))),
      fareClassesOfFlight: childrenLoader((ids) => repos.fareClasses.findByFlightIds(onlyUuids(ids)), (f) => f.flightId),
      itineraryOfPackage: childrenLoader((ids) => repos.packages.itineraryOf(onlyUuids(ids)), (d) => d.packageId),
      seasonsOfPackage: childrenLoader((ids) => repos.packages.seasonsOf(onlyUuids(ids)), (s) => s.packageId),
      roomNights: rangeLoader(async (roomTypeIds, checkIn, checkOut) =>
        services.hotels.nights(await repos.hotels.roomTypesByIds(onlyUuids(roomTypeIds)), checkIn, checkOut),
      ),
      departures: rangeLoader(async (packageIds, from, to) =>
        groupInto(await repos.packages.departuresOf(onlyUuids(packageIds), from, to || null, now), (d) => d.packageId),
      ),
    },
  };
}
