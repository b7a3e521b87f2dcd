import { randomUUID } from 'node:crypto';
import { DomainError, parseInput, signAccessToken, type Clock, type Config, type Executor, type UnitOfWork, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { PersonRow } from '../db/schema.js';
import type { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { PeopleRepository } from '../people/people.repository.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { checkPassword, hashPassword } from './passwords.js';
import { newRefreshToken, type RefreshTokensRepository } from './refresh-tokens.repository.js';
import type { SignInThrottleRepository, ThrottleRules } from './sign-in-throttle.repository.js';

const email = z.email({ error: 'email is not a valid address' }).transform((e) => e.trim().toLowerCase());

const signInInput = z.object({
  email,
  password: z.string().min(1, { error: 'password is required' }).max(256),
});

const signUpInput = z.object({
  email,
  name: z.string().trim().min(1, { error: 'name is required' }).max(200),
  password: z
    .string()
    .min(10, { error: 'password needs at least 10 characters' })
    .max(256, { error: 'password is longer than 256 characters' }),
});

const refreshInput = z.object({
  refreshToken: z.string().min(1, { error: 'refreshToken is required' }).max(200),
});

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  viewer: PersonRow;
}

export type SessionConfig = Pick<
  Config,
  'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS' | 'REFRESH_TOKEN_TTL_SECONDS' | 'SIGN_IN_MAX_FAILURES' | 'SIGN_IN_FAILURE_WINDOW_SECONDS' | 'SIGN_IN_LOCKOUT_SECONDS'
>;

/**
 * Sign-up, sign-in, refresh and sign-out. An access token is a short-lived
 * JWT the router verifies on its own; a refresh token is opaque, stored
 * hashed, good for one refresh, and belongs to a family (one sign-in) that is
 * revoked as a whole on sign-out or when a used token comes back.
 */
export class SessionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: SignInThrottleRepository,
    private readonly clock: Clock,
    private readonly config: SessionConfig,
  ) {}

  private get rules(): ThrottleRules {
    return {
      maxFailures: this.config.SIGN_IN_MAX_FAILURES,
      windowSeconds: this.config.SIGN_IN_FAILURE_WINDOW_SECONDS,
      lockoutSeconds: this.config.SIGN_IN_LOCKOUT_SECONDS,
    };
  }

  /**
   * Creates a traveler in the organization that lists the email's domain in
   * its allowedEmailDomains, and signs them in.
   */
  async signUp(input: unknown): Promise<Session> {
    const data = parseInput(signUpInput, input);
    const domain = data.email.slice(data.email.lastIndexOf('@') + 1);
    const organization = await this.organizations.findByAllowedEmailDomain(domain);
    if (!organization) throw new DomainError('FORBIDDEN', `No organization accepts sign-ups from ${domain}`, 'email');
    if (await this.people.findByEmail(data.email)) throw new DomainError('CONFLICT', 'An account with this email exists; sign in instead', 'email');
    const passwordHash = await hashPassword(data.password);
    // The unique email index decides a race between two sign-ups of one email.
    const [person] = await this.people
      .insertMany([{ orgId: organization.id, email: data.email, name: data.name, roles: ['traveler'], passwordHash }])
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'An account with this email exists; sign in instead', 'email');
        throw error;
      });
    return this.open(person!, randomUUID());
  }

  async signIn(input: unknown): Promise<Session> {
    const credentials = parseInput(signInInput, input);
    const now = this.clock.now();
    const locked = await this.throttle.lockedUntil(credentials.email, now);
    if (locked) throw lockedError(locked);
    const person = await this.people.findByEmail(credentials.email);
    if (!person || !(await checkPassword(person.passwordHash, credentials.password))) {
      const lockedNow = await this.throttle.recordFailure(credentials.email, now, this.rules);
      if (lockedNow) throw lockedError(lockedNow);
      throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
    }
    await this.throttle.clear(credentials.email);
    return this.open(person, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already used
   * means someone else holds a copy: the whole family is revoked (committed
   * before the error is returned) and both holders must sign in again.
   */
  async refresh(input: unknown): Promise<Session> {
    const { refreshToken } = parseInput(refreshInput, input);
    const now = this.clock.now();
    // The new token is written in the transaction that spends the old one: a crash between the two cannot lose the sign-in.
    const outcome = await this.uow.run(async ({ tx }) => {
      const row = await this.refreshTokens.findByToken(refreshToken, tx);
      if (!row || row.revokedAt || row.expiresAt <= now) return { kind: 'invalid' as const };
      if (!(await this.refreshTokens.markUsed(row.id, now, tx))) {
        await this.refreshTokens.revokeFamily(row.familyId, now, tx);
        return { kind: 'reused' as const };
      }
      // Roles and organization come from the person as they are now, not as they were at sign-in.
      const [person] = await this.people.findByIds(row.orgId, [row.personId], tx);
      if (!person) return { kind: 'invalid' as const };
      return { kind: 'ok' as const, session: await this.open(person, row.familyId, tx) };
    });
    if (outcome.kind === 'invalid') throw new DomainError('REFRESH_TOKEN_INVALID', 'Refresh token is unknown, expired or revoked; sign in again', 'refreshToken');
    if (outcome.kind === 'reused') {
      throw new DomainError('REFRESH_TOKEN_REUSED', 'Refresh token was already used; every session of this sign-in is revoked', 'refreshToken');
    }
    return outcome.session;
  }

  /** Revokes the sign-in the refresh token belongs to; an unknown token is already as good as signed out. */
  async signOut(input: unknown, viewer: Viewer | null): Promise<void> {
    const { refreshToken } = parseInput(refreshInput, input);
    const row = await this.refreshTokens.findByToken(refreshToken);
    if (!row) return;
    if (viewer && viewer.personId !== row.personId) throw new DomainError('FORBIDDEN', 'This refresh token belongs to someone else', 'refreshToken');
    await this.refreshTokens.revokeFamily(row.familyId, this.clock.now());
  }

  private async open(person: PersonRow, familyId: string, db?: Executor): Promise<Session> {
    const now = this.clock.now();
    const viewer: Viewer = { personId: person.id, orgId: person.orgId, roles: person.roles };
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.refreshTokens.insert({ orgId: person.orgId, personId: person.id, familyId, token: refreshToken, expiresAt: refreshTokenExpiresAt }, db);
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    return {
      accessToken: await signAccessToken(viewer, this.config.JWT_SECRET, ttl, now),
      accessTokenExpiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + ttl * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      viewer: person,
    };
  }
}

function lockedError(until: Date): DomainError {
  return new DomainError('ACCOUNT_LOCKED', `Too many failed sign-ins; try again after ${until.toISOString()}`, 'email');
}
