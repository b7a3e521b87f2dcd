import type { Executor, Transaction } from '@travel/platform';
import { and, asc, eq, getTableColumns, gt, gte, inArray, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import {
  packageDepartures,
  packageHolds,
  packageItineraryDays,
  packageSeasons,
  travelPackages,
  type PackageDepartureRow,
  type PackageItineraryDayRow,
  type PackageSeasonRow,
  type TravelPackageRow,
} from '../db/schema.js';

export type NewTravelPackage = typeof travelPackages.$inferInsert;
/** Sort key of package lists: title, then id for ties. */
export type TravelPackageCursor = [title: string, id: string];

const CHUNK = 1000;

export type NewPackageDeparture = typeof packageDepartures.$inferInsert;

export interface PackageSearch {
  /** Words to find in title and description (web search syntax: quotes, or, -word). */
  text: string | null;
  category: string | null;
  minDays: number | null;
  maxDays: number | null;
  minPrice: number | null;
  maxPrice: number | null;
  destination: string | null;
}

/** A package matching a search, with its text relevance (0 without text). */
export type PackageCandidate = TravelPackageRow & { rank: number };

/** Places taken on a departure: sold, or held and not run out. */
function takenPlaces(departureId: SQLWrapper, now: Date, exceptHoldId?: string): SQL {
  return sql`(select coalesce(sum(${packageHolds.travelers}), 0)::int from ${packageHolds}
    where ${packageHolds.departureId} = ${departureId}
    and (${packageHolds.status} = 'converted' or (${packageHolds.status} = 'active' and ${packageHolds.expiresAt} > ${now.toISOString()}::timestamptz))
    ${exceptHoldId ? sql`and ${packageHolds.id} <> ${exceptHoldId}::uuid` : sql``})`;
}

/** The multiplier (basis points) of the season a departure date falls in; 10000 outside every season. */
function seasonMultiplier(packageId: SQLWrapper, date: SQLWrapper): SQL<number> {
  return sql<number>`coalesce((select ${packageSeasons.priceMultiplierBp} from ${packageSeasons}
    where ${packageSeasons.packageId} = ${packageId} and ${date} between ${packageSeasons.startsOn} and ${packageSeasons.endsOn}
    order by ${packageSeasons.startsOn} desc limit 1), 10000)::int`;
}

export type DepartureView = PackageDepartureRow & { placesLeft: number; seasonMultiplierBp: number };
export type NewPackageItineraryDay = typeof packageItineraryDays.$inferInsert;
export type NewPackageSeason = typeof packageSeasons.$inferInsert;

const DOCUMENT = sql`to_tsvector('english', ${travelPackages.title} || ' ' || ${travelPackages.description})`;

export class PackagesRepository {
  constructor(private readonly db: Executor) {}

  async findByIds(ids: readonly string[], db: Executor = this.db): Promise<TravelPackageRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(travelPackages).where(inArray(travelPackages.id, [...ids]));
  }

  /**
   * Packages matching the filters; with text, PostgreSQL full-text search
   * over title and description (the GIN index on the same expression), ranked
   * by ts_rank.
   */
  async search(q: PackageSearch): Promise<PackageCandidate[]> {
    const query = q.text ? sql`websearch_to_tsquery('english', ${q.text})` : null;
    const rows = await this.db
      .select({ ...getTableColumns(travelPackages), rank: query ? sql<number>`ts_rank(${DOCUMENT}, ${query})::float8`.as('rank') : sql<number>`0::float8`.as('rank') })
      .from(travelPackages)
      .where(
        and(
          query ? sql`${DOCUMENT} @@ ${query}` : undefined,
          q.category ? sql`lower(${travelPackages.category}) = lower(${q.category})` : undefined,
          q.destination ? sql`lower(${travelPackages.destinationCity}) = lower(${q.destination})` : undefined,
          q.minDays != null ? gte(travelPackages.durationDays, q.minDays) : undefined,
          q.maxDays != null ? lte(travelPackages.durationDays, q.maxDays) : undefined,
          q.minPrice != null ? gte(travelPackages.priceMinor, q.minPrice) : undefined,
          q.maxPrice != null ? lte(travelPackages.priceMinor, q.maxPrice) : undefined,
        ),
      )
      .limit(5000);
    return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
  }

  /** Departures of packages between two dates, each with its places left now. */
  async departuresOf(packageIds: readonly string[], from: string | null, to: string | null, now: Date): Promise<DepartureView[]> {
    if (packageIds.length === 0) return [];
    return this.db
      .select({
        ...getTableColumns(packageDepartures),
        placesLeft: sql<number>`${packageDepartures.capacity} - ${takenPlaces(packageDepartures.id, now)}`,
        seasonMultiplierBp: seasonMultiplier(packageDepartures.packageId, packageDepartures.date),
      })
      .from(packageDepartures)
      .where(
        and(
          inArray(packageDepartures.packageId, [...packageIds]),
          from ? gte(packageDepartures.date, from) : undefined,
          to ? lte(packageDepartures.date, to) : undefined,
        ),
      )
      .orderBy(asc(packageDepartures.date));
  }

  /** Locks a departure: every hold decision on it is taken by one transaction at a time, whatever the process. */
  async lockDeparture(tx: Transaction, packageId: string, date: string): Promise<PackageDepartureRow | undefined> {
    const [row] = await tx
      .select()
      .from(packageDepartures)
      .where(and(eq(packageDepartures.packageId, packageId), eq(packageDepartures.date, date)))
      .for('update');
    return row;
  }

  /** The season multiplier of one departure date, read in the hold's transaction. */
  async seasonMultiplierBp(packageId: string, date: string, db: Executor = this.db): Promise<number> {
    const [row] = await db.select({ bp: seasonMultiplier(sql`${packageId}::uuid`, sql`${date}::date`) }).from(sql`(select 1) as one`);
    return Number(row?.bp ?? 10000);
  }

  async itineraryOf(packageIds: readonly string[]): Promise<PackageItineraryDayRow[]> {
    if (packageIds.length === 0) return [];
    return this.db
      .select()
      .from(packageItineraryDays)
      .where(inArray(packageItineraryDays.packageId, [...packageIds]))
      .orderBy(asc(packageItineraryDays.day));
  }

  async seasonsOf(packageIds: readonly string[]): Promise<PackageSeasonRow[]> {
    if (packageIds.length === 0) return [];
    return this.db
      .select()
      .from(packageSeasons)
      .where(inArray(packageSeasons.packageId, [...packageIds]))
      .orderBy(asc(packageSeasons.startsOn));
  }

  /** Sets a package's program days; an existing day number is rewritten. */
  async upsertItinerary(values: NewPackageItineraryDay[], db: Executor = this.db): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db
        .insert(packageItineraryDays)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [packageItineraryDays.packageId, packageItineraryDays.day],
          set: { title: sql`excluded.title`, description: sql`excluded.description` },
        });
    }
    return values.length;
  }

  /** Adds or updates seasons by package and first date. */
  async upsertSeasons(values: NewPackageSeason[], db: Executor = this.db): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db
        .insert(packageSeasons)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [packageSeasons.packageId, packageSeasons.startsOn],
          set: { name: sql`excluded.name`, endsOn: sql`excluded.ends_on`, priceMultiplierBp: sql`excluded.price_multiplier_bp` },
        });
    }
    return values.length;
  }

  async departuresByIds(ids: readonly string[], db: Executor = this.db): Promise<PackageDepartureRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(packageDepartures).where(inArray(packageDepartures.id, [...new Set(ids)]));
  }

  async lockDepartureById(tx: Transaction, id: string): Promise<PackageDepartureRow | undefined> {
    const [row] = await tx.select().from(packageDepartures).where(eq(packageDepartures.id, id)).for('update');
    return row;
  }

  async takenPlaces(departureId: string, now: Date, db: Executor = this.db, exceptHoldId?: string): Promise<number> {
    const [row] = await db.select({ taken: takenPlaces(sql`${departureId}::uuid`, now, exceptHoldId) }).from(sql`(select 1) as one`);
    return Number(row?.taken ?? 0);
  }

  /** Adds or updates departures by package and date. */
  async upsertDepartures(values: NewPackageDeparture[], db: Executor = this.db): Promise<number> {
    for (let i = 0; i < values.length; i += CHUNK) {
      await db
        .insert(packageDepartures)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [packageDepartures.packageId, packageDepartures.date],
          set: { capacity: sql`excluded.capacity`, priceMultiplierBp: sql`excluded.price_multiplier_bp` },
        });
    }
    return values.length;
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
