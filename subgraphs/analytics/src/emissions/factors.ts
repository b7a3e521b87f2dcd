/**
 * Emission factors for air travel, from the UK Government GHG Conversion
 * Factors for Company Reporting 2024 (Department for Energy Security and Net
 * Zero, DESNZ; formerly DEFRA/BEIS), sheet "Business travel- air", unit
 * kg CO2e per passenger.km, the "with RF" rows: they include the radiative
 * forcing uplift DESNZ applies for non-CO2 effects at altitude (a 1.7x
 * multiplier on the CO2 part in the 2024 methodology) and DESNZ's 8% uplift
 * on great-circle distance for routing, so they are applied to the plain
 * great-circle distance. The "without RF" figures are quoted alongside so a
 * reader can see the uplift; only the RF figures are used.
 *
 * Held as integer milligrams per passenger-km so segment figures are exact
 * integers and every sum stays exact.
 *
 * Bands, as DESNZ defines them: domestic (both ends in the UK); short-haul
 * to/from UK (under 3,700 km); long-haul to/from UK (3,700 km and over);
 * international to/from non-UK (neither end in the UK).
 */
export type Haul = 'domestic' | 'short_haul' | 'long_haul' | 'international';
export type FactorCabin = 'economy' | 'premium_economy' | 'business' | 'first';

export const FACTOR_SOURCE = 'UK DESNZ GHG Conversion Factors 2024, Business travel- air, with RF (kg CO2e per passenger.km)';

/** kg CO2e / passenger.km with RF, written as milligrams: 0.12576 kg = 125_760 mg. */
export const FACTORS_MG_PER_PKM: Readonly<Record<Haul, Readonly<Record<FactorCabin, number>>>> = {
  // Domestic, to/from UK: only "Average passenger" is published (0.22928 with RF; 0.13552 without), for every cabin.
  domestic: { economy: 229_280, premium_economy: 229_280, business: 229_280, first: 229_280 },
  // Short-haul, to/from UK: Economy 0.12576 (0.07435 without RF), Business 0.18863 (0.11152 without).
  // DESNZ publishes no premium economy or first class for short-haul: premium economy takes economy, first takes business.
  short_haul: { economy: 125_760, premium_economy: 125_760, business: 188_630, first: 188_630 },
  // Long-haul, to/from UK: Economy 0.11704 (0.06926), Premium economy 0.18726 (0.11081), Business 0.33940 (0.20083), First 0.46814 (0.27701).
  long_haul: { economy: 117_040, premium_economy: 187_260, business: 339_400, first: 468_140 },
  // International, to/from non-UK: Economy 0.10916 (0.06449), Premium economy 0.17465 (0.10318), Business 0.31656 (0.18701), First 0.43663 (0.25794).
  international: { economy: 109_160, premium_economy: 174_650, business: 316_560, first: 436_630 },
};

/** DESNZ's boundary between short- and long-haul flights to/from the UK. */
export const LONG_HAUL_FROM_KM = 3700;
