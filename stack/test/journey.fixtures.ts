import { randomInt } from 'node:crypto';
import { unique } from '@travel/platform/testkit';
import { DEMO_POLICY } from '../src/demo/policy.js';
import type { SubgraphServers } from '../src/subgraphs.js';

export interface JourneyFixture {
  orgId: string;
  travelerEmail: string;
  password: string;
  flightId: string;
  flightNumber: string;
  date: string;
}

const PASSWORD = 'journey-password';

/**
 * A fresh organization (traveler and admin, the demo policy) and a fresh
 * flight JFK→LHR ten days out, created through the subgraphs' own services.
 */
export async function createJourneyFixture(servers: SubgraphServers, now = new Date()): Promise<JourneyFixture> {
  const slug = unique('journey');
  const travelerEmail = `ava@${slug}.example`;
  const { organization } = await servers.customer.services.organizations.provision({
    name: `Journey ${slug}`,
    slug,
    people: [
      { ref: 'boss', email: `boss@${slug}.example`, name: 'Bea Boss', department: 'Engineering', level: 'manager', roles: ['traveler', 'approver'] },
      { ref: 'ava', email: travelerEmail, name: 'Ava Traveler', department: 'Engineering', level: 'senior', roles: ['traveler'], managerRef: 'boss', password: PASSWORD },
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
  const flightNumber = `BA${randomInt(1000, 9999)}`;
  const { flights } = await servers.inventory.services.catalog.insertFlights([
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
  return { orgId: organization.id, travelerEmail, password: PASSWORD, flightId: flights[0]!.id, flightNumber, date: departure.toISOString().slice(0, 10) };
}
