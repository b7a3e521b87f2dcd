import type { Cabin, SeatPosition } from '../db/schema.js';

/** One block of rows of the same cabin and seat arrangement. */
export interface CabinSection {
  cabin: Cabin;
  fromRow: number;
  toRow: number;
  /** Seat letters of a row left to right, a space for each aisle: 'AC DF', 'ABC DEF', 'ABC DEFG HJK'. */
  letters: string;
  /** Rows at an emergency exit; they also have extra legroom. */
  exitRows?: number[];
  /** Further rows with extra legroom (bulkheads). */
  extraLegroomRows?: number[];
  /** Rows that do not exist (many airlines skip 13). */
  skipRows?: number[];
}

export interface CabinLayout {
  sections: CabinSection[];
  /** Extra-legroom seats cost this much more than the cabin's base price, in percent. */
  extraLegroomSurchargePercent: number;
}

/** A narrow-body aircraft: 12 business and 156 economy seats. */
export const NARROW_BODY_LAYOUT: CabinLayout = {
  sections: [
    { cabin: 'business', fromRow: 1, toRow: 3, letters: 'AC DF', extraLegroomRows: [1] },
    { cabin: 'economy', fromRow: 10, toRow: 35, letters: 'ABC DEF', exitRows: [14, 15], extraLegroomRows: [10] },
  ],
  extraLegroomSurchargePercent: 20,
};

/** A wide-body aircraft with all four cabins. */
export const WIDE_BODY_LAYOUT: CabinLayout = {
  sections: [
    { cabin: 'first', fromRow: 1, toRow: 2, letters: 'A D G K' },
    { cabin: 'business', fromRow: 10, toRow: 16, letters: 'AC DG HK', extraLegroomRows: [10], skipRows: [13] },
    { cabin: 'premium_economy', fromRow: 20, toRow: 24, letters: 'AC DEFG HK', extraLegroomRows: [20] },
    { cabin: 'economy', fromRow: 30, toRow: 58, letters: 'ABC DEFG HJK', exitRows: [30, 45] },
  ],
  extraLegroomSurchargePercent: 15,
};

export interface SeatSpec {
  seatNumber: string;
  cabin: Cabin;
  position: SeatPosition;
  extraLegroom: boolean;
  exitRow: boolean;
  priceMinor: number;
}

function positionsOf(letters: string): { letter: string; position: SeatPosition }[] {
  const chars = [...letters];
  const seats: { letter: string; position: SeatPosition }[] = [];
  chars.forEach((letter, i) => {
    if (letter === ' ') return;
    const first = chars.slice(0, i).every((c) => c === ' ');
    const last = chars.slice(i + 1).every((c) => c === ' ');
    const byAisle = chars[i - 1] === ' ' || chars[i + 1] === ' ';
    seats.push({ letter, position: first || last ? 'window' : byAisle ? 'aisle' : 'middle' });
  });
  return seats;
}

/**
 * The seats of one flight: every section whose cabin has a base price (a
 * cabin without one is not sold on that flight), positions derived from the
 * aisles, surcharge on extra legroom.
 */
export function seatsFor(layout: CabinLayout, basePrices: Partial<Record<Cabin, number>>): SeatSpec[] {
  const seats: SeatSpec[] = [];
  for (const section of layout.sections) {
    const base = basePrices[section.cabin];
    if (base === undefined) continue;
    const row = positionsOf(section.letters);
    for (let n = section.fromRow; n <= section.toRow; n++) {
      if (section.skipRows?.includes(n)) continue;
      const exitRow = section.exitRows?.includes(n) ?? false;
      const extraLegroom = exitRow || (section.extraLegroomRows?.includes(n) ?? false);
      const priceMinor = extraLegroom ? Math.round((base * (100 + layout.extraLegroomSurchargePercent)) / 100) : base;
      for (const { letter, position } of row) {
        seats.push({ seatNumber: `${n}${letter}`, cabin: section.cabin, position, extraLegroom, exitRow, priceMinor });
      }
    }
  }
  return seats;
}

/** Seat-map order: row number, then letter. */
export function compareSeatNumbers(a: string, b: string): number {
  const rowA = Number.parseInt(a, 10);
  const rowB = Number.parseInt(b, 10);
  return rowA !== rowB ? rowA - rowB : a.localeCompare(b);
}
