import { parse } from "csv-parse/sync";
import type { PhoneLabel, SourcedField } from "../entities/enums";
import type { FieldSourceValue } from "./field-sources";

/** Columns of seed/data/field-sources.csv, one value's source a row. */
export const FIELD_SOURCE_COLUMNS = ["representation_id", "field", "value", "label", "url", "published", "seen_on", "excerpt"] as const;

const blank = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

function fromRecord(record: Record<string, unknown>): FieldSourceValue {
  return {
    field: String(record.field ?? "")
      .trim()
      .toUpperCase() as SourcedField,
    value: String(record.value ?? "").trim(),
    label: (blank(record.label)?.toUpperCase() ?? null) as PhoneLabel | null,
    url: String(record.url ?? "").trim(),
    published: blank(record.published),
    seenOn: String(record.seen_on ?? record.seenOn ?? "").trim(),
    excerpt: String(record.excerpt ?? "").trim(),
  };
}

/** Reads field-sources.csv: the sources grouped by office id, in file order. */
export function parseFieldSourceTable(csv: string): Map<string, (FieldSourceValue & { line: number })[]> {
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, bom: true, relax_quotes: false });
  const byOffice = new Map<string, (FieldSourceValue & { line: number })[]>();
  records.forEach((record, index) => {
    const id = (record.representation_id ?? "").trim();
    const list = byOffice.get(id) ?? [];
    list.push({ ...fromRecord(record), line: index + 2 });
    byOffice.set(id, list);
  });
  return byOffice;
}

/**
 * The field_sources cell of Enlace's CSV (the exports and the import): a JSON array of
 * {field, value, label, url, published, seenOn, excerpt}. Empty: no sources in the cell.
 */
export function parseFieldSourcesCell(cell: string): FieldSourceValue[] {
  if (!cell.trim()) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    throw new Error("not a JSON array of sources");
  }
  if (!Array.isArray(parsed) || parsed.some((s) => typeof s !== "object" || s === null)) throw new Error("not a JSON array of sources");
  return parsed.map((s) => fromRecord(s as Record<string, unknown>));
}

export { fieldSourcesCell } from "../../../../platform/src/files/field-sources-cell";
