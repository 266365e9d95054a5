import type ExcelJS from "exceljs";
import type JSZip from "jszip";

/**
 * exceljs and jszip are loaded the first time a table is read or written, not when the
 * gateway starts: most gateways never serve one, and exceljs alone is about 10 MB of heap.
 */
const excel = async () => (await import("exceljs")).default;
const zipReader = async () => (await import("jszip")).default;
import type { MessageKey, Translate } from "../i18n";
import { ANSWERS, COLUMNS, KINDS, officeCells, PROCEDURE_CODES, READ_ONLY, STATUSES, type Office } from "./columns";
import { tableRows, type ReadTable, type TableRowProblem } from "./table-rows";

/** The most rows the workbook leaves room (and validation lists) for below the offices. */
const ROOM_FOR_NEW = 200;
/** Everything a workbook may unzip to: a country's table is well under 1 MB. */
const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** The meaning of a column, in the official's language (messages "table.col.*"). */
function meaning(column: string, t: Translate, procedures: Map<string, string>): string {
  if ((PROCEDURE_CODES as readonly string[]).includes(column.toUpperCase())) return t("table.col.procedure", { procedure: procedures.get(column.toUpperCase()) ?? column });
  return t(`table.col.${column}` as MessageKey);
}

/**
 * A host country's table as an Excel workbook (exceljs): the offices on the first sheet, one
 * row each, with lists to pick from where a cell has fixed values (kind, status, each
 * procedure), room for new offices below; the columns' meanings on the second sheet, in
 * the official's language.
 */
export async function tableWorkbook(offices: Office[], t: Translate, title: string, procedures: Map<string, string>): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  book.creator = "Enlace";
  book.title = title;
  const sheet = book.addWorksheet(t("table.sheet.offices"), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((key) => ({ header: key, key, width: key === "name" || key === "address" ? 40 : key.length > 12 ? 14 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const office of offices) sheet.addRow(officeCells(office));
  const last = offices.length + 1 + ROOM_FOR_NEW;
  const listed: [string, readonly string[]][] = [["kind", KINDS], ["status", STATUSES], ...PROCEDURE_CODES.map((c): [string, readonly string[]] => [c.toLowerCase(), ANSWERS])];
  for (const [column, values] of listed) {
    const at = COLUMNS.indexOf(column) + 1;
    const rule = { type: "list" as const, allowBlank: true, formulae: [`"${values.join(",")}"`], showErrorMessage: true, errorTitle: column, error: meaning(column, t, procedures).slice(0, 255) };
    for (let row = 2; row <= last; row++) sheet.getCell(row, at).dataValidation = rule;
  }
  for (const column of READ_ONLY) sheet.getColumn(COLUMNS.indexOf(column) + 1).font = { italic: true, color: { argb: "FF555555" } };
  const help = book.addWorksheet(t("table.sheet.columns"));
  help.columns = [
    { header: t("table.help.column"), key: "column", width: 28 },
    { header: t("table.help.meaning"), key: "meaning", width: 90 },
    { header: t("table.help.values"), key: "values", width: 50 },
  ];
  help.getRow(1).font = { bold: true };
  const values = (column: string) => (column === "kind" ? KINDS : column === "status" ? STATUSES : (PROCEDURE_CODES as readonly string[]).includes(column.toUpperCase()) ? ANSWERS : []).join(", ");
  for (const column of COLUMNS) help.addRow({ column, meaning: meaning(column, t, procedures), values: values(column) });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook the table refuses: said in words, located where it can be. */
export class WorkbookRefused extends Error {
  constructor(
    readonly code: "NOT_A_WORKBOOK" | "MACROS" | "EXTERNAL_LINKS" | "HIDDEN_SHEET" | "FORMULA" | "TOO_LARGE",
    message: string,
    readonly where?: { sheet?: string; cell?: string },
  ) {
    super(message);
  }
}

/**
 * Reads a filled workbook (.xlsx). Refused before any cell is read: a file that is not a
 * workbook, one with macros (vbaProject, macro-enabled types), links to other files, one
 * that unzips to more than 50 MB; while reading: hidden sheets and any formula (the table
 * holds values; a formula's result depends on what the reader's spreadsheet computes).
 */
export async function readWorkbook(bytes: Buffer): Promise<ReadTable> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw new WorkbookRefused("NOT_A_WORKBOOK", "the file is not an Excel workbook (.xlsx); send the table as downloaded, or as CSV to the .csv address");
  let zip: JSZip;
  try {
    zip = await (await zipReader()).loadAsync(bytes);
  } catch {
    throw new WorkbookRefused("NOT_A_WORKBOOK", "the file is not a readable Excel workbook (.xlsx)");
  }
  const names = Object.keys(zip.files);
  let unzipped = 0;
  for (const name of names) unzipped += (zip.files[name] as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (unzipped > MAX_UNZIPPED_BYTES) throw new WorkbookRefused("TOO_LARGE", `the workbook unzips to ${(unzipped / 1048576).toFixed(1)} MB; a country's table is well under 1 MB`);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types))
    throw new WorkbookRefused("MACROS", "the workbook holds macros (.xlsm); save it as an Excel workbook (.xlsx) without macros and send it again");
  if (names.some((n) => /^xl\/externalLinks\//i.test(n)))
    throw new WorkbookRefused("EXTERNAL_LINKS", "the workbook links to other files; paste the values instead (Paste special → Values) and send it again");
  const Excel = await excel();
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookRefused("NOT_A_WORKBOOK", "the file is not a readable Excel workbook (.xlsx)");
  }
  const hidden = book.worksheets.find((s) => s.state !== "visible");
  if (hidden) throw new WorkbookRefused("HIDDEN_SHEET", `the sheet "${hidden.name}" is hidden; show it or delete it, then send the workbook again`, { sheet: hidden.name });
  const sheet = book.worksheets[0];
  if (!sheet) throw new WorkbookRefused("NOT_A_WORKBOOK", "the workbook has no sheet");
  for (const s of book.worksheets) {
    s.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === Excel.ValueType.Formula || cell.formula || (cell.value && typeof cell.value === "object" && "sharedFormula" in cell.value)) {
          throw new WorkbookRefused("FORMULA", `the cell ${cell.address} of the sheet "${s.name}" holds a formula (${cell.formula ?? "shared"}); write its value instead`, {
            sheet: s.name,
            cell: cell.address,
          });
        }
      }),
    );
  }
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell).trim().toLowerCase()));
  const rows: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const column = header[col - 1];
      if (column) cells[column] = cellText(cell);
    });
    rows.push({ row: number, cells });
  });
  return tableRows(header.filter(Boolean), rows);
}

/** A cell's value as the official sees it: rich text joined, a hyperlink's text, a date as YYYY-MM-DD, a number as written. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("hyperlink" in v) return String(v.hyperlink);
  }
  return String(v);
}

export type { TableRowProblem };
