import { randomInt } from 'node:crypto';
import { unique } from '@travel/platform/testkit';
import { DEMO_POLICY } from '../../src/demo/policy.js';
import type { SubgraphServers } from '../../src/subgraphs.js';

export interface BrowserFixture {
  travelerEmail: string;
  adminEmail: string;
  financeEmail: string;
  password: string;
  flightNumber: string;
  /** Local departure date at JFK, yyyy-mm-dd. */
  date: string;
  /** A flight two days out: booking it is a soft warning of the demo policy (less than 3 days ahead). */
  soonFlightNumber: string;
  soonDate: string;
  /** The first flight's id, and a later flight of the same route to rebook onto when it is canceled. */
  flightId: string;
  laterFlightNumber: string;
}

const PASSWORD = 'browser-password';

/** An organization with a traveler, a travel admin and a finance member, the demo policy, and a JFK→LHR flight ten days out. */
export async function createBrowserFixture(servers: SubgraphServers, now = new Date()): Promise<BrowserFixture> {
  const slug = unique('browser');
  const travelerEmail = `ava@${slug}.example`;
  const adminEmail = `tara@${slug}.example`;
  const financeEmail = `felix@${slug}.example`;
  const { organization } = await servers.customer.services.organizations.provision({
    name: `Browser ${slug}`,
    slug,
    people: [
      { ref: 'tara', email: adminEmail, name: 'Tara Admin', department: 'Operations', level: 'director', roles: ['traveler', 'approver', 'travel_admin'], password: PASSWORD },
      { ref: 'felix', email: financeEmail, name: 'Felix Finance', department: 'Finance', level: 'manager', roles: ['traveler', 'finance'], password: PASSWORD },
      { ref: 'ava', email: travelerEmail, name: 'Ava Traveler', department: 'Engineering', level: 'senior', roles: ['traveler'], managerRef: 'tara', password: PASSWORD },
    ],
  });
  await servers.policy.services.policies.createPolicy(organization.id, DEMO_POLICY);
  await servers.inventory.services.catalog.upsertAirports([
    { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
    { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
  ]);
  await servers.inventory.services.catalog.upsertAirlines([{ code: 'BA', name: 'British Airways', country: 'United Kingdom' }]);
  // Noon UTC is morning in New York: the local date at JFK is the UTC date.
  const departure = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 10, 12, 0));
  const soon = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2, 12, 0));
  const flightNumber = `BA${randomInt(1000, 4999)}`;
  const soonFlightNumber = `BA${randomInt(5000, 9999)}`;
  const later = new Date(departure.getTime() + 26 * 3600_000);
  const laterFlightNumber = `VS${randomInt(1000, 9999)}`;
  await servers.inventory.services.catalog.upsertAirlines([{ code: 'VS', name: 'Virgin Atlantic', country: 'United Kingdom' }]);
  const { flights } = await servers.inventory.services.catalog.insertFlights([
    {
      airlineCode: 'VS',
      flightNumber: laterFlightNumber,
      originCode: 'JFK',
      destinationCode: 'LHR',
      departureAt: later,
      arrivalAt: new Date(later.getTime() + 7 * 3600_000),
      seatPrices: { economy: 66_900, business: 399_000 },
      currency: 'USD',
    },
    {
      airlineCode: 'BA',
      flightNumber: soonFlightNumber,
      originCode: 'JFK',
      destinationCode: 'LHR',
      departureAt: soon,
      arrivalAt: new Date(soon.getTime() + 7 * 3600_000),
      seatPrices: { economy: 71_900, business: 412_000 },
      currency: 'USD',
    },
    {
      airlineCode: 'BA',
      flightNumber,
      originCode: 'JFK',
      destinationCode: 'LHR',
      departureAt: departure,
      arrivalAt: new Date(departure.getTime() + 7 * 3600_000),
      seatPrices: { economy: 64_900, business: 389_000 },
      currency: 'USD',
    },
  ]);
  return { travelerEmail, adminEmail, financeEmail, password: PASSWORD, flightNumber, date: departure.toISOString().slice(0, 10), soonFlightNumber, soonDate: soon.toISOString().slice(0, 10), flightId: flights.find((f) => f.flightNumber === flightNumber)!.id, laterFlightNumber };
}
