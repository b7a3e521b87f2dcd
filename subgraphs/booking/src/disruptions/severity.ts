import type { DisruptionKind, DisruptionSeverity } from '../db/schema.js';

/**
 * How bad a flight status change is for a booking on it:
 *
 * | change                 | severity | booking moves to requires_attention |
 * |------------------------|----------|-------------------------------------|
 * | canceled               | critical | yes                                 |
 * | diverted               | critical | yes                                 |
 * | delayed ≥ 180 minutes  | high     | yes                                 |
 * | delayed 60–179 minutes | medium   | no                                  |
 * | delayed < 60 minutes   | low      | no                                  |
 * | gate changed           | low      | no                                  |
 *
 * Every row is recorded and notified; only critical and high ones need
 * someone to act (rebook, or accept the delay) before the trip goes on.
 */
export const LONG_DELAY_MINUTES = 180;
export const NOTABLE_DELAY_MINUTES = 60;

export function severityOf(kind: DisruptionKind, delayMinutes: number | null): DisruptionSeverity {
  switch (kind) {
    case 'canceled':
    case 'diverted':
      return 'critical';
    case 'delayed': {
      const minutes = delayMinutes ?? 0;
      if (minutes >= LONG_DELAY_MINUTES) return 'high';
      return minutes >= NOTABLE_DELAY_MINUTES ? 'medium' : 'low';
    }
    case 'gate_changed':
      return 'low';
  }
}

export function needsAttention(severity: DisruptionSeverity): boolean {
  return severity === 'critical' || severity === 'high';
}
