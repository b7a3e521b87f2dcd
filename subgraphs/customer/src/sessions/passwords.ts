import { hash, verify } from '@node-rs/argon2';

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
const decoyHash = hash('decoy-password-for-timing');

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches `passwordHash`; with no hash (unknown email, imported person) spends the same time and fails. */
export async function checkPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (passwordHash) return verify(passwordHash, password);
  await verify(await decoyHash, password);
  return false;
}
