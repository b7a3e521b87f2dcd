import type { Executor } from '@travel/platform';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { travelPackages, type TravelPackageRow } from '../db/schema.js';

export type NewTravelPackage = typeof travelPackages.$inferInsert;
/** Sort key of package lists: title, then id for ties. */
export type TravelPackageCursor = [title: string, id: string];

const CHUNK = 1000;

export class PackagesRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[]): Promise<TravelPackageRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(travelPackages).where(inArray(travelPackages.id, [...ids]));
  }

  async list(limit: number, after: TravelPackageCursor | null): Promise<TravelPackageRow[]> {
    const afterClause = after
      ? or(gt(travelPackages.title, after[0]), and(eq(travelPackages.title, after[0]), gt(travelPackages.id, after[1])))
      : undefined;
    return this.db
      .select()
      .from(travelPackages)
      .where(afterClause)
      .orderBy(asc(travelPackages.title), asc(travelPackages.id))
      .limit(limit + 1);
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(travelPackages);
    return row?.n ?? 0;
  }

  /** Inserts packages, skipping those whose title and destination city exist; returns how many were new. */
  async insertNew(values: NewTravelPackage[], db: Executor = this.db): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await db
        .insert(travelPackages)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoNothing({ target: [travelPackages.title, travelPackages.destinationCity] })
        .returning({ id: travelPackages.id });
      inserted += rows.length;
    }
    return inserted;
  }
}
