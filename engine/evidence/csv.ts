/**
 * RFC 4180 CSV for auditors' spreadsheets. Cells that a spreadsheet would
 * run as a formula (leading =, +, -, @) are prefixed with a quote mark:
 * resource names and reasons come from the audited account and are untrusted.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(' ') : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @example
 * csvRow(['soc2:CC6.1', 'S3 bucket "x" is public.']) // 'soc2:CC6.1,"S3 bucket ""x"" is public."\r\n'
 */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
