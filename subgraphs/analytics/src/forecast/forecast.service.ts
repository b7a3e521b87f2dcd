import { DomainError, type Clock } from '@travel/platform';
import type { ForecastRepository } from './forecast.repository.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Weeks of history the level is the average of. */
export const TRAILING_WEEKS = 8;
/** 52 ISO weeks back lands on the same weekday and nearly the same season. */
const YEAR_WEEKS = 52;

export const FORECAST_METHOD =
  `Weekly bookings per destination (by confirmation week, ISO weeks in UTC). Level: the average of the last ${TRAILING_WEEKS} ` +
  'complete weeks. Seasonal index of a future week: the average of the same week a year (52 weeks) earlier and its two ' +
  `neighbours, divided by the average of the ${TRAILING_WEEKS} weeks before that year-ago week; 1 when that year-ago history is empty. ` +
  'Forecast = level x index, rounded to two decimals.';

export interface DestinationForecast {
  destination: string;
  trailingWeeklyAverage: number;
  weeks: { weekStart: Date; seasonalIndex: number; bookings: number }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Monday 00:00 UTC of the ISO week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

/** Demand forecast per destination from the organization's booking history (see FORECAST_METHOD). */
export class ForecastService {
  constructor(
    private readonly repository: ForecastRepository,
    private readonly clock: Clock,
  ) {}

  async forecast(orgId: string, weeks: number, first: number): Promise<{ generatedAt: Date; method: string; destinations: DestinationForecast[] }> {
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) throw new DomainError('VALIDATION_FAILED', 'weeks must be between 1 and 26', 'weeks');
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new DomainError('VALIDATION_FAILED', 'first must be between 1 and 100', 'first');
    const now = this.clock.now();
    const current = weekStartOf(now).getTime();
    const historyStart = current - (YEAR_WEEKS + TRAILING_WEEKS) * WEEK_MS;
    // The year-ago window reaches forward to the last forecast week's right neighbour.
    const rows = await this.repository.weeklyBookings(orgId, new Date(historyStart), new Date(current));
    const counts = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const perWeek = counts.get(row.destination) ?? new Map<number, number>();
      perWeek.set(row.weekStart.getTime(), row.bookings);
      counts.set(row.destination, perWeek);
    }
    const averageOver = (perWeek: Map<number, number>, starts: number[]) => starts.reduce((n, w) => n + (perWeek.get(w) ?? 0), 0) / starts.length;
    const weeksBefore = (start: number, n: number) => Array.from({ length: n }, (_, i) => start - (i + 1) * WEEK_MS);

    const forecasts = [...counts.entries()].map(([destination, perWeek]): DestinationForecast => {
      const level = averageOver(perWeek, weeksBefore(current, TRAILING_WEEKS));
      return {
        destination,
        trailingWeeklyAverage: round2(level),
        weeks: Array.from({ length: weeks }, (_, i) => {
          const target = current + i * WEEK_MS;
          const yearAgo = target - YEAR_WEEKS * WEEK_MS;
          const season = averageOver(perWeek, [yearAgo - WEEK_MS, yearAgo, yearAgo + WEEK_MS].filter((w) => w < current));
          const baseline = averageOver(perWeek, weeksBefore(yearAgo, TRAILING_WEEKS).filter((w) => w >= historyStart));
          const index = baseline === 0 ? 1 : season / baseline;
          return { weekStart: new Date(target), seasonalIndex: round2(index), bookings: round2(level * index) };
        }),
      };
    });
    forecasts.sort((a, b) => b.trailingWeeklyAverage - a.trailingWeeklyAverage || (a.destination < b.destination ? -1 : 1));
    return { generatedAt: now, method: FORECAST_METHOD, destinations: forecasts.slice(0, first) };
  }
}
