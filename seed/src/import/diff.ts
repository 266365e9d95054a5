import { foldText } from "../../../subgraphs/shared/src/text";
import { RepresentationStatus, type Representation } from "../../../subgraphs/directory/src/entities";
import { representationId } from "../../../subgraphs/directory/src/representation-id";
import type { RowProblem } from "../directory/representation-rows";
import type { ImportRow } from "./import-row";

export interface ExistingOffice {
  rep: Representation;
  concurrent: string[];
}

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface ImportDiff {
  created: (ImportRow & { id: string })[];
  changed: { id: string; version: number; row: ImportRow; changes: FieldChanges }[];
  unchanged: string[];
  /** In the directory, from this kind of source, but not in the export: for review, never closed. */
  missing: { id: string; city: string | null; sources: string[] }[];
  rejected: RowProblem[];
}


/** "New York City" and "New York", "Panama City" and "Panamá" are the same place. */
const cityKey = (city: string | null) => foldText(city ?? "").replace(/ city$/, "");

type Keyed = { sendingCountryCode: string; hostCountryCode: string; kind: string; city: string | null };
const keyOf = (r: Keyed, city = cityKey(r.city)) => [r.sendingCountryCode, r.hostCountryCode, r.kind, city].join("|");


const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
const near = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) < 1e-6;

/**
 * What importing `rows` would change. A value the export leaves empty never erases one
 * the directory has (an empty cell means the source did not say). Matching: the row's id
 * (Enlace format), else the source's stable id kept in an office's provenance, else
 * sending country + host country + kind + city, and the nearest by coordinates when
 * several offices share that key.
 */
export function diffImport(rows: ImportRow[], existing: ExistingOffice[], missingScope: (office: ExistingOffice) => boolean): ImportDiff {
  const diff: ImportDiff = { created: [], changed: [], unchanged: [], missing: [], rejected: [] };
  const byId = new Map(existing.map((o) => [o.rep.id, o]));
  const byKey = new Map<string, ExistingOffice[]>();
  for (const office of existing) byKey.set(keyOf(office.rep), [...(byKey.get(keyOf(office.rep)) ?? []), office]);
  const claimed = new Set<string>();
  const ids = new Set(existing.map((o) => o.rep.id));

  for (const row of rows) {
    // Where the export names a region instead of a city, the directory has no city (SOURCES.md).
    const sameKey = byKey.get(keyOf(row)) ?? (row.city ? (byKey.get(keyOf(row, "")) ?? []) : []);
    const candidates = sameKey.filter((o) => !claimed.has(o.rep.id));
    let match: ExistingOffice | undefined;
    if (row.id) match = byId.get(row.id);
    else if (row.externalUrl) match = existing.find((o) => !claimed.has(o.rep.id) && o.rep.sourceUrls.includes(row.externalUrl as string));
    if (!match && !row.id && sameKey.length && !candidates.length) {
      diff.rejected.push({ line: row.line, id: row.externalUrl ?? "", reason: `duplicate: ${sameKey.map((o) => o.rep.id).join(", ")} already matched by an earlier row of the export` });
      continue;
    }
    if (!match && !row.id && candidates.length === 1) match = candidates[0];
    if (!match && !row.id && candidates.length > 1) {
      const located = candidates.filter((o) => near(o.rep.latitude, row.latitude) && near(o.rep.longitude, row.longitude));
      if (located.length === 1) match = located[0];
      else {
        diff.rejected.push({ line: row.line, id: row.externalUrl ?? "", reason: `ambiguous: matches ${candidates.length} offices (${candidates.map((o) => o.rep.id).join(", ")}); give it an id` });
        continue;
      }
    }
    if (match && claimed.has(match.rep.id)) {
      diff.rejected.push({ line: row.line, id: row.id ?? row.externalUrl ?? "", reason: `duplicate: ${match.rep.id} is already matched by an earlier row` });
      continue;
    }
    if (!match) {
      const id = row.id ?? representationId(row, (taken) => ids.has(taken));
      ids.add(id);
      diff.created.push({ ...row, id });
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
  if (row.phones.length && !sameSet(rawPhones, row.phones.map((p) => p.raw))) changes.phones = [rawPhones, row.phones.map((p) => p.raw)];
  if (row.emails.length && !sameSet(rep.emails, row.emails)) changes.emails = [rep.emails, row.emails];
  if (row.website && row.website !== rep.website) changes.website = [rep.website, row.website];
  if (row.concurrent.length && !sameSet(concurrent, row.concurrent)) changes.concurrentAccreditation = [concurrent, row.concurrent];
  return changes;
}
