import { decodeTable } from "../../../platform/src/files/table-file";
import { readCsv, toCsv } from "../../../platform/src/contact-card/csv";
import { COLUMNS, officeCells, type Office } from "./columns";
import { tableRows, type ReadTable } from "./table-rows";

/** The table as CSV (UTF-8 with BOM, formula-looking cells neutralised): the same columns as the workbook. */
export function tableCsv(offices: Office[]): string {
  return `\uFEFF${toCsv(
    COLUMNS,
    offices.map((o) => {
      const cells = officeCells(o);
      return COLUMNS.map((c) => cells[c] ?? "");
    }),
  )}`;
}

/**
 * A filled table as CSV, in the encodings and delimiters the importer reads (UTF-8 with or
 * without BOM, UTF-16, Windows-1252; "," ";" or tab). Row numbers count the header as 1.
 */
export function readTableCsv(bytes: Buffer, name: string): ReadTable {
  const { text, delimiter } = decodeTable(bytes, name);
  const records = readCsv(text, delimiter);
  const header = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/, 1)[0]
    .split(delimiter)
    .map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());
  return tableRows(
    header,
    records.map((cells, i) => ({ row: i + 2, cells })),
  );
}
