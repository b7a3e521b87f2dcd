import { DomainError } from '@travel/platform';
import { z } from 'zod';
import { CABINS, EMPLOYEE_LEVELS } from '../evaluation/conditions.js';
import { regionOfCountry } from '../evaluation/regions.js';
import type { BookingFacts, SegmentFacts } from '../evaluation/rule-engine.js';

const int = z.int().nullish();
const text = z.string().trim().min(1).nullish();

const sampleFacts = z.strictObject({
  booking: z.strictObject({ totalAmount: int, advanceDays: int }).nullish(),
  traveler: z.strictObject({ level: z.enum(EMPLOYEE_LEVELS).nullish(), department: text }).nullish(),
  segments: z
    .array(
      z.strictObject({
        kind: text,
        cabin: z.enum(CABINS).nullish(),
        fareClass: z.string().regex(/^[A-Z]$/).nullish(),
        priceAmount: int,
        nightlyRate: int,
        durationMinutes: int,
        advanceDays: int,
        vendor: text,
        vendorPreferred: z.boolean().nullish(),
        destinationCountry: text,
      }),
    )
    .max(50)
    .nullish(),
});

/** Sample facts a travel admin writes to try a rule; what they leave out is unknown, as it would be on a real booking. */
export function parseSampleFacts(json: string): BookingFacts {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'facts is not valid JSON', 'facts');
  }
  const parsed = sampleFacts.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('VALIDATION_FAILED', `facts.${issue.path.join('.')}: ${issue.message}`, ['facts', ...issue.path.map(String)].join('.'));
  }
  const f = parsed.data;
  const segments = (f.segments ?? []).map(
    (s): SegmentFacts => ({
      kind: s.kind ?? null,
      cabin: s.cabin ?? null,
      fareClass: s.fareClass ?? null,
      priceAmount: s.priceAmount ?? 0,
      nightlyRate: s.nightlyRate ?? null,
      durationMinutes: s.durationMinutes ?? null,
      advanceDays: s.advanceDays ?? null,
      vendor: s.vendor ?? null,
      vendorPreferred: s.vendorPreferred ?? null,
      destinationCountry: s.destinationCountry ?? null,
      destinationRegion: regionOfCountry(s.destinationCountry ?? null),
    }),
  );
  return {
    totalAmount: f.booking?.totalAmount ?? segments.reduce((sum, s) => sum + s.priceAmount, 0),
    advanceDays: f.booking?.advanceDays ?? null,
    segments,
    traveler: { level: f.traveler?.level ?? null, department: f.traveler?.department ?? null },
  };
}
