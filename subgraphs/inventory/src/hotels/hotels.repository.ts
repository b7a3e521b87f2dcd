import type { Executor, Transaction } from '@travel/platform';
import { and, asc, between, eq, getTableColumns, gt, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../db/raw.js';
import { hotels, roomHolds, roomTypes, type HotelRow, type RoomTypeRow } from '../db/schema.js';

export type NewHotel = typeof hotels.$inferInsert;
export type NewRoomType = typeof roomTypes.$inferInsert;
/** Sort key of hotel lists: name, then id for ties. */
export type HotelCursor = [name: string, id: string];

const CHUNK = 1000;

function inCity(city: string): SQL {
  return sql`lower(${hotels.city}) = lower(${city.trim()})`;
}

/** A hotel matching a search's place and rating, with its distance from the point searched near, if any. */
export type HotelCandidate = HotelRow & { distanceKm: number | null };

export interface HotelPlace {
  city: string | null;
  near: { latitude: number; longitude: number; radiusKm: number } | null;
  minRating: number | null;
}

/** Rooms of one room type taken on one night (sold, or held and not run out). */
export interface TakenNight {
  roomTypeId: string;
  night: string;
  taken: number;
}

const EARTH_RADIUS_KM = 6371;

/** Latitude and longitude limits around a point; near a pole or the antimeridian longitude is left open. */
function boundingBox(lat: number, lon: number, radiusKm: number) {
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cos = Math.cos((lat * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 360 : dLat / cos;
  return {
    minLat: lat - dLat,
    maxLat: lat + dLat,
    minLon: lon - dLon,
    maxLon: lon + dLon,
    wrapsLongitude: lon - dLon < -180 || lon + dLon > 180,
  };
}

export class HotelsRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[], db: Executor = this.db): Promise<HotelRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(hotels).where(inArray(hotels.id, [...ids]));
  }

  async listByCity(city: string, limit: number, after: HotelCursor | null): Promise<HotelRow[]> {
    const afterClause = after ? or(gt(hotels.name, after[0]), and(eq(hotels.name, after[0]), gt(hotels.id, after[1]))) : undefined;
    return this.db
      .select()
      .from(hotels)
      .where(and(inCity(city), afterClause))
      .orderBy(asc(hotels.name), asc(hotels.id))
      .limit(limit + 1);
  }

  async countByCity(city: string): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(hotels).where(inCity(city));
    return row?.n ?? 0;
  }

  /**
   * Hotels in a city, or within a radius of a point (great-circle distance;
   * a bounding box first so the position index can narrow it down).
   */
  async searchCandidates(place: HotelPlace): Promise<HotelCandidate[]> {
    const near = place.near;
    const distance = near
      ? sql<number>`(${2 * EARTH_RADIUS_KM} * asin(sqrt(power(sin(radians(${hotels.latitude} - ${near.latitude}) / 2), 2)
          + cos(radians(${near.latitude})) * cos(radians(${hotels.latitude})) * power(sin(radians(${hotels.longitude} - ${near.longitude}) / 2), 2))))`
      : sql<null>`null::float8`;
    const box = near ? boundingBox(near.latitude, near.longitude, near.radiusKm) : null;
    const rows = await this.db
      .select({ ...getTableColumns(hotels), distanceKm: sql<number | null>`${distance}`.as('distance_km') })
      .from(hotels)
      .where(
        and(
          place.city ? inCity(place.city) : undefined,
          box ? and(between(hotels.latitude, box.minLat, box.maxLat), box.wrapsLongitude ? undefined : between(hotels.longitude, box.minLon, box.maxLon)) : undefined,
          near ? sql`${distance} <= ${near.radiusKm}` : undefined,
          place.minRating ? gte(hotels.starRating, place.minRating) : undefined,
        ),
      );
    return rows.map((r) => ({ ...r, distanceKm: r.distanceKm === null ? null : Number(r.distanceKm) }));
  }

  async roomTypesByIds(ids: readonly string[], db: Executor = this.db): Promise<RoomTypeRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(roomTypes).where(inArray(roomTypes.id, [...ids]));
  }

  /** Locks a room type: every hold decision on its nights is taken by one transaction at a time, whatever the process. */
  async lockRoomType(tx: Transaction, id: string): Promise<RoomTypeRow | undefined> {
    const [row] = await tx.select().from(roomTypes).where(eq(roomTypes.id, id)).for('update');
    return row;
  }

  /**
   * Rooms taken per room type and night of [checkIn, checkOut): sold holds,
   * and active ones that have not run out, so a crashed sweeper never makes
   * rooms look taken. `exceptHoldId` leaves one hold out (to re-check it).
   */
  async takenNights(roomTypeIds: readonly string[], checkIn: string, checkOut: string, now: Date, db: Executor = this.db, exceptHoldId?: string): Promise<TakenNight[]> {
    if (roomTypeIds.length === 0) return [];
    const result = await db.execute(sql`
      select rh.room_type_id as "roomTypeId", to_char(n.night, 'YYYY-MM-DD') as night, sum(rh.rooms)::int as taken
      from generate_series(${checkIn}::date, ${checkOut}::date - 1, interval '1 day') as n(night)
      join ${roomHolds} rh on rh.check_in <= n.night::date and rh.check_out > n.night::date
      where rh.room_type_id in (${sql.join(roomTypeIds.map((id) => sql`${id}::uuid`), sql`, `)})
        and (rh.status = 'converted' or (rh.status = 'active' and rh.expires_at > ${now.toISOString()}::timestamptz))
        ${exceptHoldId ? sql`and rh.id <> ${exceptHoldId}::uuid` : sql``}
      group by rh.room_type_id, n.night`);
    return rowsOf<TakenNight>(result).map((r) => ({ ...r, taken: Number(r.taken) }));
  }

  async roomTypesOf(hotelIds: readonly string[]): Promise<RoomTypeRow[]> {
    if (hotelIds.length === 0) return [];
    return this.db
      .select()
      .from(roomTypes)
      .where(inArray(roomTypes.hotelId, [...hotelIds]))
      .orderBy(asc(roomTypes.nightlyRateMinor), asc(roomTypes.name));
  }

  /** Inserts hotels, skipping those whose name and city exist; returns only the new rows. */
  async insertNew(values: NewHotel[], db: Executor = this.db): Promise<HotelRow[]> {
    const inserted: HotelRow[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      inserted.push(
        ...(await db
          .insert(hotels)
          .values(values.slice(i, i + CHUNK))
          .onConflictDoNothing({ target: [hotels.name, hotels.city] })
          .returning()),
      );
    }
    return inserted;
  }

  async insertRoomTypes(values: NewRoomType[], db: Executor = this.db): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db
        .insert(roomTypes)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoNothing({ target: [roomTypes.hotelId, roomTypes.name] });
    }
    return values.length;
  }
}
