import { parse } from "csv-parse/sync";
import { TableFileError, type TableText } from "../../../platform/src/files/table-file";

/**
 * Refuses a file that looks cut short (a download or a copy that stopped): no line break
 * at the end and a last row with fewer columns than the header. Exports end every row
 * with a line break, so the last row of a cut file would otherwise be read as an office
 * with its last fields empty. (An open quote at the end is caught by table-file.)
 */
export function assertNotCutShort({ text, delimiter }: TableText, name: string): void {
  if (/\n\s*$/.test(text)) return;
  const rows: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
  const [header, last] = [rows[0], rows[rows.length - 1]];
  if (rows.length > 1 && last.length < header.length) {
    throw new TableFileError(`${name}: its last row (row ${rows.length}) has ${last.length} of the header's ${header.length} columns and the file does not end with a line break: it looks cut short`);
  }
}
