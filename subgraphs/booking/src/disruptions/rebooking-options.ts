import type { EventPayloads } from '@travel/platform';
import { CABINS, type Cabin, type SegmentRow } from '../db/schema.js';

export type Alternative = EventPayloads['inventory.flight.status_changed']['alternatives'][number];

/** An alternative flight in the disrupted segment's cabin, before ranking. */
export interface RebookingOption {
  flightId: string;
  flightNumber: string;
  cabin: Cabin;
  departAt: Date;
  arriveAt: Date;
  stops: number;
  fareMinor: number;
  currency: string;
  seatsLeft: number;
}

/** Most suggestions kept per disruption. */
export const MAX_SUGGESTIONS = 5;
/** The default filter accepts fares up to this share above what the traveler paid (1.5 = +50 %). */
export const MAX_FARE_RATIO = 1.5;

/**
 * Which options the traveler's travel policy allows. Policy has no bulk
 * evaluation of offers yet; when it gains one (an entity or query answering
 * many offers at once for a traveler), an implementation of this interface
 * asks it and replaces `defaultRebookingFilter` in server.ts.
 */
export interface RebookingFilter {
  allowed(segment: SegmentRow, options: RebookingOption[], context: { orgId: string; travelerId: string }): Promise<RebookingOption[]>;
}

/** Same cabin (already so by construction), and a fare no more than 50 % above the disrupted segment's price. */
export const defaultRebookingFilter: RebookingFilter = {
  allowed: async (segment, options) => options.filter((o) => o.currency === segment.currency && o.fareMinor <= Math.floor(segment.priceMinor * MAX_FARE_RATIO)),
};

/** The alternatives with seats in the segment's cabin, as options. */
export function optionsFor(segment: SegmentRow, alternatives: Alternative[]): RebookingOption[] {
  const cabin = segment.cabin ?? 'economy';
  return alternatives.flatMap((a) => {
    const c = a.cabins.find((x) => x.cabin === cabin && x.seatsLeft > 0 && (CABINS as readonly string[]).includes(x.cabin));
    return c
      ? [
          {
            flightId: a.flightId,
            flightNumber: a.flightNumber,
            cabin,
            departAt: new Date(a.departureAt),
            arriveAt: new Date(a.arrivalAt),
            stops: a.stops,
            fareMinor: c.fareAmount,
            currency: c.currency,
            seatsLeft: c.seatsLeft,
          },
        ]
      : [];
  });
}

/** Earliest arrival first, then the cheaper fare, then fewer stops. */
export function rankOptions(options: RebookingOption[]): RebookingOption[] {
  return [...options]
    .sort((a, b) => a.arriveAt.getTime() - b.arriveAt.getTime() || a.fareMinor - b.fareMinor || a.stops - b.stops || a.flightNumber.localeCompare(b.flightNumber))
    .slice(0, MAX_SUGGESTIONS);
}
