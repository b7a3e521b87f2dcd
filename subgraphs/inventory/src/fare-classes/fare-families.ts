import type { Cabin, FareFamily, FareClassRow } from '../db/schema.js';

export type NewFareClass = Omit<FareClassRow, 'id'>;

/**
 * What each family of a cabin costs and allows, relative to the cabin's base
 * fare (basis points, 10000 = base fare). The catalog derives a flight's fare
 * classes from these when the loader gives none.
 */
const FAMILY_RULES: Readonly<Record<FareFamily, { multiplierBp: number; refundable: boolean; changeFeeBp: number | null; checkedBags: number; carryOnBags: number }>> = {
  basic: { multiplierBp: 8_500, refundable: false, changeFeeBp: null, checkedBags: 0, carryOnBags: 1 },
  standard: { multiplierBp: 10_000, refundable: false, changeFeeBp: 1_500, checkedBags: 1, carryOnBags: 1 },
  flex: { multiplierBp: 14_000, refundable: true, changeFeeBp: 0, checkedBags: 2, carryOnBags: 1 },
};

/** IATA-style booking codes per cabin and family (Y full-fare economy, J business, F first...). */
const BOOKING_CODES: Readonly<Record<Cabin, Record<FareFamily, string>>> = {
  economy: { basic: 'N', standard: 'M', flex: 'Y' },
  premium_economy: { basic: 'E', standard: 'H', flex: 'W' },
  business: { basic: 'I', standard: 'D', flex: 'J' },
  first: { basic: 'A', standard: 'A', flex: 'F' },
};

function ofBase(baseMinor: number, bp: number): number {
  return Number((BigInt(baseMinor) * BigInt(bp)) / 10_000n);
}

/** The three fare classes of one cabin of a flight, priced from the cabin's base fare. */
export function defaultFareClasses(flightId: string, cabin: Cabin, baseFareMinor: number, currency: string): NewFareClass[] {
  return (Object.keys(FAMILY_RULES) as FareFamily[]).map((fareFamily) => {
    const rules = FAMILY_RULES[fareFamily];
    const priceMinor = ofBase(baseFareMinor, rules.multiplierBp);
    return {
      flightId,
      cabin,
      fareFamily,
      bookingCode: BOOKING_CODES[cabin][fareFamily],
      priceMinor,
      currency,
      refundable: rules.refundable,
      changeFeeMinor: rules.changeFeeBp === null ? null : ofBase(priceMinor, rules.changeFeeBp),
      checkedBags: rules.checkedBags,
      carryOnBags: rules.carryOnBags,
    };
  });
}
