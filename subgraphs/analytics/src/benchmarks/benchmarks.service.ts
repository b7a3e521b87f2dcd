import { parseInput, requireRole, type Clock, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { BenchmarkFareRow } from '../db/schema.js';
import type { Range } from '../reports/reports.repository.js';
import { byCurrency, type MoneyAmount } from '../spend/spend.service.js';
import type { BenchmarksRepository } from './benchmarks.repository.js';

const airport = (field: string) => z.string().regex(/^[A-Z]{3}$/, { error: `${field} must be an IATA airport code` });

const setBenchmarkInput = z
  .object({
    origin: airport('origin'),
    destination: airport('destination'),
    cabin: z.enum(['economy', 'premium_economy', 'business', 'first'], { error: 'cabin must be a cabin class' }),
    amount: z.object({
      amount: z.int().min(0, { error: 'amount must not be negative' }).max(Number.MAX_SAFE_INTEGER),
      currency: z.string().regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code' }),
    }),
  })
  .refine((x) => x.origin !== x.destination, { error: 'origin and destination must differ', path: ['destination'] });

export interface SavingsReport {
  total: MoneyAmount[];
  segmentsCompared: number;
  segmentsWithoutBenchmark: number;
  byDepartment: { department: string | null; savings: MoneyAmount[]; segments: number }[];
  byBooking: { bookingId: string; savings: MoneyAmount; segments: number }[];
}

/**
 * Benchmark fares finance sets per route and cabin, and the savings of
 * booked flights against them: benchmark minus price paid, per segment, in
 * the booking's currency only (never converted; a benchmark in another
 * currency does not apply). Negative savings mean paying above benchmark.
 */
export class BenchmarksService {
  constructor(
    private readonly repository: BenchmarksRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async set(viewer: Viewer | null, input: unknown): Promise<BenchmarkFareRow> {
    const actor = requireRole(viewer, 'finance');
    const data = parseInput(setBenchmarkInput, input, 'input');
    return this.uow.run(({ tx }) =>
      this.repository.upsert(
        {
          orgId: actor.orgId,
          origin: data.origin,
          destination: data.destination,
          cabin: data.cabin,
          amountMinor: data.amount.amount,
          currency: data.amount.currency,
          updatedAt: this.clock.now(),
          updatedById: actor.personId,
        },
        tx,
      ),
    );
  }

  list(orgId: string): Promise<BenchmarkFareRow[]> {
    return this.repository.forOrganization(orgId);
  }

  async savings(orgId: string, r: Range, bookingLimit = 100): Promise<SavingsReport> {
    const [totals, departments, bookings, priced] = await Promise.all([
      this.repository.savings(orgId, 'currency', r),
      this.repository.savings(orgId, 'department', r),
      this.repository.savings(orgId, 'booking', r, bookingLimit),
      this.repository.pricedFlights(orgId, r),
    ]);
    const compared = totals.reduce((n, x) => n + x.segments, 0);
    const groups = new Map<string | null, { department: string | null; savings: MoneyAmount[]; segments: number }>();
    for (const row of departments) {
      const g = groups.get(row.key) ?? { department: row.key, savings: [], segments: 0 };
      g.savings.push({ amount: row.savingsMinor, currency: row.currency });
      g.segments += row.segments;
      groups.set(row.key, g);
    }
    // Alphabetical, the department-less group last, as in byDepartment.
    const ordered = [...groups.values()].sort((a, b) => (a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department)));
    return {
      total: totals.map((x) => ({ amount: x.savingsMinor, currency: x.currency })).sort(byCurrency),
      segmentsCompared: compared,
      segmentsWithoutBenchmark: priced - compared,
      byDepartment: ordered.map((g) => ({ ...g, savings: g.savings.sort(byCurrency) })),
      byBooking: bookings.map((x) => ({ bookingId: x.key!, savings: { amount: x.savingsMinor, currency: x.currency }, segments: x.segments })),
    };
  }
}
