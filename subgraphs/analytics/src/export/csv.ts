/** One CSV field (RFC 4180): quoted only when it holds a comma, quote or line break. */
export function csvField(value: string | number | bigint | Date | null): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: (string | number | bigint | Date | null)[]) => `${values.map(csvField).join(',')}\r\n`;
