import { basename } from "node:path";
import type { DataSource } from "typeorm";
import { Country, JurisdictionBasis, JurisdictionRow, Membership, Representation } from "../../../subgraphs/directory/src/entities";
import { faultPoint } from "../../../platform/src/fault-points";
import { PermanentError } from "../../../platform/src/cli";
import { readTableFile, type TableText } from "../../../platform/src/files/table-file";
import { checkDate } from "../../../platform/src/formats";
import { applyImportDiff } from "./apply";
import { assertNotCutShort } from "./cut-short";
import { englishCountryCodes } from "./country-codes";
import { parseDatabaseOfEmbassies, type ParsedImport } from "./database-of-embassies";
import { diffImport, type ExistingOffice, type ImportDiff } from "./diff";
import { parseEnlaceFormat } from "./enlace-format";
import { dropPositionsOutsideHost } from "./office-match";
import { refuseUnsourced } from "../directory/field-source-rows";
import { holdBackOlder, type FieldHistory } from "./newer-values";
import { AuditEntry, FieldSourceRow } from "../../../subgraphs/directory/src/entities";
import { SourcedField } from "../../../subgraphs/directory/src/entities/enums";

export type ImportFormat = "auto" | "enlace" | "database-of-embassies";

export interface ImportOptions {
  format: ImportFormat;
  apply: boolean;
  /** Date of the export (YYYY-MM-DD); default: a date in the file name. */
  date?: string;
  /** Replace values the secretariat edited (or a correction changed) after the export's date; never values with a newer source. */
  overwriteEdits?: boolean;
  progress?(phase: string, done: number, total: number): void;
}

export interface ImportResult {
  file: string;
  format: Exclude<ImportFormat, "auto">;
  encoding: TableText["encoding"];
  delimiter: TableText["delimiter"];
  sourceDate: string | null;
  applied: boolean;
  parsed: Omit<ParsedImport, "rows">;
  diff: ImportDiff;
}

/** The diff's field names → the field sources and audit keys that hold them. */
const FIELD_KEYS: Record<string, { source?: SourcedField; audit: string[] }> = {
  address: { source: SourcedField.ADDRESS, audit: ["address"] },
  phones: { source: SourcedField.PHONE, audit: ["phones"] },
  emails: { source: SourcedField.EMAIL, audit: ["emails"] },
  website: { source: SourcedField.WEBSITE, audit: ["website"] },
  openingHours: { source: SourcedField.OPENING_HOURS, audit: ["openingHours"] },
  coordinates: { audit: ["latitude", "longitude"] },
  concurrentAccreditation: { source: SourcedField.ACCREDITATION, audit: ["concurrentAccreditation"] },
};

/**
 * Each office field's history, for holdBackOlder: the newest dated source of its value
 * (field sources; for a value without one, the office's source date), and the last write
 * through the API (not an import or the seed) that changed it. Two reads, whatever the size.
 */
async function fieldHistories(dataSource: DataSource, reps: Representation[]): Promise<(id: string, field: string) => FieldHistory> {
  const sources = new Map<string, string>();
  for (const s of await dataSource.manager.find(FieldSourceRow, { select: { representationId: true, field: true, published: true, url: true, seenOn: true } })) {
    const date = s.published ?? null;
    if (date === null) continue;
    const key = `${s.representationId}\u0000${s.field}`;
    if (!sources.has(key) || (sources.get(key) as string) < date) sources.set(key, date);
  }
  const edits = new Map<string, { at: string; action: string }>();
  const audit = await dataSource.manager.find(AuditEntry, { where: { entity: "Representation" }, order: { id: "ASC" } });
  for (const entry of audit) {
    if (entry.actor.startsWith("import:") || entry.actor.startsWith("seed")) continue;
    for (const key of Object.keys(entry.changes)) edits.set(`${entry.entityId}\u0000${key}`, { at: entry.at, action: entry.action });
  }
  const byId = new Map(reps.map((r) => [r.id, r]));
  return (id, field) => {
    const keys = FIELD_KEYS[field] ?? { audit: [field] };
    const sourced = keys.source ? (sources.get(`${id}\u0000${keys.source}`) ?? null) : null;
    const edit = keys.audit
      .map((k) => edits.get(`${id}\u0000${k}`))
      .filter((e): e is { at: string; action: string } => !!e)
      .sort((a, b) => b.at.localeCompare(a.at))[0];
    const rep = byId.get(id);
    const sourceDate = sourced ?? (keys.source && rep?.sourceDate ? rep.sourceDate : null);
    return { sourceDate, editedAt: edit?.at ?? null, editAction: edit?.action ?? null };
  };
}

/** Bad input to the import (a date, a format, a file): permanent, running it again fails the same way. */
export class ImportInputError extends PermanentError {}

