import { parse } from "csv-parse/sync";
import { isEmail } from "../../../platform/src/formats";
import { RepresentationKind, RepresentationStatus, SourcedField } from "../../../subgraphs/directory/src/entities/enums";
import type { FieldSourceValue } from "../../../subgraphs/directory/src/sources/field-sources";
import { cellProblem, type RowProblem } from "../directory/representation-rows";
import { normalizePhones } from "../../../platform/src/phones";
import type { ImportRow } from "./import-row";

/** The export's `type` column → kind. Types absent here are not missions of a state. */
const KINDS: Record<string, RepresentationKind> = {
  embassy: RepresentationKind.EMBASSY,
  "high commission": RepresentationKind.EMBASSY,
  "british high commission": RepresentationKind.EMBASSY,
  "australian high commission": RepresentationKind.EMBASSY,
  "consulate general": RepresentationKind.CONSULATE_GENERAL,
  "consulate general of sweden": RepresentationKind.CONSULATE_GENERAL,
  consulate: RepresentationKind.CONSULATE,
  "consular office": RepresentationKind.CONSULATE,
  "honorary consulate": RepresentationKind.HONORARY_CONSULATE,
  "de facto embassy": RepresentationKind.OTHER,
  "de facto consulate": RepresentationKind.OTHER,
  "interests section": RepresentationKind.OTHER,
  "consular agency": RepresentationKind.OTHER,
  "liaison office": RepresentationKind.OTHER,
  "representative office": RepresentationKind.OTHER,
  "assistant high commission": RepresentationKind.OTHER,
};

export interface ParsedImport {
  rows: ImportRow[];
  rejected: RowProblem[];
  warnings: RowProblem[];
  /** Rows that are not offices Enlace lists (not a state's mission, not in the region), by reason. */
  skipped: Record<string, number>;
  read: number;
}

const EXPORT_EXCERPT_CELLS = ["city", "cityQID", "address", "latitude", "longitude", "phone", "email", "website"];

/**
 * The sources of an export row's values: the row itself (file and line), its cells from
 * the city to the website as the excerpt. The export's date and the day it is read are
 * set by the import (run-import.ts), which knows them.
 */
function exportLineSources(
  record: Record<string, string>,
  delimiter: string,
  url: string,
  values: { address: string | null; phones: { raw: string }[]; emails: string[]; website: string | null },
): FieldSourceValue[] {
  const excerpt = EXPORT_EXCERPT_CELLS.map((c) => record[c] ?? "").join(delimiter);
  const source = (field: SourcedField, value: string): FieldSourceValue => ({ field, value, label: null, url, published: null, seenOn: "", excerpt });
  return [
    ...(values.address ? [source(SourcedField.ADDRESS, values.address)] : []),
    ...values.phones.map((p) => source(SourcedField.PHONE, p.raw)),
    ...values.emails.map((e) => source(SourcedField.EMAIL, e)),
    ...(values.website ? [source(SourcedField.WEBSITE, values.website)] : []),
  ];
}

/**
 * Reads the database-of-embassies export (`;`-separated as published, Wikidata statements) into rows
 * in Enlace's terms. Scope as for the seed (seed/data/SOURCES.md): the sender is not a CRM
 * member, and the host is a CRM member or the jurisdiction includes one.
 */
export function parseDatabaseOfEmbassies(
  csv: string,
  ctx: { delimiter: string; countryCode(name: string): string | undefined; crmMembers: Set<string>; sourceRef(line: number): string },
  onRow: (done: number, total: number) => void = () => undefined,
): ParsedImport {
  const records: Record<string, string>[] = parse(csv, { delimiter: ctx.delimiter, columns: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true });
  const result: ParsedImport = { rows: [], rejected: [], warnings: [], skipped: {}, read: records.length };
  const skip = (reason: string) => (result.skipped[reason] = (result.skipped[reason] ?? 0) + 1);

  records.forEach((record, index) => {
    onRow(index + 1, records.length);
    const line = index + 2;
    const kind = KINDS[(record.type ?? "").toLowerCase()];
    if (!kind) return skip(`type "${record.type || "(none)"}" is not a mission Enlace lists`);
    const sender = ctx.countryCode(record.operator ?? "");
    const host = ctx.countryCode(record.country ?? "");
    if (!sender) return skip("operator is not an ISO 3166-1 country");
    if (!host) return skip("country is not an ISO 3166-1 country");
    const id = record.QID ?? "";
    const reject = (reason: string) => result.rejected.push({ line, id, reason });
    const badCell = cellProblem(record);
    if (badCell) return reject(badCell);
    const jurisdiction = (record.jurisdictions ?? "").split("|").filter(Boolean);
    const concurrent = [...new Set(jurisdiction.map((name) => ctx.countryCode(name)).filter((c): c is string => !!c && c !== host && c !== sender))];
    if (ctx.crmMembers.has(sender)) return skip("sender is a CRM member");
    if (!ctx.crmMembers.has(host) && !concurrent.some((c) => ctx.crmMembers.has(c))) return skip("neither in a CRM state nor accredited to one");
    if (sender === host) return reject(`country: "${record.country}" is the operator itself; the export's country is wrong`);

    const lat = record.latitude ? Number(record.latitude) : null;
    const lon = record.longitude ? Number(record.longitude) : null;
    if ((lat === null) !== (lon === null)) return reject("latitude/longitude: one is given without the other");
    if (lat !== null && !(Math.abs(lat) <= 90)) return reject(`latitude: "${record.latitude}" is not a number from -90 to 90`);
    if (lon !== null && !(Math.abs(lon) <= 180)) return reject(`longitude: "${record.longitude}" is not a number from -180 to 180`);

    // The export writes e-mails as mailto: URIs.
    const emails = (record.email ?? "")
      .split(/[;,\s]+/)
      .filter(Boolean)
      .map((e) => e.replace(/^mailto:/i, ""));
    for (const bad of emails.filter((e) => !isEmail(e))) result.warnings.push({ line, id, reason: `email: "${bad}" is not an e-mail address; left out` });
    const phones = normalizePhones(record.phone ?? "", host);
    for (const bad of phones.filter((p) => p.e164 === null)) result.warnings.push({ line, id, reason: `phone: "${bad.raw}" is not a valid number; kept as written` });

    result.rows.push({
      line,
      id: null,
      externalUrl: /^https?:\/\/www\.wikidata\.org\/entity\/Q\d+$/.test(id) ? id : null,
      kind,
      sendingCountryCode: sender,
      hostCountryCode: host,
      city: record.city || null,
      address: record.address || null,
      latitude: lat,
      longitude: lon,
      concurrent,
      phones,
      emails: emails.filter((e) => isEmail(e)),
      website: record.website || null,
      sourceUrls: [ctx.sourceRef(line), ...(id ? [id] : [])],
      openingHours: null,
      status: RepresentationStatus.ACTIVE,
      statusSince: null,
      caveats: [],
      confirmedProcedures: [],
      // The export is the source of each value: its line, quoted from the city to the website.
      fieldSources: exportLineSources(record, ctx.delimiter, ctx.sourceRef(line), {
        address: record.address || null,
        phones,
        emails: emails.filter((e) => isEmail(e)),
        website: record.website || null,
      }),
    });
  });
  return result;
}
