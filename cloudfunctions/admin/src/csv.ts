/**
 * A CSV writer for spreadsheets: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order mark
 * (so Excel detects UTF-8 and shows Chinese correctly), and cells that a spreadsheet would run as
 * a formula (starting with = + - @, or a tab or carriage return) prefixed with `'`.
 */

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
}
