import { createTestRuntime, gqlRequest, routerHeaders, testConfig, unique } from '@travel/platform/testkit';
import { InvalidTokenError, ManualClock, verifyAccessToken, type ProcessRuntime } from '@travel/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerServer, type CustomerServer } from '../src/server.js';

const SESSION = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt viewer { id email roles organization { id } } errors { code field message }';
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${SESSION} } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${SESSION} } }`;
const REFRESH = `mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { ${SESSION} } }`;
const SIGN_OUT = `mutation ($input: SignOutInput!) { signOut(input: $input) { signedOut errors { code } } }`;

interface Session {
  accessToken: string | null;
  accessTokenExpiresAt: string | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: string | null;
  viewer: { id: string; email: string; roles: string[]; organization: { id: string } } | null;
  errors: { code: string; field: string | null; message: string }[];
}

const PASSWORD = 'correct horse battery';

describe('customer sessions', () => {
  const config = testConfig({
    ACCESS_TOKEN_TTL_SECONDS: '60',
    REFRESH_TOKEN_TTL_SECONDS: '3600',
    SIGN_IN_MAX_FAILURES: '3',
    SIGN_IN_FAILURE_WINDOW_SECONDS: '600',
    SIGN_IN_LOCKOUT_SECONDS: '300',
  });
  const clock = new ManualClock(new Date('2026-11-22T09:00:00.000Z'));
  let runtime: ProcessRuntime;
  let server: CustomerServer;
  let url: string;
  let domain: string;
  let orgId: string;

  const call = async (query: string, input: Record<string, unknown>): Promise<Session> => {
    const res = await gqlRequest<Record<string, Session>>(url, query, { input }, await routerHeaders(config, null));
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0]!;
  };
  const newPerson = async (roles: ('traveler' | 'travel_admin')[] = ['traveler']) => {
    const email = `${unique('p')}@${domain}`;
    const { people } = await server.services.organizations.provision({
      name: 'Solo',
      slug: unique('solo'),
      people: [{ ref: 'p', email, name: 'Pat Person', roles, password: PASSWORD }],
    });
    return { email, id: people.get('p')!.id };
  };

  beforeAll(async () => {
    runtime = await createTestRuntime(config, clock);
    server = createCustomerServer(runtime);
    runtime.openBus();
    url = await server.start(0);
    domain = `${unique('acme')}.example`;
    const { organization } = await server.services.organizations.provision({
      name: 'Acme',
      slug: unique('acme'),
      settings: { allowedEmailDomains: [domain] },
      people: [],
    });
    orgId = organization.id;
  });
  afterAll(async () => {
    await server.stop();
    await runtime.close();
  });

  it('issues an access token that expires after ACCESS_TOKEN_TTL_SECONDS by the issuing clock', async () => {
    const { email, id } = await newPerson();
    const session = await call(SIGN_IN, { email, password: PASSWORD });
    expect(session.errors).toEqual([]);
    expect(session.accessTokenExpiresAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    expect(session.refreshTokenExpiresAt).toBe(new Date(clock.now().getTime() + 3_600_000).toISOString());
    expect(await verifyAccessToken(session.accessToken!, config.JWT_SECRET, new Date(clock.now().getTime() + 59_000))).toMatchObject({ personId: id });
    const late = verifyAccessToken(session.accessToken!, config.JWT_SECRET, new Date(clock.now().getTime() + 61_000));
    await expect(late).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(late).rejects.toMatchObject({ expired: true });
  });

  it('rotates refresh tokens: each is good once and the new one keeps working', async () => {
    const { email, id } = await newPerson();
    const first = await call(SIGN_IN, { email, password: PASSWORD });
    const second = await call(REFRESH, { refreshToken: first.refreshToken });
    expect(second.errors).toEqual([]);
    expect(second.viewer!.id).toBe(id);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await call(REFRESH, { refreshToken: second.refreshToken });
    expect(third.errors).toEqual([]);
    expect((await verifyAccessToken(third.accessToken!, config.JWT_SECRET, clock.now())).personId).toBe(id);
  });

  it('revokes the whole family when a used refresh token comes back (REFRESH_TOKEN_REUSED)', async () => {
    const { email } = await newPerson();
    const first = await call(SIGN_IN, { email, password: PASSWORD });
    const second = await call(REFRESH, { refreshToken: first.refreshToken });
    const replay = await call(REFRESH, { refreshToken: first.refreshToken });
    expect(replay).toMatchObject({ accessToken: null, refreshToken: null, errors: [{ code: 'REFRESH_TOKEN_REUSED', field: 'refreshToken' }] });
    // The legitimate holder's newer token died with the family.
    expect((await call(REFRESH, { refreshToken: second.refreshToken })).errors).toEqual([expect.objectContaining({ code: 'REFRESH_TOKEN_INVALID' })]);
    // Another sign-in is another family and is untouched.
    const other = await call(SIGN_IN, { email, password: PASSWORD });
    expect((await call(REFRESH, { refreshToken: other.refreshToken })).errors).toEqual([]);
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const { email } = await newPerson();
    const first = await call(SIGN_IN, { email, password: PASSWORD });
    const results = await Promise.all([call(REFRESH, { refreshToken: first.refreshToken }), call(REFRESH, { refreshToken: first.refreshToken })]);
    const codes = results.map((r) => r.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'REFRESH_TOKEN_REUSED']);
  });

  it('refuses unknown and expired refresh tokens with REFRESH_TOKEN_INVALID, and the sweeper deletes expired ones', async () => {
    const { email } = await newPerson();
    expect((await call(REFRESH, { refreshToken: 'rt_nonsense' })).errors[0]!.code).toBe('REFRESH_TOKEN_INVALID');
    const session = await call(SIGN_IN, { email, password: PASSWORD });
    const start = clock.now();
    try {
      clock.advance(3_601_000);
      expect((await call(REFRESH, { refreshToken: session.refreshToken })).errors[0]!.code).toBe('REFRESH_TOKEN_INVALID');
      expect(await server.services.sweeper.sweep()).toBeGreaterThanOrEqual(1);
      expect(await server.services.repositories.refreshTokens.findByToken(session.refreshToken!)).toBeUndefined();
    } finally {
      clock.set(start);
    }
  });

  it('signOut revokes every refresh token of that sign-in', async () => {
    const { email } = await newPerson();
    const first = await call(SIGN_IN, { email, password: PASSWORD });
    const second = await call(REFRESH, { refreshToken: first.refreshToken });
    const out = await call(SIGN_OUT, { refreshToken: first.refreshToken });
    expect(out).toMatchObject({ signedOut: true, errors: [] });
    expect((await call(REFRESH, { refreshToken: second.refreshToken })).errors[0]!.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('locks an email after SIGN_IN_MAX_FAILURES failures in the window, even for the right password, until the lockout ends', async () => {
    const { email } = await newPerson();
    const start = clock.now();
    try {
      expect((await call(SIGN_IN, { email, password: 'wrong' })).errors[0]!.code).toBe('INVALID_CREDENTIALS');
      expect((await call(SIGN_IN, { email, password: 'wrong' })).errors[0]!.code).toBe('INVALID_CREDENTIALS');
      expect((await call(SIGN_IN, { email, password: 'wrong' })).errors[0]!.code).toBe('ACCOUNT_LOCKED');
      expect((await call(SIGN_IN, { email, password: PASSWORD })).errors[0]!.code).toBe('ACCOUNT_LOCKED');
      clock.advance(301_000);
      const after = await call(SIGN_IN, { email, password: PASSWORD });
      expect(after.errors).toEqual([]);
      expect(after.accessToken).toBeTruthy();
    } finally {
      clock.set(start);
    }
  });

  it('counts failures only within the window, and a success clears them', async () => {
    const { email } = await newPerson();
    const start = clock.now();
    try {
      await call(SIGN_IN, { email, password: 'wrong' });
      await call(SIGN_IN, { email, password: 'wrong' });
      clock.advance(601_000);
      expect((await call(SIGN_IN, { email, password: 'wrong' })).errors[0]!.code).toBe('INVALID_CREDENTIALS');
      expect((await call(SIGN_IN, { email, password: PASSWORD })).errors).toEqual([]);
      await call(SIGN_IN, { email, password: 'wrong' });
      expect((await call(SIGN_IN, { email, password: 'wrong' })).errors[0]!.code).toBe('INVALID_CREDENTIALS');
    } finally {
      clock.set(start);
    }
  });

  it('counts failures from several processes and concurrent attempts alike, since the count lives in PostgreSQL', async () => {
    const { email } = await newPerson();
    // A second server over the same database stands for another customer process.
    const second = createCustomerServer(runtime);
    const secondUrl = await second.start(0);
    try {
      const attempt = async (at: string) => {
        const res = await gqlRequest<{ signIn: Session }>(at, SIGN_IN, { input: { email, password: 'wrong' } }, await routerHeaders(config, null));
        return res.data!.signIn.errors[0]!.code;
      };
      const codes = await Promise.all([attempt(url), attempt(secondUrl), attempt(url), attempt(secondUrl)]);
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(1);
      const res = await gqlRequest<{ signIn: Session }>(secondUrl, SIGN_IN, { input: { email, password: PASSWORD } }, await routerHeaders(config, null));
      expect(res.data!.signIn.errors[0]!.code).toBe('ACCOUNT_LOCKED');
      expect((await call(SIGN_IN, { email, password: PASSWORD })).errors[0]!.code).toBe('ACCOUNT_LOCKED');
    } finally {
      await second.stop();
    }
  });

  it('locks unknown emails the same way, so the lock reveals nothing about which accounts exist', async () => {
    const email = `${unique('ghost')}@${domain}`;
    await call(SIGN_IN, { email, password: 'x' });
    await call(SIGN_IN, { email, password: 'x' });
    expect((await call(SIGN_IN, { email, password: 'x' })).errors[0]!.code).toBe('ACCOUNT_LOCKED');
  });

  it('signs up a traveler when the email domain is allowed by an organization', async () => {
    const email = `${unique('new')}@${domain.toUpperCase()}`;
    const session = await call(SIGN_UP, { email, name: 'Nia New', password: PASSWORD });
    expect(session.errors).toEqual([]);
    expect(session.viewer).toMatchObject({ email: email.toLowerCase(), roles: ['TRAVELER'], organization: { id: orgId } });
    expect(session.refreshToken).toBeTruthy();
    expect((await call(SIGN_IN, { email, password: PASSWORD })).errors).toEqual([]);
  });

  it('refuses sign-up from a domain no organization allows, an existing email and a short password', async () => {
    expect((await call(SIGN_UP, { email: `${unique('x')}@elsewhere.example`, name: 'X', password: PASSWORD })).errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: 'email' }),
    ]);
    const { email } = await newPerson();
    expect((await call(SIGN_UP, { email, name: 'Again', password: PASSWORD })).errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'email' })]);
    expect((await call(SIGN_UP, { email: `${unique('y')}@${domain}`, name: 'Y', password: 'short' })).errors).toEqual([
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'password' }),
    ]);
  });
});
