import { eventually, gqlRequest, unique } from '@travel/platform/testkit';
import { describe, expect, it } from 'vitest';
import { createJourneyFixture } from './journey.fixtures.js';
import { useStack } from './use-stack.js';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';
const CREATE_KEY = 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } errors { code } } }';
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } errors { code } } }';
const SEARCH = 'query($i: SearchFlightsInput!) { searchFlights(input: $i, first: 5) { totalCount } }';
const BOOKINGS = '{ bookings(first: 5) { totalCount } }';

describe('a partner API key through the whole stack', () => {
  const stack = useStack();

  it('is created by an admin, searches inventory within its scopes, is refused other scopes, and stops working once revoked', async () => {
    const fx = await createJourneyFixture(stack().servers);
    const slug = unique('partner');
    const email = `admin@${slug}.example`;
    await stack().servers.customer.services.organizations.provision({
      name: slug,
      slug,
      people: [{ ref: 'admin', email, name: 'Tara Admin', roles: ['traveler', 'travel_admin'], password: 'partner-password' }],
    });
    const url = stack().routerUrl;
    const token = (await gqlRequest<{ signIn: { accessToken: string } }>(url, SIGN_IN, { i: { email, password: 'partner-password' } })).data!.signIn.accessToken;
    const created = await gqlRequest<{ createApiKey: { secret: string; apiKey: { id: string } } }>(url, CREATE_KEY, { i: { name: 'Acme OTA', scopes: ['INVENTORY_READ'] } }, { authorization: `Bearer ${token}` });
    const { secret, apiKey } = created.data!.createApiKey;
    const asPartner = { 'x-api-key': secret };

    const search = await gqlRequest<{ searchFlights: { totalCount: number } }>(url, SEARCH, { i: { origin: 'JFK', destination: 'LHR', date: fx.date, cabin: 'ECONOMY' } }, asPartner);
    expect(search.errors, JSON.stringify(search.errors)).toBeUndefined();
    expect(search.data!.searchFlights.totalCount).toBeGreaterThanOrEqual(1);

    const bookings = await gqlRequest(url, BOOKINGS, {}, asPartner);
    expect(bookings.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    await gqlRequest(url, REVOKE_KEY, { id: apiKey.id }, { authorization: `Bearer ${token}` });
    const refused = await eventually(
      async () => {
        const res = await gqlRequest(url, SEARCH, { i: { origin: 'JFK', destination: 'LHR', date: fx.date, cabin: 'ECONOMY' } }, asPartner);
        return res.status === 401 ? res : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250, what: 'revoked key refused' },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
