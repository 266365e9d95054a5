import type { EntityManager } from "typeorm";
import { AuditEntry, Country, JurisdictionBasis, JurisdictionRow, ProcedureOfferRow, Representation } from "../../../subgraphs/directory/src/entities";
import { representationSearchText } from "../../../subgraphs/directory/src/search-text";
import { buildJurisdictions, buildRepresentation, buildTypicalOffers, insertAll, typicalProcedures } from "../directory/representation-builder";
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
  const at = new Date().toISOString();
  const audit = (entityId: string, action: string, changes: Record<string, [unknown, unknown]>) =>
    m.create(AuditEntry, { entity: "Representation", entityId, action, actorRole: "SECRETARIAT", actor: ctx.actor, at, changes });
  const total = diff.created.length + diff.changed.length;
  let done = 0;

  const typical = typicalProcedures();
  const provenance = { sourceDate: ctx.sourceDate, lastVerifiedOn: ctx.sourceDate };
  await insertAll(m, Representation, diff.created.map((row) => buildRepresentation(m, { ...row, sourceDate: ctx.sourceDate }, country, provenance)));
  await insertAll(m, JurisdictionRow, diff.created.flatMap((row) => buildJurisdictions(m, row)));
  await insertAll(m, ProcedureOfferRow, diff.created.flatMap((row) => buildTypicalOffers(m, row, typical)));
  await insertAll(m, AuditEntry, diff.created.map((row) => audit(row.id, "CREATED", { kind: [null, row.kind], city: [null, row.city], sources: [null, row.sourceUrls] })));
  done += diff.created.length;
  ctx.onProgress?.(done, total);

  for (const change of diff.changed) {
    const rep = await m.findOneBy(Representation, { id: change.id });
    if (!rep) throw new Error(`import: ${change.id} disappeared while importing; run again`);
    const row = change.row;
    if (change.changes.address) rep.address = row.address;
    if (change.changes.coordinates) Object.assign(rep, { latitude: row.latitude, longitude: row.longitude, coordinatePrecision: "EXACT" });
    if (change.changes.phones) rep.phones = row.phones;
    if (change.changes.emails) rep.emails = row.emails;
    if (change.changes.website) rep.website = row.website;
    rep.sourceUrls = [...new Set([...row.sourceUrls, ...rep.sourceUrls])];
    Object.assign(rep, provenance);
    rep.searchText = representationSearchText(rep, country(rep.sendingCountryCode), country(rep.hostCountryCode));
    const { id, version, ...fields } = rep;
    // The version the diff was computed on: a concurrent edit makes the whole import fail.
    const result = await m.update(Representation, { id, version: change.version }, { ...fields, version: version + 1 });
    if (!result.affected) throw new Error(`import: ${id} was edited while importing (version ${change.version}); nothing was applied, run again`);
    if (change.changes.concurrentAccreditation) {
      await m.delete(JurisdictionRow, { representationId: id, basis: JurisdictionBasis.CONCURRENT_ACCREDITATION });
      await insertAll(m, JurisdictionRow, buildJurisdictions(m, { id, hostCountryCode: rep.hostCountryCode, concurrent: row.concurrent }).slice(1));
    }
    await m.save(AuditEntry, audit(id, "IMPORTED", change.changes));
    ctx.onProgress?.(++done, total);
  }
}
