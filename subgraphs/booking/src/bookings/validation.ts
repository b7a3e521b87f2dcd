import { DomainError, type UserError } from '@travel/platform';
import type { z } from 'zod';
import type { FieldIssue } from './traveler-details.js';

/**
 * Several invalid fields at once. It is a DomainError (VALIDATION_FAILED on
 * the first field) so code that only knows DomainError still maps it, and
 * `payloadWithFieldErrors` turns it into one UserError per field.
 */
export class FieldErrors extends DomainError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super('VALIDATION_FAILED', issues[0]?.message ?? 'Invalid input', issues[0]?.field ?? null);
  }
}

/** Zod issues as field issues, paths dotted and prefixed (e.g. `travelerDetails.passport.number`), one per field. */
export function issuesOf(error: z.ZodError, prefix = ''): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
  }
  return issues;
}

/** Parses input or throws VALIDATION_FAILED listing every invalid field. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FieldErrors(issuesOf(parsed.error));
  return parsed.data;
}

/** `payload` from the platform, except that FieldErrors become one UserError per field. */
export async function payloadWithFieldErrors<T extends object>(fn: () => Promise<T>): Promise<Partial<T> & { errors: UserError[] }> {
  try {
    return { ...(await fn()), errors: [] };
  } catch (error) {
    if (error instanceof FieldErrors) {
      const failed: Partial<T> = {};
      return { ...failed, errors: error.issues.map((i) => ({ code: 'VALIDATION_FAILED' as const, message: i.message, field: i.field || null })) };
    }
    if (error instanceof DomainError) {
      const failed: Partial<T> = {};
      return { ...failed, errors: [{ code: error.code, message: error.message, field: error.field }] };
    }
    throw error;
  }
}
