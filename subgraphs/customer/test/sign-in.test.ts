import { createTestRuntime, gqlRequest, routerHeaders, testConfig, unique } from '@travel/platform/testkit';
import { verifyAccessToken, type ProcessRuntime } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerServer, type CustomerServer } from '../src/server.js';

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken viewer { id name roles organization { slug } } errors { code field message } } }`;

describe('customer sign-in', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: CustomerServer;
  let url: string;
  let email: string;
  let slug: string;

  beforeAll(async () => {
    runtime = await createTestRuntime(config);
    server = createCustomerServer(runtime);
    runtime.openBus();
    url = await server.start(0);
    slug = unique('acme');
    email = `${slug}@example.com`;
    await server.services.organizations.provision({
      name: 'Acme',
      slug,
      people: [{ ref: 'a', email, name: 'Ada Admin', roles: ['traveler', 'travel_admin'], password: 'correct horse' }],
    });
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('issues an access token that names the person, organization and roles', async () => {
    const res = await gqlRequest<{ signIn: { accessToken: string; viewer: { id: string; roles: string[]; organization: { slug: string } } } }>(
      url,
      SIGN_IN,
      { input: { email: email.toUpperCase(), password: 'correct horse' } },
      await routerHeaders(config, null),
    );
    expect(res.errors).toBeUndefined();
    const signIn = res.data!.signIn;
    expect(signIn.viewer.roles).toEqual(['TRAVELER', 'TRAVEL_ADMIN']);
    expect(signIn.viewer.organization.slug).toBe(slug);
    const viewer = await verifyAccessToken(signIn.accessToken, config.JWT_SECRET);
    expect(viewer).toMatchObject({ personId: signIn.viewer.id, roles: ['traveler', 'travel_admin'] });
  });

  it('answers a wrong password with INVALID_CREDENTIALS and no token', async () => {
    const res = await gqlRequest<{ signIn: { accessToken: string | null; errors: { code: string }[] } }>(
      url,
      SIGN_IN,
      { input: { email, password: 'wrong' } },
      await routerHeaders(config, null),
    );
    expect(res.data!.signIn).toMatchObject({ accessToken: null, errors: [{ code: 'INVALID_CREDENTIALS' }] });
  });

  it('rejects a malformed email as VALIDATION_FAILED on the email field', async () => {
    const res = await gqlRequest<{ signIn: { errors: { code: string; field: string }[] } }>(
      url,
      SIGN_IN,
      { input: { email: 'not-an-email', password: 'x' } },
      await routerHeaders(config, null),
    );
    expect(res.data!.signIn.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'email' })]);
  });

  it('refuses a request that did not come through the router', async () => {
    const res = await gqlRequest(url, SIGN_IN, { input: { email, password: 'correct horse' } });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
