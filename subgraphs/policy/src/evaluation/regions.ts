/** The regions regional rules and scopes are written against. */
export const REGIONS = ['north_america', 'latin_america', 'europe', 'middle_east', 'africa', 'asia_pacific'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * Countries by region, under the names inventory serves on `Airport.country`
 * (OpenFlights spelling). A country missing here has no region, so a regional
 * rule or scope never matches it rather than guessing.
 */
const COUNTRIES: Record<Region, readonly string[]> = {
  north_america: ['United States', 'Canada', 'Bermuda', 'Greenland'],
  latin_america: [
    'Mexico', 'Brazil', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Ecuador', 'Uruguay', 'Paraguay', 'Bolivia', 'Venezuela',
    'Panama', 'Costa Rica', 'Guatemala', 'Cuba', 'Dominican Republic', 'Jamaica', 'Bahamas', 'Puerto Rico',
  ],
  europe: [
    'United Kingdom', 'Ireland', 'France', 'Germany', 'Netherlands', 'Belgium', 'Luxembourg', 'Switzerland', 'Austria', 'Italy',
    'Spain', 'Portugal', 'Denmark', 'Norway', 'Sweden', 'Finland', 'Iceland', 'Poland', 'Czech Republic', 'Slovakia', 'Hungary',
    'Romania', 'Bulgaria', 'Greece', 'Croatia', 'Slovenia', 'Serbia', 'Estonia', 'Latvia', 'Lithuania', 'Ukraine', 'Turkey',
    'Cyprus', 'Malta', 'Russia',
  ],
  middle_east: ['United Arab Emirates', 'Qatar', 'Saudi Arabia', 'Bahrain', 'Kuwait', 'Oman', 'Israel', 'Jordan', 'Lebanon', 'Iran', 'Iraq'],
  africa: ['South Africa', 'Egypt', 'Morocco', 'Kenya', 'Nigeria', 'Ethiopia', 'Ghana', 'Tanzania', 'Tunisia', 'Algeria', 'Mauritius'],
  asia_pacific: [
    'Japan', 'China', 'Hong Kong', 'Taiwan', 'South Korea', 'Singapore', 'Malaysia', 'Thailand', 'Vietnam', 'Indonesia', 'Philippines',
    'India', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'Nepal', 'Australia', 'New Zealand', 'Fiji', 'Macau',
  ],
};

const REGION_OF_COUNTRY = new Map<string, Region>(
  (Object.entries(COUNTRIES) as [Region, readonly string[]][]).flatMap(([region, countries]) => countries.map((c) => [c.toLowerCase(), region] as const)),
);

export function regionOfCountry(country: string | null): Region | null {
  return country ? (REGION_OF_COUNTRY.get(country.trim().toLowerCase()) ?? null) : null;
}
