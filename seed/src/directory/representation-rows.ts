import { parse } from "csv-parse/sync";
import { isEmail, unsafeCharacter } from "../../../platform/src/formats";
import { OfficeCaveat, ProcedureCode, RepresentationKind, RepresentationStatus } from "../../../subgraphs/directory/src/entities/enums";
import { checkOpeningHours } from "../../../subgraphs/directory/src/edits/validate-changes";
import { parseFieldSourcesCell } from "../../../subgraphs/directory/src/sources/field-source-table";
import type { FieldSourceValue } from "../../../subgraphs/directory/src/sources/field-sources";
import { normalizePhones, type PhoneValue } from "../../../platform/src/phones";

/** A row of representations.csv (the format of shared/data), checked and normalised. */
export interface RepresentationSeedRow {
  id: string;
  kind: RepresentationKind;
  sendingCountryCode: string;
  hostCountryCode: string;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  concurrent: string[];
  phones: PhoneValue[];
  emails: string[];
  website: string | null;
  sourceUrls: string[];
  sourceDate: string | null;
  openingHours: string | null;
  status: RepresentationStatus;
  statusSince: string | null;
  caveats: OfficeCaveat[];
  /** Procedures a source says the office handles (offers CONFIRMED, each with its field source). */
  confirmedProcedures: ProcedureCode[];
  /** The sources of the row's values: the field_sources column (exports), then seed/data/field-sources.csv. */
  fieldSources: FieldSourceValue[];
}

