import { inboxTable, outboxTable } from '@travel/platform';
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const inventory = pgSchema('inventory');

/** Ordered from the cheapest cabin up; lists of cabins are shown in this order. */
export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];
export const SEAT_POSITIONS = ['window', 'middle', 'aisle'] as const;
export type SeatPosition = (typeof SEAT_POSITIONS)[number];
export const FLIGHT_STATUSES = ['scheduled', 'delayed', 'canceled', 'diverted', 'departed', 'landed'] as const;
export type FlightStatus = (typeof FLIGHT_STATUSES)[number];
/** Flights in these states can still be searched and held. */
export const BOOKABLE_FLIGHT_STATUSES: readonly FlightStatus[] = ['scheduled', 'delayed'];
export const HOLD_STATUSES = ['active', 'released', 'expired', 'converted'] as const;
/** Fare families from the most restricted up; a flight cabin sells at most one fare class of each. */
export const FARE_FAMILIES = ['basic', 'standard', 'flex'] as const;
export type FareFamily = (typeof FARE_FAMILIES)[number];
export type HoldStatus = (typeof HOLD_STATUSES)[number];

export const airports = inventory.table('airports', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  country: text('country').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  timeZone: text('time_zone').notNull(),
  /** Least time a traveler needs between two flights here; connecting itineraries never plan less. */
  minConnectionMinutes: integer('min_connection_minutes').notNull().default(60),
});

export const airlines = inventory.table('airlines', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  country: text('country'),
});

export const flights = inventory.table(
  'flights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    airlineCode: text('airline_code')
      .notNull()
      .references(() => airlines.code),
    flightNumber: text('flight_number').notNull(),
    originCode: text('origin_code')
      .notNull()
      .references(() => airports.code),
    destinationCode: text('destination_code')
      .notNull()
      .references(() => airports.code),
    departureAt: timestamp('departure_at', { withTimezone: true }).notNull(),
    arrivalAt: timestamp('arrival_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    stops: integer('stops').notNull().default(0),
    aircraft: text('aircraft'),
    status: text('status', { enum: FLIGHT_STATUSES }).notNull().default('scheduled'),
    /** Latest operational times; null while the flight keeps to its schedule. */
    estimatedDepartureAt: timestamp('estimated_departure_at', { withTimezone: true }),
    estimatedArrivalAt: timestamp('estimated_arrival_at', { withTimezone: true }),
    gate: text('gate'),
    divertedToCode: text('diverted_to_code').references(() => airports.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('flights_route_idx').on(t.originCode, t.destinationCode, t.departureAt),
    // Connecting itineraries read every departure of an airport in a window, whatever the destination.
    index('flights_departures_idx').on(t.originCode, t.departureAt),
    // The natural key of a scheduled flight; makes catalog loads idempotent.
    uniqueIndex('flights_designator_idx').on(t.airlineCode, t.flightNumber, t.departureAt),
  ],
);

export const seats = inventory.table(
  'seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flightId: uuid('flight_id')
      .notNull()
      .references(() => flights.id),
    seatNumber: text('seat_number').notNull(),
    cabin: text('cabin', { enum: CABINS }).notNull(),
    position: text('position', { enum: SEAT_POSITIONS }).notNull(),
    extraLegroom: boolean('extra_legroom').notNull().default(false),
    exitRow: boolean('exit_row').notNull().default(false),
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [uniqueIndex('seats_flight_number_idx').on(t.flightId, t.seatNumber), index('seats_flight_cabin_idx').on(t.flightId, t.cabin)],
);

/** Who holds what: the columns every kind of hold starts with (fresh builders per table). */
function holdIdentity() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull(),
  };
}