export function detectFormat({ text, delimiter }: TableText): Exclude<ImportFormat, "auto"> {
  const header = text
    .split("\n", 1)[0]
    .replace(/\r$/, "")
    .split(delimiter)
    .map((name) => name.trim().replace(/^"|"$/g, ""));
  if (header[0] === "operator") return "database-of-embassies";
  if (header.includes("sending_country_iso2")) return "enlace";
  throw new ImportInputError("format: the file is neither Enlace's CSV (header with sending_country_iso2) nor the database-of-embassies export (header starting operator;); pass --format");
}

/**
 * The export's date: --date, else a date in the file name, else null. Either must be a
 * real calendar date (2031-02-30 is not) and not after today: a date in the future would
 * make every office look verified for years.
 */
export function exportDate(file: string, given: string | undefined, today = new Date().toISOString().slice(0, 10)): string | null {
  const [date, where] = given !== undefined ? [given.trim(), "--date"] : [/(\d{4}-\d{2}-\d{2})/.exec(file)?.[1], `the date in the file name ${file}`];
  if (date === undefined) return null;
  try {
    checkDate(date, where);
  } catch (error) {
    throw new ImportInputError((error as Error).message);
  }
  if (date > today) throw new ImportInputError(`${where}: ${date} is in the future (today is ${today})`);
  return date;
}

/**
 * Reads an export, computes what it would change in the directory and, with `apply`,
 * applies it in one transaction. Without `apply` it writes nothing.
 */
export async function runImport(dataSource: DataSource, path: string, options: ImportOptions): Promise<ImportResult> {
  const file = basename(path);
  const sourceDate = exportDate(file, options.date);
  if (options.apply && sourceDate === null) {
    throw new ImportInputError(`--date: the export's date is unknown (no --date, no date in the file name ${file}); --apply needs it, so that an unknown date never replaces the offices' known ones`);
  }
  // Spreadsheet files: UTF-8 with or without BOM, UTF-16, Windows-1252; "," ";" or tab.
  const table = readTableFile(path);
  assertNotCutShort(table, path);
  const csv = table.text;
  const format = options.format === "auto" ? detectFormat(table) : options.format;

  const countries = await dataSource.manager.find(Country);
  const progress = (phase: string) => (done: number, total: number) => options.progress?.(phase, done, total);
  const parsed =
    format === "enlace"
      ? parseEnlaceFormat(csv, new Set(countries.map((c) => c.code)), table.delimiter)
      : parseDatabaseOfEmbassies(
          csv,
          {
            delimiter: table.delimiter,
            countryCode: englishCountryCodes(),
            crmMembers: new Set(countries.filter((c) => c.crmMembership === Membership.MEMBER).map((c) => c.code)),
            sourceRef: (line) => `file:${file}#L${line}`,
          },
          progress("reading"),
        );

  const reps = await dataSource.manager.find(Representation);
  const concurrent = new Map<string, string[]>();
  for (const j of await dataSource.manager.findBy(JurisdictionRow, { basis: JurisdictionBasis.CONCURRENT_ACCREDITATION })) {
    concurrent.set(j.representationId, [...(concurrent.get(j.representationId) ?? []), j.countryCode]);
  }
  const existing: ExistingOffice[] = reps.map((rep) => ({ rep, concurrent: concurrent.get(rep.id) ?? [] }));
  // Only offices that came from this kind of source can be missing from it.
  const fromThisSource = (o: ExistingOffice) => format === "enlace" || o.rep.sourceUrls.some((u) => u.includes("database-of-embassies") || u.includes("wikidata.org/entity/"));
  // Every value with its source: the export's own line for the database-of-embassies
  // format (dated with the export), the field_sources cell for Enlace's format.
  const today = new Date().toISOString().slice(0, 10);
  for (const row of parsed.rows) {
    row.fieldSources = row.fieldSources.map((s) => ({ ...s, published: s.published ?? (format === "database-of-embassies" ? sourceDate : null), seenOn: s.seenOn || today }));
  }
  const sourced = refuseUnsourced(parsed.rows, (row) => row.line);
  parsed.rows = sourced.accepted;
  parsed.rejected.push(...sourced.refused);
  dropPositionsOutsideHost(parsed.rows, parsed.warnings);
  const diff = diffImport(parsed.rows, existing, fromThisSource);
  diff.rejected.unshift(...parsed.rejected);
  // Never an older value over a newer one, never over an edit made since the export (unless told to).
  diff.heldBack = holdBackOlder(diff, sourceDate, await fieldHistories(dataSource, reps), options.overwriteEdits === true);

  if (options.apply && sourceDate !== null && diff.created.length + diff.changed.length > 0) {
    await dataSource.transaction(async (m) => {
      await applyImportDiff(m, diff, { actor: `import:${file}`, sourceDate, onProgress: progress("applying") });
      await faultPoint("import.apply");
    });
  }
  const { rows: _rows, ...rest } = parsed;
  return { file, format, encoding: table.encoding, delimiter: table.delimiter, sourceDate, applied: options.apply, parsed: rest, diff };
}
