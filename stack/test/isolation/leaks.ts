import type { GraphQLResponse } from '@travel/platform/testkit';

/** Codes that mean "not yours": the only acceptable answers to another organization's ids. */
export const REFUSAL_CODES = new Set(['NOT_FOUND', 'FORBIDDEN']);

/**
 * The other organization's values found anywhere in a response. Ids the
 * caller sent itself may be echoed in error messages: that tells it nothing.
 */
export function leakedValues(response: unknown, secret: Set<string>, sent: string[] = []): string[] {
  let text = JSON.stringify(response);
  for (const id of sent) text = text.split(id).join('<sent>');
  return [...secret].filter((v) => text.includes(v));
}

export function errorCodes(res: GraphQLResponse<unknown>): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.['code'] ?? 'NO_CODE'));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('edges' in o) return isEmpty(o['edges']);
    if ('nodes' in o) return isEmpty(o['nodes']);
  }
  return false;
}

/**
 * Whether the root field's answer refuses: null or an empty list (with no
 * error, or NOT_FOUND/FORBIDDEN), or a payload whose `errors` are all
 * NOT_FOUND/FORBIDDEN and whose other fields are empty. Returns why not, or
 * undefined when refused.
 */
export function whyNotRefused(res: GraphQLResponse<Record<string, unknown>>, field: string): string | undefined {
  const codes = errorCodes(res);
  const value = res.data?.[field];
  if (isEmpty(value)) return codes.every((c) => REFUSAL_CODES.has(c)) ? undefined : `refused with ${codes.join(', ')} instead of NOT_FOUND/FORBIDDEN`;
  if (typeof value === 'object' && value !== null && 'errors' in value) {
    const payload = value as Record<string, unknown> & { errors: { code: string }[] };
    const payloadCodes = payload.errors.map((e) => e.code);
    if (payloadCodes.length === 0) return 'accepted (payload without errors)';
    if (!payloadCodes.every((c) => REFUSAL_CODES.has(c))) return `refused with ${payloadCodes.join(', ')} instead of NOT_FOUND/FORBIDDEN`;
    const filled = Object.entries(payload).filter(([k, v]) => k !== 'errors' && k !== '__typename' && !isEmpty(v));
    return filled.length ? `payload refused but carries ${filled.map(([k]) => k).join(', ')}` : undefined;
  }
  return `accepted: ${JSON.stringify(value).slice(0, 200)}`;
}