export interface RowProblem {
  line: number;
  id: string;
  reason: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const KINDS = new Set<string>(Object.values(RepresentationKind));
const STATUSES = new Set<string>(Object.values(RepresentationStatus));
const CAVEATS = new Set<string>(Object.values(OfficeCaveat));
const PROCEDURES = new Set<string>(Object.values(ProcedureCode));
const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((v) => v.trim())
    .filter(Boolean);

const blank = (value: string | undefined) => (value ?? "").trim() || null;

/** The API's limits (edits/validate-changes.ts) for the cells the import writes; other cells at most CELL_MAX. */
const CELL_LIMITS: Record<string, number> = { city: 120, address: 500, website: 2000, opening_hours: 500, phone: 500, email: 1000 };
const CELL_MAX = 20_000;

/** The first cell of a record over its length limit or holding an unsafe character, in words; null when all are fine. */
export function cellProblem(record: Record<string, string | undefined>, limits: Record<string, number> = CELL_LIMITS): string | null {
  for (const [column, value] of Object.entries(record)) {
    if (typeof value !== "string") continue;
    const max = limits[column] ?? CELL_MAX;
    if (value.length > max) return `${column}: ${value.length} characters, at most ${max}`;
    const bad = column !== "field_sources" ? unsafeCharacter(value) : null;
    if (bad) return `${column}: holds the control or bidirectional-override character ${bad}`;
  }
  return null;
}

/**
 * Reads representations.csv. A row that cannot be trusted as a whole (unknown country,
 * kind, half coordinates, duplicate id) is rejected with its reason; a flaw that touches
 * one value only (a malformed e-mail, an unknown accreditation code) drops that value
 * and is reported as a warning, so that one typo never hides an office.
 */
export function parseRepresentationRows(csv: string, knownCountries: Set<string>, delimiter = ",") {
  const records: Record<string, string>[] = parse(csv, { delimiter, columns: true, skip_empty_lines: true, trim: true, bom: true });
  const rows: RepresentationSeedRow[] = [];
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const seen = new Set<string>();

  records.forEach((record, index) => {
    const line = index + 2; // header is line 1
    const id = record.id ?? "";
    const reject = (reason: string) => rejected.push({ line, id, reason });
    const sender = (record.sending_country_iso2 ?? "").toUpperCase();
    const host = (record.host_country_iso2 ?? "").toUpperCase();
    const lat = blank(record.latitude);
    const lon = blank(record.longitude);

    if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(id)) return reject("id: must be a lower-case slug of at most 120 characters");
    const badCell = cellProblem(record);
    if (badCell) return reject(badCell);
    if (seen.has(id)) return reject("id: duplicate of an earlier row");
    if (!knownCountries.has(sender)) return reject(`sending_country_iso2: unknown ISO 3166-1 code "${record.sending_country_iso2}"`);
    if (!knownCountries.has(host)) return reject(`host_country_iso2: unknown ISO 3166-1 code "${record.host_country_iso2}"`);
    if (sender === host) return reject("host_country_iso2: an office does not represent a country in itself");
    if (!KINDS.has(record.kind)) return reject(`kind: "${record.kind}" is not one of ${[...KINDS].join(", ")}`);
    if ((lat === null) !== (lon === null)) return reject("latitude/longitude: one is given without the other");
    const latitude = lat === null ? null : Number(lat);
    const longitude = lon === null ? null : Number(lon);
    if (latitude !== null && !(Math.abs(latitude) <= 90)) return reject(`latitude: "${lat}" is not a number from -90 to 90`);
    if (longitude !== null && !(Math.abs(longitude) <= 180)) return reject(`longitude: "${lon}" is not a number from -180 to 180`);
    const sourceUrls = (record.source_url ?? "").split(/\s+/).filter(Boolean);
    if (!sourceUrls.length) return reject("source_url: every row needs its source");
    const sourceDate = blank(record.source_date);
    if (sourceDate !== null && !DATE.test(sourceDate)) return reject(`source_date: "${sourceDate}" is not YYYY, YYYY-MM or YYYY-MM-DD`);

    const status = blank(record.status) ?? RepresentationStatus.ACTIVE;
    if (!STATUSES.has(status)) return reject(`status: "${status}" is not one of ${[...STATUSES].join(", ")}`);
    const statusSince = blank(record.status_since);
    if (statusSince !== null && !DATE.test(statusSince)) return reject(`status_since: "${statusSince}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    const caveats = list(record.caveats);
    const badCaveat = caveats.find((c) => !CAVEATS.has(c));
    if (badCaveat) return reject(`caveats: "${badCaveat}" is not one of ${[...CAVEATS].join(", ")}`);
    const confirmedProcedures = list(record.confirmed_procedures);
    const badCode = confirmedProcedures.find((c) => !PROCEDURES.has(c));
    if (badCode) return reject(`confirmed_procedures: "${badCode}" is not a procedure code`);
    const openingHours = blank(record.opening_hours);
    if (openingHours !== null) {
      try {
        checkOpeningHours(openingHours, host, "opening_hours");
      } catch (error) {
        return reject((error as Error).message);
      }
    }
    let fieldSources: FieldSourceValue[];
    try {
      fieldSources = parseFieldSourcesCell(record.field_sources ?? "");
    } catch (error) {
      return reject(`field_sources: ${(error as Error).message}`);
    }

    const concurrent: string[] = [];
    for (const code of (record.concurrent_accreditation_iso2 ?? "")
      .split(";")
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean)) {
      if (!knownCountries.has(code)) warnings.push({ line, id, reason: `concurrent_accreditation_iso2: unknown code "${code}" left out` });
      else if (code !== host && code !== sender && !concurrent.includes(code)) concurrent.push(code);
    }
    const emails: string[] = [];
    for (const email of (record.email ?? "").split(/[;,\s]+/).filter(Boolean)) {
      if (isEmail(email)) emails.push(email);
      else warnings.push({ line, id, reason: `email: "${email}" is not an e-mail address; left out` });
    }
    const phones = normalizePhones(record.phone ?? "", host);
    for (const phone of phones.filter((p) => p.e164 === null)) {
      warnings.push({ line, id, reason: `phone: "${phone.raw}" is not a valid number; kept as written, without E.164` });
    }

    seen.add(id);
    rows.push({
      id,
      kind: record.kind as RepresentationKind,
      sendingCountryCode: sender,
      hostCountryCode: host,
      city: blank(record.city),
      address: blank(record.address),
      latitude,
      longitude,
      concurrent,
      phones,
      emails,
      website: blank(record.website),
      sourceUrls,
      sourceDate,
      openingHours,
      status: status as RepresentationStatus,
      statusSince,
      caveats: caveats as OfficeCaveat[],
      confirmedProcedures: confirmedProcedures as ProcedureCode[],
      fieldSources,
    });
  });
  return { rows, rejected, warnings, read: records.length };
}
