/** One CSV field (RFC 4180): quoted only when it holds a comma, quote or line break. */
export type Cell = string | number | bigint | Date | null;

export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: Cell[]) => `${values.map(csvField).join(',')}\r\n`;