/** Price and lifecycle, the same for seat, room and package holds, so one set of rules reads them all. */
function holdLifecycle() {
  return {
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: HOLD_STATUSES }).notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    bookingId: uuid('booking_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

export const holds = inventory.table(
  'holds',
  {
    ...holdIdentity(),
    flightId: uuid('flight_id')
      .notNull()
      .references(() => flights.id),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => seats.id),
    /** The fare the seat was held at; null for a hold priced by the seat alone. */
    fareClassId: uuid('fare_class_id').references(() => fareClasses.id),
    ...holdLifecycle(),
  },
  (t) => [
    // The hard guarantee against double booking: at most one hold per seat can be active or sold.
    uniqueIndex('holds_seat_taken_idx').on(t.seatId).where(sql`${t.status} in ('active', 'converted')`),
    index('holds_due_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
    // Search counts the taken seats of a flight; only taken-or-maybe-taken holds are indexed.
    index('holds_flight_taken_idx').on(t.flightId).where(sql`${t.status} in ('active', 'converted')`),
  ],
);

/**
 * What a flight sells per cabin: how many seats and the base fare. Search
 * reads this instead of the seat map, so legs loaded for search only (no seat
 * rows) can still be found; seats left = capacity minus taken holds.
 */
export const flightCabins = inventory.table(
  'flight_cabins',
  {
    flightId: uuid('flight_id')
      .notNull()
      .references(() => flights.id),
    cabin: text('cabin', { enum: CABINS }).notNull(),
    capacity: integer('capacity').notNull(),
    fareMinor: integer('fare_minor').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [primaryKey({ columns: [t.flightId, t.cabin] }), check('flight_cabins_capacity_check', sql`${t.capacity} >= 0`)],
);

/**
 * The fares a flight cabin is sold at: a family (what the ticket allows), the
 * airline's booking code, a price per traveler and its rules. Fare classes of
 * one cabin share the cabin's seats; they differ in price and conditions only.
 */
export const fareClasses = inventory.table(
  'fare_classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flightId: uuid('flight_id')
      .notNull()
      .references(() => flights.id),
    cabin: text('cabin', { enum: CABINS }).notNull(),
    fareFamily: text('fare_family', { enum: FARE_FAMILIES }).notNull(),
    bookingCode: text('booking_code').notNull(),
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
    refundable: boolean('refundable').notNull(),
    /** Fee for changing the ticket; null when changes are not allowed at all. */
    changeFeeMinor: integer('change_fee_minor'),
    checkedBags: integer('checked_bags').notNull(),
    carryOnBags: integer('carry_on_bags').notNull(),
  },
  (t) => [
    uniqueIndex('fare_classes_flight_cabin_family_idx').on(t.flightId, t.cabin, t.fareFamily),
    check('fare_classes_amounts_check', sql`${t.priceMinor} >= 0 and coalesce(${t.changeFeeMinor}, 0) >= 0 and ${t.checkedBags} >= 0 and ${t.carryOnBags} >= 0`),
  ],
);

export const hotels = inventory.table(
  'hotels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    airportCode: text('airport_code').references(() => airports.code),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    starRating: integer('star_rating').notNull(),
    timeZone: text('time_zone').notNull(),
  },
  (t) => [
    uniqueIndex('hotels_name_city_idx').on(t.name, t.city),
    index('hotels_city_idx').on(sql`lower(${t.city})`, t.name, t.id),
    index('hotels_position_idx').on(t.latitude, t.longitude),
  ],
);

export const roomTypes = inventory.table(
  'room_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hotelId: uuid('hotel_id')
      .notNull()
      .references(() => hotels.id),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    nightlyRateMinor: integer('nightly_rate_minor').notNull(),
    currency: text('currency').notNull(),
    totalRooms: integer('total_rooms').notNull(),
  },
  (t) => [uniqueIndex('room_types_hotel_name_idx').on(t.hotelId, t.name)],
);

export const travelPackages = inventory.table(
  'travel_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    destinationCity: text('destination_city').notNull(),
    destinationCountry: text('destination_country').notNull(),
    category: text('category').notNull(),
    durationDays: integer('duration_days').notNull(),
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
    maxGroupSize: integer('max_group_size').notNull(),
    /** Fewest travelers one booking of the package must have. */
    minGroupSize: integer('min_group_size').notNull().default(1),
    inclusions: text('inclusions').array().notNull().default(sql`'{}'::text[]`),
    exclusions: text('exclusions').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('travel_packages_title_city_idx').on(t.title, t.destinationCity),
    index('travel_packages_order_idx').on(t.title, t.id),
    index('travel_packages_text_idx').using('gin', sql`to_tsvector('english', ${t.title} || ' ' || ${t.description})`),
  ],
);

/** What happens on each day of a package, day 1 being the departure date. */
export const packageItineraryDays = inventory.table(
  'package_itinerary_days',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => travelPackages.id),
    day: integer('day').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.day] }), check('package_itinerary_days_day_check', sql`${t.day} >= 1`)],
);

/**
 * Seasonal pricing of a package: departures in [startsOn, endsOn] cost the
 * list price times the season's multiplier (basis points, 10000 = list
 * price), on top of the departure's own multiplier.
 */
export const packageSeasons = inventory.table(
  'package_seasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => travelPackages.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    priceMultiplierBp: integer('price_multiplier_bp').notNull(),
  },
  (t) => [
    uniqueIndex('package_seasons_package_start_idx').on(t.packageId, t.startsOn),
    check('package_seasons_range_check', sql`${t.endsOn} >= ${t.startsOn} and ${t.priceMultiplierBp} > 0`),
  ],
);

