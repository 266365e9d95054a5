import { RepresentationStatus } from "../../../subgraphs/directory/src/entities";
import { representationId } from "../../../subgraphs/directory/src/representation-id";
import type { RowProblem } from "../directory/representation-rows";
import type { ImportRow } from "./import-row";
import { farFrom, keyOf, kmFrom, officesByKey, samePosition, tooFar, type ExistingOffice } from "./office-match";

export type { ExistingOffice } from "./office-match";

/** A change the import holds back, and why. */
export interface HeldBack {
  id: string;
  field: string;
  /** The value the directory keeps, and the one the export has. */
  kept: unknown;
  offered: unknown;
  reason: "NEWER_SOURCE" | "EDITED_SINCE";
  /** The date that wins: the kept value's source date, or the edit's. */
  since: string;
}

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface ImportDiff {
  /** `note` says why a row was not matched to an office of the same key (it is too far from it). */
  created: (ImportRow & { id: string; note?: string })[];
  changed: { id: string; version: number; row: ImportRow; changes: FieldChanges }[];
  unchanged: string[];
  /** Rows that repeat an earlier row of the file (same stable id, same values): one office, reported once. */
  repeated: { line: number; id: string; firstLine: number }[];
  /** In the directory, from this kind of source, but not in the export: for review, never closed. */
  missing: { id: string; city: string | null; sources: string[] }[];
  rejected: RowProblem[];
  /** Changes not made: the directory's value has a newer source, or was edited after the export (newer-values.ts). */
  heldBack: HeldBack[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
const near = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) < 1e-6;

/** What a row says about an office, without where in the file it was said. */
const content = (row: ImportRow) =>
  JSON.stringify([
    row.kind,
    row.sendingCountryCode,
    row.hostCountryCode,
    row.city,
    row.address,
    row.latitude,
    row.longitude,
    [...row.concurrent].sort(),
    row.phones.map((p) => p.raw).sort(),
    [...row.emails].sort(),
    row.website,
    row.openingHours,
  ]);

/**
 * What importing `rows` would change. A value the export leaves empty never erases one
 * the directory has (an empty cell means the source did not say). Matching: the row's id
 * (Enlace format), else the source's stable id kept in an office's provenance, else
 * sending country + host country + kind + city, and the nearest by coordinates when
 * several offices share that key. Rows of the file with the same stable id are one office.
 * A match more than SAME_PLACE_KM away is another office: an import never moves an
 * office to another city.
 */
export function diffImport(rows: ImportRow[], existing: ExistingOffice[], missingScope: (office: ExistingOffice) => boolean): ImportDiff {
  const diff: ImportDiff = { created: [], changed: [], unchanged: [], repeated: [], missing: [], rejected: [], heldBack: [] };
  const byId = new Map(existing.map((o) => [o.rep.id, o]));
  const byKey = officesByKey(existing);
  const claimed = new Set<string>();
  const ids = new Set(existing.map((o) => o.rep.id));
  const firstByStableId = new Map<string, ImportRow>();
  const reject = (row: ImportRow, reason: string) => diff.rejected.push({ line: row.line, id: row.id ?? row.externalUrl ?? "", reason });

  for (const row of rows) {
    const stableId = row.id ?? row.externalUrl;
    const first = stableId ? firstByStableId.get(stableId) : undefined;
    if (first) {
      if (content(first) === content(row)) diff.repeated.push({ line: row.line, id: stableId as string, firstLine: first.line });
      else reject(row, `repeat: line ${first.line} has the same id with other values; the first row is used`);
      continue;
    }
    if (stableId) firstByStableId.set(stableId, row);

    let match: ExistingOffice | undefined;
    if (row.id) match = byId.get(row.id);
    else if (row.externalUrl) match = existing.find((o) => !claimed.has(o.rep.id) && o.rep.sourceUrls.includes(row.externalUrl as string));
    if (match && tooFar(match, row)) {
      reject(row, `moved: ${farFrom(match, row)}; an import never moves an office to another city: check the source, then edit the office or add a new one`);
      continue;
    }
    // Where the export names a region instead of a city, the directory has no city (SOURCES.md).
    const sameKey = byKey.get(keyOf(row)) ?? (row.city ? (byKey.get(keyOf(row, "")) ?? []) : []);
    // An office of the same key far from the row is another office of that country.
    const nearby = sameKey.filter((o) => !tooFar(o, row));
    const faraway = sameKey.filter((o) => tooFar(o, row));
    const candidates = nearby.filter((o) => !claimed.has(o.rep.id));
    if (!match && !row.id && nearby.length && !candidates.length) {
      reject(row, `duplicate: ${nearby.map((o) => o.rep.id).join(", ")} already matched by an earlier row of the export`);
      continue;
    }
    if (!match && !row.id && candidates.length === 1) match = candidates[0];
    if (!match && !row.id && candidates.length > 1) {
      const located = candidates.filter((o) => samePosition(o, row));
      if (located.length === 1) match = located[0];
      else {
        reject(row, `ambiguous: matches ${candidates.length} offices (${candidates.map((o) => o.rep.id).join(", ")}); give it an id`);
        continue;
      }
    }
    if (match && claimed.has(match.rep.id)) {
      reject(row, `duplicate: ${match.rep.id} is already matched by an earlier row`);
      continue;
    }
    if (!match) {
      const id = row.id ?? representationId(row, (taken) => ids.has(taken));
      ids.add(id);
      const note = faraway.length ? `${faraway.map((o) => kmFrom(o, row)).join(" and ")}: another office` : undefined;
      diff.created.push({ ...row, id, ...(note ? { note } : {}) });
      continue;
    }
    claimed.add(match.rep.id);
    const changes = fieldChanges(match, row);
    if (Object.keys(changes).length) diff.changed.push({ id: match.rep.id, version: match.rep.version, row, changes });
    else diff.unchanged.push(match.rep.id);
  }
  for (const office of existing) {
    if (!claimed.has(office.rep.id) && office.rep.status !== RepresentationStatus.CLOSED && missingScope(office)) {
      diff.missing.push({ id: office.rep.id, city: office.rep.city, sources: office.rep.sourceUrls });
    }
  }
  return diff;
}

function fieldChanges({ rep, concurrent }: ExistingOffice, row: ImportRow): FieldChanges {
  const changes: FieldChanges = {};
  if (row.address && row.address !== rep.address) changes.address = [rep.address, row.address];
  if (row.latitude !== null && row.longitude !== null && !(near(rep.latitude, row.latitude) && near(rep.longitude, row.longitude))) {
    changes.coordinates = [rep.latitude === null ? null : [rep.latitude, rep.longitude], [row.latitude, row.longitude]];
  }
  const rawPhones = rep.phones.map((p) => p.raw);
  if (
    row.phones.length &&
    !sameSet(
      rawPhones,
      row.phones.map((p) => p.raw),
    )
  )
    changes.phones = [rawPhones, row.phones.map((p) => p.raw)];
  if (row.emails.length && !sameSet(rep.emails, row.emails)) changes.emails = [rep.emails, row.emails];
  if (row.website && row.website !== rep.website) changes.website = [rep.website, row.website];
  if (row.openingHours && row.openingHours !== rep.openingHours) changes.openingHours = [rep.openingHours, row.openingHours];
  if (row.concurrent.length && !sameSet(concurrent, row.concurrent)) changes.concurrentAccreditation = [concurrent, row.concurrent];
  return changes;
}
