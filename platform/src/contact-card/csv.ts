import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * CSV that a spreadsheet cannot turn into a formula (OWASP "CSV injection"): a cell that
 * starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text. `+50622000000` is written `'+50622000000`; readCsv undoes it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralizeCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);
const restoreCell = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);

export type CsvValue = string | number | null | undefined | string[];

/** Lists go in one cell separated by "; ". */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const cell = (v: CsvValue) => neutralizeCell(Array.isArray(v) ? v.join("; ") : v === null || v === undefined ? "" : String(v));
  return stringify([header, ...rows.map((row) => row.map(cell))], { record_delimiter: "\r\n" });
}

/**
 * Rows as objects keyed by the header; neutralised cells restored; lists split with `list()`.
 * The delimiter is the file's (`readTableFile` finds it: Excel in Spanish writes ";").
 */
export function readCsv(text: string, delimiter = ","): Record<string, string>[] {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    record_delimiter: ["\r\n", "\n"],
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, restoreCell(v)])));
}

export const list = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split(/\s*;\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
