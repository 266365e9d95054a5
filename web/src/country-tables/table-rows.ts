import type { CountryTableRowInput } from "../../../operations/generated/graphql";
import { COLUMNS, listCell, PROCEDURE_CODES, READ_ONLY } from "./columns";

/** A cell the table cannot take (the API's TableRowProblem). */
export interface TableRowProblem {
  row: number;
  column: string;
  /** What is wrong (the API's codes, and UNKNOWN_COLUMN, NO_ID_COLUMN for the file's header). */
  code: string;
  value?: string | null;
  reason: string;
  fix?: string | null;
}

/** A table read from a file: its rows as the API takes them, and the problems of the file itself. */
export interface ReadTable {
  rows: CountryTableRowInput[];
  problems: TableRowProblem[];
}

/**
 * Rows of cells (by header) → the API's rows. The header must name the table's columns
 * (any order, any case); a column the table does not have is refused, so that nothing the
 * official wrote is silently dropped. Rows with no cell written are skipped.
 */
export function tableRows(header: string[], rows: { row: number; cells: Record<string, string> }[]): ReadTable {
  const problems: TableRowProblem[] = [];
  const known = new Set(COLUMNS);
  for (const name of header) {
    if (name && !known.has(name))
      problems.push({ row: 1, column: name, code: "UNKNOWN_COLUMN", value: name, reason: `"${name}" is not a column of the table; the second sheet ("columns") lists them`, fix: null });
  }
  if (!header.includes("id")) problems.push({ row: 1, column: "id", code: "NO_ID_COLUMN", value: null, reason: "the header has no id column: download the table again and fill that file", fix: null });
  const out: CountryTableRowInput[] = [];
  for (const { row, cells } of rows) {
    const value = (column: string) => (cells[column] ?? "").trim();
    const written = Object.entries(cells).some(([column, v]) => !READ_ONLY.has(column) && v.trim() !== "");
    if (!written) continue;
    const text = (column: string) => value(column) || null;
    out.push({
      row,
      id: text("id"),
      sendingCountry: text("sending_country"),
      kind: text("kind"),
      city: text("city"),
      address: text("address"),
      phones: listCell(value("phones")),
      emails: listCell(value("emails").replace(/,/g, ";")),
      website: text("website"),
      openingHours: text("opening_hours"),
      status: text("status"),
      procedures: PROCEDURE_CODES.flatMap((code) => (value(code.toLowerCase()) ? [{ procedure: code, answer: value(code.toLowerCase()) }] : [])),
      source: text("source"),
    });
  }
  return { rows: out, problems };
}
