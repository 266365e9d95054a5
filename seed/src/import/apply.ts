import type { EntityManager } from "typeorm";
import { AuditEntry, CoordinatePrecision, Country, FieldSourceRow, JurisdictionRow, Procedure, ProcedureOfferRow, Representation } from "../../../subgraphs/directory/src/entities";
import { setConcurrent } from "../../../subgraphs/directory/src/edits/apply-changes";
import { auditEntry, createdChanges, writeRepresentation } from "../../../subgraphs/directory/src/edits/write";
import { Role } from "../../../platform/src/identity";
import { buildJurisdictions, buildRepresentation, insertAll } from "../directory/representation-builder";
import { buildFieldSources, buildOffers } from "../directory/field-source-rows";
import { replaceFieldSources } from "../../../subgraphs/directory/src/sources/field-source-writes";
import { SourcedField } from "../../../subgraphs/directory/src/entities/enums";
import type { ImportDiff } from "./diff";

export interface ApplyContext {
  /** e.g. "import:database_of_embassies-2024-05-01.csv" */
  actor: string;
  /** The export's date (YYYY-MM-DD). Required: an unknown date must never replace a known one. */
  sourceDate: string;
  /** Called inside the transaction, after each step: `done` of `total` offices written, nothing committed yet. */
  onProgress?(done: number, total: number): void;
}

/** The sourced field each changed column of the diff stands for. */
const CHANGED_FIELD_SOURCES: Record<string, SourcedField[]> = {
  address: [SourcedField.ADDRESS],
  phones: [SourcedField.PHONE],
  emails: [SourcedField.EMAIL],
  website: [SourcedField.WEBSITE],
  openingHours: [SourcedField.OPENING_HOURS],
};

/** The later of two dates (YYYY, YYYY-MM or YYYY-MM-DD compare as text): a verification date never goes back. */
const later = (a: string | null, b: string): string => (a !== null && a > b ? a : b);

/** Applies a diff inside the caller's transaction: all of it or, on any error, none of it. */
export async function applyImportDiff(m: EntityManager, diff: ImportDiff, ctx: ApplyContext): Promise<void> {
  const countries = new Map((await m.find(Country)).map((c) => [c.code, c]));
  const country = (code: string): Country => {
    const found = countries.get(code);
    if (!found) throw new Error(`import: country ${code} is not in the country table`);
    return found;
  };
  // The import acts for the secretariat; its "key" in the audit trail is the command and file.
  const importer = { role: Role.SECRETARIAT, keyId: ctx.actor };
  const total = diff.created.length + diff.changed.length;
  let done = 0;

  const catalogue = await m.find(Procedure);
  const provenance = { sourceDate: ctx.sourceDate, lastVerifiedOn: ctx.sourceDate };
  const created = diff.created.map((row) => buildRepresentation(m, { ...row, sourceDate: ctx.sourceDate }, country, provenance));
  await insertAll(m, Representation, created);
  await insertAll(
    m,
    JurisdictionRow,
    diff.created.flatMap((row) => buildJurisdictions(m, row)),
  );
  await insertAll(
    m,
    ProcedureOfferRow,
    diff.created.flatMap((row) => buildOffers(m, row, catalogue)),
  );
  await insertAll(
    m,
    FieldSourceRow,
    diff.created.flatMap((row) => buildFieldSources(m, row.id, row.fieldSources)),
  );
  await insertAll(
    m,
    AuditEntry,
    created.map((rep, i) =>
      auditEntry(m, importer, rep.id, "CREATED", { ...createdChanges(rep), ...(diff.created[i].concurrent.length ? { concurrentAccreditation: [null, diff.created[i].concurrent] } : {}) }),
    ),
  );
  done += diff.created.length;
  ctx.onProgress?.(done, total);

  // The API's write path: version check, search text, audit entry with old -> new per field
  // (provenance included: sourceUrls, sourceDate, lastVerifiedOn).
  for (const change of diff.changed) {
    const row = change.row;
    await writeRepresentation(m, importer, change.id, change.version, "IMPORTED", async (rep) => {
      if (change.changes.address) rep.address = row.address;
      if (change.changes.coordinates) Object.assign(rep, { latitude: row.latitude, longitude: row.longitude, coordinatePrecision: CoordinatePrecision.EXACT });
      if (change.changes.phones) rep.phones = row.phones;
      if (change.changes.emails) rep.emails = row.emails;
      if (change.changes.website) rep.website = row.website;
      if (change.changes.openingHours) rep.openingHours = row.openingHours;
      // The sources of the values written replace those of the values they replace.
      const fields = Object.keys(change.changes).flatMap((f) => CHANGED_FIELD_SOURCES[f] ?? []);
      await replaceFieldSources(m, change.id, fields, row.fieldSources);
      rep.sourceUrls = [...new Set([...row.sourceUrls, ...rep.sourceUrls])];
      rep.sourceDate = later(rep.sourceDate, ctx.sourceDate);
      rep.lastVerifiedOn = later(rep.lastVerifiedOn, ctx.sourceDate);
      return change.changes.concurrentAccreditation ? setConcurrent(m, rep, row.concurrent) : undefined;
    });
    ctx.onProgress?.(++done, total);
  }
}
