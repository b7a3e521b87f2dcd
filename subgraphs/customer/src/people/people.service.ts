import { hash, verify } from '@node-rs/argon2';
import { DomainError, parseInput, signAccessToken, type Config, type Viewer } from '@travel/platform';
import { z } from 'zod';
import type { PersonRow } from '../db/schema.js';
import type { PeopleRepository } from './people.repository.js';

const signInInput = z.object({
  email: z.email({ error: 'email is not a valid address' }),
  password: z.string().min(1, { error: 'password is required' }).max(256),
});

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const decoyHash = hash('decoy-password-for-timing');

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export interface SignInResult {
  accessToken: string;
  expiresAt: Date;
  person: PersonRow;
}

export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly config: Pick<Config, 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS'>,
  ) {}

  async signIn(input: unknown, now: Date): Promise<SignInResult> {
    const credentials = parseInput(signInInput, input);
    const person = await this.people.findByEmail(credentials.email);
    const valid = person?.passwordHash
      ? await verify(person.passwordHash, credentials.password)
      : await verify(await decoyHash, credentials.password).then(() => false);
    if (!person || !valid) throw new DomainError('INVALID_CREDENTIALS', 'Email or password is wrong');
    const viewer: Viewer = { personId: person.id, orgId: person.orgId, roles: person.roles };
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    return {
      accessToken: await signAccessToken(viewer, this.config.JWT_SECRET, ttl),
      expiresAt: new Date(now.getTime() + ttl * 1000),
      person,
    };
  }
}
