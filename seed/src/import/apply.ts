import type { EntityManager } from "typeorm";
import { AuditEntry, CoordinatePrecision, Country, JurisdictionRow, Procedure, ProcedureOfferRow, Representation } from "../../../subgraphs/directory/src/entities";
import { setConcurrent } from "../../../subgraphs/directory/src/edits/apply-changes";
import { auditEntry, writeRepresentation } from "../../../subgraphs/directory/src/edits/write";
import { Role } from "../../../subgraphs/shared/src/identity";
import { buildJurisdictions, buildRepresentation, buildTypicalOffers, insertAll } from "../directory/representation-builder";
import type { ImportDiff } from "./diff";

export interface ApplyContext {
  /** e.g. "import:database_of_embassies-2024-05-01.csv" */
  actor: string;
  sourceDate: string | null;
  onProgress?(done: number, total: number): void;
}

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
  await insertAll(m, Representation, diff.created.map((row) => buildRepresentation(m, { ...row, sourceDate: ctx.sourceDate }, country, provenance)));
  await insertAll(m, JurisdictionRow, diff.created.flatMap((row) => buildJurisdictions(m, row)));
  await insertAll(m, ProcedureOfferRow, diff.created.flatMap((row) => buildTypicalOffers(m, row, catalogue)));
  await insertAll(m, AuditEntry, diff.created.map((row) => auditEntry(m, importer, row.id, "CREATED", { kind: [null, row.kind], city: [null, row.city], sourceUrls: [null, row.sourceUrls] })));
  done += diff.created.length;
  ctx.onProgress?.(done, total);

  // The API's write path: version check, search text, audit entry with old -> new per field.
  for (const change of diff.changed) {
    const row = change.row;
    await writeRepresentation(m, importer, change.id, change.version, "IMPORTED", async (rep) => {
      if (change.changes.address) rep.address = row.address;
      if (change.changes.coordinates) Object.assign(rep, { latitude: row.latitude, longitude: row.longitude, coordinatePrecision: CoordinatePrecision.EXACT });
      if (change.changes.phones) rep.phones = row.phones;
      if (change.changes.emails) rep.emails = row.emails;
      if (change.changes.website) rep.website = row.website;
      rep.sourceUrls = [...new Set([...row.sourceUrls, ...rep.sourceUrls])];
      Object.assign(rep, provenance);
      return change.changes.concurrentAccreditation ? setConcurrent(m, rep, row.concurrent) : undefined;
    });
    ctx.onProgress?.(++done, total);
  }
}
