import type { Executor } from '@travel/platform';
import { asc, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../db/raw.js';
import { airlines, airports, hotels, travelPackages, type AirlineRow, type AirportRow } from '../db/schema.js';

export type NewAirport = typeof airports.$inferInsert;
export type NewAirline = typeof airlines.$inferInsert;

/** Rows per multi-row insert: large enough to load fast, well under the 65,535 bind-parameter limit. */
const CHUNK = 1000;

/** A multi-row upsert may not touch one key twice; the last row for a key wins. */
function lastByKey<R>(rows: R[], keyOf: (row: R) => string): R[] {
  return [...new Map(rows.map((r) => [keyOf(r), r])).values()];
}

function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A city travelers can go to, with what the catalog has there. */
export interface DestinationRow {
  city: string;
  country: string;
  airportCodes: string[];
  hotelCount: number;
  packageCount: number;
}

export class AirportsRepository {
  constructor(private readonly db: Executor) {}

  async findByCodes(codes: readonly string[]): Promise<AirportRow[]> {
    if (codes.length === 0) return [];
    return this.db.select().from(airports).where(inArray(airports.code, [...codes]));
  }

  async findAirlinesByCodes(codes: readonly string[]): Promise<AirlineRow[]> {
    if (codes.length === 0) return [];
    return this.db.select().from(airlines).where(inArray(airlines.code, [...codes]));
  }

  /** Prefix match on code, city or name, ranked: exact code, code prefix, city prefix, name prefix. */
  async search(text: string | null, limit: number): Promise<AirportRow[]> {
    const term = text?.trim() ?? '';
    if (term === '') return this.db.select().from(airports).orderBy(asc(airports.code)).limit(limit);
    const prefix = likePrefix(term);
    const rank = sql`case
      when upper(${airports.code}) = upper(${term}) then 0
      when ${airports.code} ilike ${prefix} then 1
      when ${airports.city} ilike ${prefix} then 2
      else 3 end`;
    return this.db
      .select()
      .from(airports)
      .where(sql`${airports.code} ilike ${prefix} or ${airports.city} ilike ${prefix} or ${airports.name} ilike ${prefix}`)
      .orderBy(rank, asc(airports.city), asc(airports.name), asc(airports.code))
      .limit(limit);
  }

  /**
   * Cities whose name starts with `text`, from airports, hotels
   * and packages together; cities with most on offer first.
   */
  async destinations(text: string, limit: number): Promise<DestinationRow[]> {
    const prefix = likePrefix(text.trim());
    const result = await this.db.execute(sql`
      with places as (
        select ${airports.city} as city, ${airports.country} as country, 'airport' as kind, ${airports.code} as code from ${airports} where ${airports.city} ilike ${prefix}
        union all select ${hotels.city}, ${hotels.country}, 'hotel', null from ${hotels} where ${hotels.city} ilike ${prefix}
        union all select ${travelPackages.destinationCity}, ${travelPackages.destinationCountry}, 'package', null from ${travelPackages} where ${travelPackages.destinationCity} ilike ${prefix}
      )
      select city, country,
        coalesce(string_agg(distinct code, ',' order by code), '') as "airportCodes",
        (count(*) filter (where kind = 'hotel'))::int as "hotelCount",
        (count(*) filter (where kind = 'package'))::int as "packageCount"
      from places group by city, country
      order by count(*) desc, city, country
      limit ${limit}`);
    return rowsOf<Omit<DestinationRow, 'airportCodes'> & { airportCodes: string }>(result).map((r) => ({
      ...r,
      airportCodes: r.airportCodes ? r.airportCodes.split(',') : [],
      hotelCount: Number(r.hotelCount),
      packageCount: Number(r.packageCount),
    }));
  }

  /** Inserts or refreshes airports by code; returns how many rows were written. */
  async upsert(input: NewAirport[], db: Executor = this.db): Promise<number> {
    const rows = lastByKey(input, (r) => r.code);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insert(airports)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: airports.code,
          set: {
            name: sql`excluded.name`,
            city: sql`excluded.city`,
            country: sql`excluded.country`,
            latitude: sql`excluded.latitude`,
            longitude: sql`excluded.longitude`,
            timeZone: sql`excluded.time_zone`,
            minConnectionMinutes: sql`excluded.min_connection_minutes`,
          },
        });
    }
    return rows.length;
  }

  async upsertAirlines(input: NewAirline[], db: Executor = this.db): Promise<number> {
    const rows = lastByKey(input, (r) => r.code);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insert(airlines)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({ target: airlines.code, set: { name: sql`excluded.name`, country: sql`excluded.country` } });
    }
    return rows.length;
  }
}
