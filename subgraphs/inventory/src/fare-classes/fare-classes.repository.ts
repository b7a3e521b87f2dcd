import type { Executor } from '@travel/platform';
import { asc, inArray } from 'drizzle-orm';
import { fareClasses, type FareClassRow } from '../db/schema.js';
import type { NewFareClass } from './fare-families.js';

const CHUNK = 1000;

export class FareClassesRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[], db: Executor = this.db): Promise<FareClassRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(fareClasses).where(inArray(fareClasses.id, [...ids]));
  }

  /** Fare classes of the flights, cheapest first. */
  async findByFlightIds(flightIds: readonly string[], db: Executor = this.db): Promise<FareClassRow[]> {
    if (flightIds.length === 0) return [];
    return db
      .select()
      .from(fareClasses)
      .where(inArray(fareClasses.flightId, [...flightIds]))
      .orderBy(asc(fareClasses.priceMinor), asc(fareClasses.id));
  }

  async insertMany(values: NewFareClass[], db: Executor = this.db): Promise<void> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db.insert(fareClasses).values(values.slice(i, i + CHUNK)).onConflictDoNothing();
    }
  }
}
