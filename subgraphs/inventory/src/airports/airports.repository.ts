import type { Executor } from '@travel/platform';
import { asc, inArray, sql } from 'drizzle-orm';
import { airlines, airports, type AirlineRow, type AirportRow } from '../db/schema.js';

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
