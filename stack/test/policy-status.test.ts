import { unique } from '@travel/platform/testkit';
import { describe, expect, it, vi } from 'vitest';
import type { SubgraphServers } from '../src/subgraphs.js';
import { client } from './journey.js';
import { useStack } from './use-stack.js';

const PASSWORD = 'policy-status-password';

const SEARCH_WITH_STATUS = /* GraphQL */ `
  query Search($input: SearchFlightsInput!) {
    searchFlights(input: $input, first: 50) {
      edges { fare { amount } offer { id cabin fareClass airlineCode destinationCountry policyStatus { result policyVersion outcomes { ruleName triggered applies } } } }
    }
  }
`;
const SEARCH_WITHOUT_STATUS = /* GraphQL */ `
  query Search($input: SearchFlightsInput!) {
    searchFlights(input: $input, first: 50) { edges { fare { amount } offer { id cabin } } }
  }
`;

interface SearchData {
  searchFlights: {
    edges: {
      fare: { amount: number };
      offer: {
        id: string;
        cabin: string;
        fareClass?: string;
        airlineCode?: string;
        destinationCountry?: string;
        policyStatus?: { result: string; policyVersion: number | null; outcomes: { ruleName: string; triggered: boolean; applies: boolean }[] };
      };
    }[];
  };
}

/**
 * A senior engineer whose policy warns on business class below director,
 * stops any fare above 3,000 to Europe, and tracks non-preferred airlines;
 * twelve JFK→LHR flights: economy-only on BA (preferred), business-only on
 * VS, some of those above 3,000.
 */
async function fixture(servers: SubgraphServers, daysAhead: number) {
  const slug = unique('status');
  const email = `sam@${slug}.example`;
  const { organization } = await servers.customer.services.organizations.provision({
    name: `Status ${slug}`,
    slug,
    people: [{ ref: 'sam', email, name: 'Sam Senior', department: 'Engineering', level: 'senior', roles: ['traveler'], password: PASSWORD }],
  });
  await servers.policy.services.policies.createPolicy(organization.id, {
    name: 'Offers policy',
    rules: [
      {
        name: 'Business below director',
        action: 'soft_warning',
        priority: 20,
        condition: { all: [{ field: 'segment.cabin', op: 'gte', value: 'business' }, { field: 'traveler.level', op: 'lt', value: 'director' }] },
        message: 'Business class needs approval below director.',
      },
      {
        name: 'Europe fare cap',
        action: 'hard_stop',
        priority: 10,
        condition: { field: 'segment.priceAmount', op: 'gt', value: 300_000 },
        message: 'Fares to Europe above 3,000 are not allowed.',
        scope: { regions: ['europe'] },
      },
      { name: 'Non-preferred airline', action: 'track_only', priority: 90, condition: { field: 'segment.vendorPreferred', op: 'eq', value: false }, message: 'Tracked.' },
    ],
  });
  const orgViewer = { personId: organization.id, orgId: organization.id, roles: ['travel_admin' as const] };
  await servers.policy.services.policies.setPreferredVendors(orgViewer, { vendorCodes: ['BA'] });

  await servers.inventory.services.catalog.upsertAirports([
    { code: 'JFK', name: 'John F Kennedy Intl', city: 'New York', country: 'United States', latitude: 40.639751, longitude: -73.778925, timeZone: 'America/New_York' },
    { code: 'LHR', name: 'Heathrow', city: 'London', country: 'United Kingdom', latitude: 51.4706, longitude: -0.461941, timeZone: 'Europe/London' },
  ]);
  await servers.inventory.services.catalog.upsertAirlines([
    { code: 'BA', name: 'British Airways', country: 'United Kingdom' },
    { code: 'VS', name: 'Virgin Atlantic', country: 'United Kingdom' },
  ]);
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, 12, 0));
  await servers.inventory.services.catalog.insertFlights(
    Array.from({ length: 12 }, (_, i) => {
      const departureAt = new Date(day.getTime() + i * 15 * 60_000);
      const economy = i % 2 === 0;
      return {
        airlineCode: economy ? 'BA' : 'VS',
        flightNumber: `${economy ? 'BA' : 'VS'}${1000 + daysAhead * 20 + i}`,
        originCode: 'JFK',
        destinationCode: 'LHR',
        departureAt,
        arrivalAt: new Date(departureAt.getTime() + 7 * 3600_000),
        seatPrices: economy ? { economy: 60_000 + i } : { business: i % 4 === 1 ? 250_000 : 350_000 },
        currency: 'USD',
      };
    }),
  );
  return { email, date: day.toISOString().slice(0, 10) };
}

describe('FlightOffer.policyStatus through the router', () => {
  const stack = useStack();

  it('judges every offer of a search page in one evaluation pass with one rule load', async () => {
    const { servers, routerUrl } = stack();
    const fx = await fixture(servers, 12);
    const api = client(routerUrl);
    await api.signIn(fx.email, PASSWORD);
    const judge = vi.spyOn(servers.policy.services.evaluations, 'judgeOffers');
    const ruleLoads = vi.spyOn(servers.policy.services.repositories.policies, 'findActive');

    const { searchFlights } = await api.send<SearchData>(SEARCH_WITH_STATUS, { input: { origin: 'JFK', destination: 'LHR', date: fx.date } });

    expect(searchFlights.edges).toHaveLength(12);
    expect(judge).toHaveBeenCalledTimes(1);
    expect(judge.mock.calls[0]![2]).toHaveLength(12);
    expect(ruleLoads).toHaveBeenCalledTimes(1);
    const byResult = (result: string) => searchFlights.edges.filter((e) => e.offer.policyStatus!.result === result);
    expect(byResult('COMPLIANT').every((e) => e.offer.cabin === 'ECONOMY' && e.offer.airlineCode === 'BA' && e.offer.fareClass === 'Y')).toBe(true);
    expect(byResult('COMPLIANT')).toHaveLength(6);
    expect(byResult('SOFT_WARNING').map((e) => e.fare.amount)).toEqual([250_000, 250_000, 250_000]);
    expect(byResult('HARD_STOP').map((e) => e.fare.amount)).toEqual([350_000, 350_000, 350_000]);
    const stopped = byResult('HARD_STOP')[0]!.offer;
    expect(stopped.destinationCountry).toBe('United Kingdom');
    expect(stopped.policyStatus!.policyVersion).toBe(1);
    expect(stopped.policyStatus!.outcomes).toEqual([
      { ruleName: 'Europe fare cap', triggered: true, applies: true },
      { ruleName: 'Business below director', triggered: true, applies: true },
      { ruleName: 'Non-preferred airline', triggered: true, applies: true },
    ]);
    judge.mockRestore();
    ruleLoads.mockRestore();
  });

  it('does not evaluate anything when policyStatus is not asked for', async () => {
    const { servers, routerUrl } = stack();
    const fx = await fixture(servers, 13);
    const api = client(routerUrl);
    await api.signIn(fx.email, PASSWORD);
    const judge = vi.spyOn(servers.policy.services.evaluations, 'judgeOffers');

    const { searchFlights } = await api.send<SearchData>(SEARCH_WITHOUT_STATUS, { input: { origin: 'JFK', destination: 'LHR', date: fx.date } });

    expect(searchFlights.edges).toHaveLength(12);
    expect(judge).not.toHaveBeenCalled();
    judge.mockRestore();
  });
});
