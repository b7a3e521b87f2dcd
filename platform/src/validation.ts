import type { z } from 'zod';
import { DomainError } from './errors.js';

/**
 * Parses untrusted input with a zod schema. The first problem becomes a
 * VALIDATION_FAILED DomainError on its field (dotted path), or on
 * `fallbackField` when the problem is with the input as a whole.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, fallbackField: string | null = null): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('VALIDATION_FAILED', issue.message, issue.path.map(String).join('.') || fallbackField);
  }
  return parsed.data;
}
