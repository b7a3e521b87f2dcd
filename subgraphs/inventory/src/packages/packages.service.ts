import { pageArgs, type Clock, parseInput } from '@travel/platform';
import { z } from 'zod';
import type { TravelPackageRow } from '../db/schema.js';
import { countBy, pageOf, priceBuckets, sortKeyCursor, type PriceBucketFacet, type SortKey } from '../search/facets.js';
import type { DepartureView, PackageCandidate, PackagesRepository } from './packages.repository.js';

export const PACKAGE_SORTS = ['relevance', 'price', 'duration', 'title'] as const;
export type PackageSort = (typeof PACKAGE_SORTS)[number];

const days = (field: string) => z.number().int().min(1, { error: `${field} must be at least 1` });
const searchInput = z
  .object({
    text: z.string().trim().max(200, { error: 'text is at most 200 characters' }).nullish(),
    category: z.string().trim().min(1).nullish(),
    destination: z.string().trim().min(1).nullish(),
    minDays: days('minDays').nullish(),
    maxDays: days('maxDays').nullish(),
    minPrice: z.number().int().min(0).nullish(),
    maxPrice: z.number().int().min(0).nullish(),
    departingFrom: z.iso.date({ error: 'departingFrom must be YYYY-MM-DD' }).nullish(),
    departingTo: z.iso.date({ error: 'departingTo must be YYYY-MM-DD' }).nullish(),
    travelers: z.number().int().min(1, { error: 'travelers must be at least 1' }).nullish(),
    sort: z.enum(PACKAGE_SORTS).nullish(),
  })
  .refine((v) => v.minDays == null || v.maxDays == null || v.minDays <= v.maxDays, { error: 'minDays must not exceed maxDays', path: ['maxDays'] })
  .refine((v) => !v.departingFrom || !v.departingTo || v.departingFrom <= v.departingTo, { error: 'departingTo must not be before departingFrom', path: ['departingTo'] })
  .refine((v) => v.sort !== 'relevance' || v.text, { error: 'RELEVANCE sorting needs text', path: ['sort'] });

export interface PackageSearchResult {
  edges: { cursor: string; node: TravelPackageRow; relevance: number; departures: DepartureView[] | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  facets: { categories: { category: string; count: number }[]; durations: { days: number; count: number }[]; priceBuckets: PriceBucketFacet[] };
}

function keyOf(p: PackageCandidate, sort: PackageSort): SortKey {
  if (sort === 'relevance') return [-p.rank, p.priceMinor, p.id];
  if (sort === 'duration') return [p.durationDays, p.priceMinor, p.id];
  if (sort === 'title') return [p.title, 0, p.id];
  return [p.priceMinor, p.durationDays, p.id];
}

/**
 * Package search: full text over title and description, category,
 * destination, length and price; with dates, only packages with a departure
 * in them that has places for the party (sold and unexpired holds count).
 */
export class PackagesService {
  constructor(
    private readonly packages: PackagesRepository,
    private readonly clock: Clock,
  ) {}

  async search(input: unknown, page: { first?: number | null; after?: string | null }): Promise<PackageSearchResult> {
    const q = parseInput(searchInput, input);
    const { limit } = pageArgs({ first: page.first });
    const after = sortKeyCursor(page.after, 3);
    let candidates = await this.packages.search({
      text: q.text || null,
      category: q.category ?? null,
      destination: q.destination ?? null,
      minDays: q.minDays ?? null,
      maxDays: q.maxDays ?? null,
      minPrice: q.minPrice ?? null,
      maxPrice: q.maxPrice ?? null,
    });
    let departures: Map<string, DepartureView[]> | null = null;
    if (q.departingFrom || q.departingTo || q.travelers) {
      const travelers = q.travelers ?? 1;
      const found = await this.packages.departuresOf(
        candidates.map((c) => c.id),
        q.departingFrom ?? this.clock.now().toISOString().slice(0, 10),
        q.departingTo ?? null,
        this.clock.now(),
      );
      departures = new Map();
      for (const d of found.filter((d) => d.placesLeft >= travelers)) departures.set(d.packageId, [...(departures.get(d.packageId) ?? []), d]);
      candidates = candidates.filter((c) => departures!.has(c.id));
    }
    const sort = q.sort ?? (q.text ? 'relevance' : 'price');
    const { page: rows, hasNextPage, endCursor } = pageOf(candidates, (p) => keyOf(p, sort), limit, after);
    return {
      edges: rows.map(({ row, cursor }) => {
        const { rank, ...node } = row;
        return { cursor, node, relevance: rank, departures: departures?.get(row.id) ?? null };
      }),
      pageInfo: { hasNextPage, endCursor },
      totalCount: candidates.length,
      facets: {
        categories: countBy(candidates, (c) => c.category)
          .map(([category, count]) => ({ category, count }))
          .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
        durations: countBy(candidates, (c) => c.durationDays)
          .map(([d, count]) => ({ days: d, count }))
          .sort((a, b) => a.days - b.days),
        priceBuckets: priceBuckets(
          candidates.map((c) => c.priceMinor),
          candidates[0]?.currency ?? 'USD',
        ),
      },
    };
  }
}
