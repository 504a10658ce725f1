/** A cell a spreadsheet would read as a formula starts with one of these (OWASP's CSV injection list). */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: always quoted, inner quotes doubled, a would-be formula prefixed with ' so it stays text. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '""';
  const text = String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and spreadsheets expect). */
export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** UTF-8 byte order mark: spreadsheets then read the file as UTF-8. */
export const utf8Bom = "\uFEFF";
