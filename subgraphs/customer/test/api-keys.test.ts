import { createTestRuntime, gqlRequest, routerHeaders, testConfig, unique } from '@travel/platform/testkit';
import type { ProcessRuntime, Viewer } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_API_KEY_PATH } from '../src/api-keys/api-keys.routes.js';
import { createCustomerServer, type CustomerServer } from '../src/server.js';

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix scopes revokedAt } errors { code field } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id revokedAt } errors { code } } }`;
const LIST = `{ organization { apiKeys { id name prefix scopes lastUsedAt revokedAt } } }`;

describe('customer API keys', () => {
  const config = testConfig();
  let runtime: ProcessRuntime;
  let server: CustomerServer;
  let url: string;
  let admin: Viewer;
  let traveler: Viewer;
  let otherAdmin: Viewer;

  const verify = (key: string, secret = config.INTERNAL_SECRET) =>
    fetch(new URL(VERIFY_API_KEY_PATH, url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({ key }) });

  beforeAll(async () => {
    runtime = await createTestRuntime(config);
    server = createCustomerServer(runtime);
    runtime.openBus();
    url = await server.start(0);
    const provision = async (roles: Viewer['roles'][]) => {
      const slug = unique('keys');
      const { organization, people } = await server.services.organizations.provision({
        name: slug,
        slug,
        people: roles.map((r, i) => ({ ref: String(i), email: `${slug}-${i}@example.com`, name: `P ${i}`, roles: r })),
      });
      return roles.map((r, i): Viewer => ({ personId: people.get(String(i))!.id, orgId: organization.id, roles: r }));
    };
    [admin, traveler] = (await provision([['travel_admin'], ['traveler']])) as [Viewer, Viewer];
    [otherAdmin] = (await provision([['travel_admin']])) as [Viewer];
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  async function create(viewer: Viewer, scopes: string[] = ['INVENTORY_READ', 'BOOKINGS_READ']) {
    const res = await gqlRequest<{ createApiKey: { secret: string | null; apiKey: { id: string; prefix: string; scopes: string[] } | null; errors: { code: string; field: string }[] } }>(
      url,
      CREATE,
      { input: { name: 'Partner', scopes } },
      await routerHeaders(config, viewer),
    );
    return res;
  }

  it('shows the secret once, lists the key by prefix, and verifies it for the router', async () => {
    const res = await create(admin);
    const { secret, apiKey } = res.data!.createApiKey;
    expect(secret).toMatch(/^tsk_/);
    expect(secret!.startsWith(apiKey!.prefix)).toBe(true);
    expect(apiKey!.scopes).toEqual(['INVENTORY_READ', 'BOOKINGS_READ']);

    const verified = await verify(secret!);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ apiKeyId: apiKey!.id, orgId: admin.orgId, scopes: ['inventory_read', 'bookings_read'] });

    const list = await gqlRequest<{ organization: { apiKeys: { id: string; prefix: string; lastUsedAt: string | null }[] } }>(url, LIST, {}, await routerHeaders(config, admin));
    const listed = list.data!.organization.apiKeys.find((k) => k.id === apiKey!.id)!;
    expect(listed.prefix).toBe(apiKey!.prefix);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.data)).not.toContain(secret!);
  });

  it('stops verifying a key once it is revoked', async () => {
    const { secret, apiKey } = (await create(admin)).data!.createApiKey;
    const revoked = await gqlRequest<{ revokeApiKey: { apiKey: { revokedAt: string | null } } }>(url, REVOKE, { id: apiKey!.id }, await routerHeaders(config, admin));
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect((await verify(secret!)).status).toBe(404);
  });

  it('lets only admins create keys, and only revoke and list their own organization’s', async () => {
    const denied = await create(traveler);
    expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const { apiKey } = (await create(admin)).data!.createApiKey;
    const foreign = await gqlRequest<{ revokeApiKey: { errors: { code: string }[] } }>(url, REVOKE, { id: apiKey!.id }, await routerHeaders(config, otherAdmin));
    expect(foreign.data!.revokeApiKey.errors).toEqual([{ code: 'NOT_FOUND' }]);
    const list = await gqlRequest<{ organization: { apiKeys: { id: string }[] } }>(url, LIST, {}, await routerHeaders(config, otherAdmin));
    expect(list.data!.organization.apiKeys.map((k) => k.id)).not.toContain(apiKey!.id);
  });

  it('rejects a key without scopes as VALIDATION_FAILED', async () => {
    expect((await create(admin, [])).data!.createApiKey.errors).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'scopes' })]);
  });

  it('answers the verify endpoint only to callers holding the internal secret', async () => {
    const { secret } = (await create(admin)).data!.createApiKey;
    expect((await verify(secret!, 'x'.repeat(config.INTERNAL_SECRET.length))).status).toBe(401);
    expect((await verify('tsk_unknown')).status).toBe(404);
  });
});