/** Hotel room holds: some rooms of one type for the nights [checkIn, checkOut). */
export const roomHolds = inventory.table(
  'room_holds',
  {
    ...holdIdentity(),
    hotelId: uuid('hotel_id')
      .notNull()
      .references(() => hotels.id),
    roomTypeId: uuid('room_type_id')
      .notNull()
      .references(() => roomTypes.id),
    checkIn: date('check_in', { mode: 'string' }).notNull(),
    checkOut: date('check_out', { mode: 'string' }).notNull(),
    rooms: integer('rooms').notNull(),
    guests: integer('guests').notNull(),
    ...holdLifecycle(),
  },
  (t) => [
    index('room_holds_taken_idx').on(t.roomTypeId, t.checkIn).where(sql`${t.status} in ('active', 'converted')`),
    index('room_holds_due_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
    check('room_holds_stay_check', sql`${t.checkOut} > ${t.checkIn} and ${t.rooms} > 0`),
  ],
);

/** A date a package departs on: its own capacity and a price multiplier in basis points (10000 = list price). */
export const packageDepartures = inventory.table(
  'package_departures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => travelPackages.id),
    date: date('date', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    priceMultiplierBp: integer('price_multiplier_bp').notNull().default(10000),
  },
  (t) => [
    uniqueIndex('package_departures_package_date_idx').on(t.packageId, t.date),
    check('package_departures_capacity_check', sql`${t.capacity} >= 0 and ${t.priceMultiplierBp} > 0`),
  ],
);

/** Places held on one departure of a package. */
export const packageHolds = inventory.table(
  'package_holds',
  {
    ...holdIdentity(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => travelPackages.id),
    departureId: uuid('departure_id')
      .notNull()
      .references(() => packageDepartures.id),
    travelers: integer('travelers').notNull(),
    ...holdLifecycle(),
  },
  (t) => [
    index('package_holds_taken_idx').on(t.departureId).where(sql`${t.status} in ('active', 'converted')`),
    index('package_holds_due_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
    check('package_holds_travelers_check', sql`${t.travelers} > 0`),
  ],
);

/** What an operator reported about a flight; each row is one recordFlightStatus call. */
export const FLIGHT_STATUS_CHANGES = ['delayed', 'canceled', 'diverted', 'gate_changed', 'on_time'] as const;
export type FlightStatusChangeKind = (typeof FLIGHT_STATUS_CHANGES)[number];

/** The flight's operational history, newest last; the flights row holds the state it leads to. */
export const flightStatusChanges = inventory.table(
  'flight_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flightId: uuid('flight_id')
      .notNull()
      .references(() => flights.id),
    change: text('change', { enum: FLIGHT_STATUS_CHANGES }).notNull(),
    status: text('status', { enum: FLIGHT_STATUSES }).notNull(),
    estimatedDepartureAt: timestamp('estimated_departure_at', { withTimezone: true }),
    estimatedArrivalAt: timestamp('estimated_arrival_at', { withTimezone: true }),
    gate: text('gate'),
    divertedToCode: text('diverted_to_code').references(() => airports.code),
    /** Minutes past the scheduled departure, for delays. */
    delayMinutes: integer('delay_minutes'),
    reason: text('reason'),
    recordedById: uuid('recorded_by_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('flight_status_changes_flight_idx').on(t.flightId, t.occurredAt)],
);

export const outbox = outboxTable(inventory);
export const inbox = inboxTable(inventory);

export type AirportRow = typeof airports.$inferSelect;
export type AirlineRow = typeof airlines.$inferSelect;
export type FlightRow = typeof flights.$inferSelect;
export type FlightStatusChangeRow = typeof flightStatusChanges.$inferSelect;
export type SeatRow = typeof seats.$inferSelect;
export type HoldRow = typeof holds.$inferSelect;
export type HotelRow = typeof hotels.$inferSelect;
export type RoomTypeRow = typeof roomTypes.$inferSelect;
export type TravelPackageRow = typeof travelPackages.$inferSelect;
export type FlightCabinRow = typeof flightCabins.$inferSelect;
export type RoomHoldRow = typeof roomHolds.$inferSelect;
export type PackageDepartureRow = typeof packageDepartures.$inferSelect;
export type PackageHoldRow = typeof packageHolds.$inferSelect;
export type FareClassRow = typeof fareClasses.$inferSelect;
export type PackageItineraryDayRow = typeof packageItineraryDays.$inferSelect;
export type PackageSeasonRow = typeof packageSeasons.$inferSelect;
