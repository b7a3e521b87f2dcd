import type { Executor } from '@travel/platform';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { benchmarkFares, bookingFacts, segmentFacts, type BenchmarkFareRow } from '../db/schema.js';
import type { Range } from '../reports/reports.repository.js';

const t = benchmarkFares;
const b = bookingFacts;
const s = segmentFacts;

export interface SavingsRow {
  key: string | null;
  currency: string;
  savingsMinor: bigint;
  segments: number;
}

export class BenchmarksRepository {
  constructor(private readonly db: Executor) {}

  /** One benchmark per organization, route and cabin: setting it again replaces it. */
  async upsert(row: BenchmarkFareRow, tx: Executor): Promise<BenchmarkFareRow> {
    const [saved] = await tx
      .insert(t)
      .values(row)
      .onConflictDoUpdate({
        target: [t.orgId, t.origin, t.destination, t.cabin],
        set: { amountMinor: sql`excluded.amount_minor`, currency: sql`excluded.currency`, updatedAt: sql`excluded.updated_at`, updatedById: sql`excluded.updated_by_id` },
      })
      .returning();
    return saved!;
  }

  async forOrganization(orgId: string): Promise<BenchmarkFareRow[]> {
    return this.db.select().from(t).where(eq(t.orgId, orgId)).orderBy(asc(t.origin), asc(t.destination), asc(t.cabin));
  }

  /**
   * Benchmark minus price paid, summed per group, over the priced flight
   * segments of bookings confirmed (and not canceled) in the range whose
   * route and cabin have a benchmark in the booking's currency. Grouped by
   * department or booking; sums in SQL over bigint, returned as text.
   */
  async savings(orgId: string, by: 'department' | 'booking' | 'currency', r: Range, limit?: number): Promise<SavingsRow[]> {
    const key = by === 'department' ? sql<string | null>`${b.department}` : by === 'booking' ? sql<string | null>`${b.bookingId}::text` : sql<string | null>`null::text`;
    const saved = sql`sum(${t.amountMinor} - ${s.amountMinor})`;
    const query = this.db
      .select({ key, currency: sql<string>`${t.currency}`, savings: sql<string>`${saved}::text`, segments: sql<number>`count(*)::int` })
      .from(s)
      .innerJoin(b, and(eq(b.bookingId, s.bookingId), eq(b.orgId, orgId)))
      .innerJoin(t, and(eq(t.orgId, orgId), eq(t.origin, s.origin), eq(t.destination, s.destination), eq(t.cabin, s.cabin), eq(t.currency, b.currency)))
      .where(and(eq(s.orgId, orgId), eq(s.kind, 'flight'), sql`${s.amountMinor} is not null`, sql`${b.status} = 'confirmed'`, gte(b.confirmedAt, r.from), lt(b.confirmedAt, r.to)))
      .groupBy(key, t.currency)
      .orderBy(desc(saved), asc(key), asc(t.currency));
    const rows = limit === undefined ? await query : await query.limit(limit);
    return rows.map((x) => ({ key: x.key, currency: x.currency, savingsMinor: BigInt(x.savings), segments: Number(x.segments) }));
  }

  /** Priced flight segments of confirmed bookings in the range, for the "compared out of how many" figure. */
  async pricedFlights(orgId: string, r: Range): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s)
      .innerJoin(b, and(eq(b.bookingId, s.bookingId), eq(b.orgId, orgId)))
      .where(and(eq(s.orgId, orgId), eq(s.kind, 'flight'), sql`${s.amountMinor} is not null`, sql`${b.status} = 'confirmed'`, gte(b.confirmedAt, r.from), lt(b.confirmedAt, r.to)));
    return Number(row?.n ?? 0);
  }
}
