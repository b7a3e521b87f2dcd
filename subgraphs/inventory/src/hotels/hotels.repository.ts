import type { Executor } from '@travel/platform';
import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { hotels, roomTypes, type HotelRow, type RoomTypeRow } from '../db/schema.js';

export type NewHotel = typeof hotels.$inferInsert;
export type NewRoomType = typeof roomTypes.$inferInsert;
/** Sort key of hotel lists: name, then id for ties. */
export type HotelCursor = [name: string, id: string];

const CHUNK = 1000;

function inCity(city: string): SQL {
  return sql`lower(${hotels.city}) = lower(${city.trim()})`;
}

export class HotelsRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[]): Promise<HotelRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(hotels).where(inArray(hotels.id, [...ids]));
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
