/** Display helpers: money from integer minor units, instants in a place's own time zone. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format;
}

/** 123456 USD → "$1,234.56"; 5000 JPY → "¥5,000"; uses the currency's own number of minor digits. */
export function formatMoney({ amount, currency }: { amount: number; currency: string }): string {
  const format = moneyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** "08:30" at the place whose IANA zone is given. */
export function formatTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** "Sun 22 Nov" at the place whose IANA zone is given. */
export function formatDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant));
}

/** Short zone name at that instant and place, e.g. "GMT+1" or "EST". */
export function formatZone(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(instant));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Calendar date (YYYY-MM-DD) of an instant at a place. */
export function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** Whole days between the local departure date and the local arrival date (the "+1" of overnight flights). */
export function dayOffset(departureAt: string, departureZone: string, arrivalAt: string, arrivalZone: string): number {
  const from = Date.parse(`${localDate(departureAt, departureZone)}T00:00:00Z`);
  const to = Date.parse(`${localDate(arrivalAt, arrivalZone)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/** 135 → "2h 15m". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

/** Today's date (YYYY-MM-DD) in the browser's zone, for the date input. */
export function today(): string {
  return localDate(new Date().toISOString(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** A calendar date (YYYY-MM-DD) as "Sun 22 Nov", with no time zone shift. */
export function formatCalendarDate(date: string): string {
  return formatDate(`${date}T12:00:00Z`, 'UTC');
}
