import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { EntityManager } from "typeorm";
import {
  CoordinatePrecision,
  JurisdictionBasis,
  JurisdictionRow,
  OfferBasis,
  ProcedureCode,
  ProcedureOfferRow,
  Representation,
  RepresentationStatus,
  type Country,
} from "../../../subgraphs/directory/src/entities";
import { representationSearchText } from "../../../subgraphs/directory/src/search-text";
import { SEED_DATA_DIR } from "../paths";
import type { RepresentationSeedRow } from "./representation-rows";

/** Which procedures offices of each kind usually handle (seed/data/procedures.csv). */
export function typicalProcedures(): { code: ProcedureCode; kinds: Set<string> }[] {
  const rows: Record<string, string>[] = parse(readFileSync(join(SEED_DATA_DIR, "procedures.csv"), "utf8"), { columns: true, trim: true });
  return rows.map((row) => ({ code: row.code as ProcedureCode, kinds: new Set(row.typical_for_kinds.split(";")) }));
}

export type CountryLookup = (code: string) => Country;

/** A new representation from a checked row, as the seed and the import create it. */
export function buildRepresentation(m: EntityManager, row: RepresentationSeedRow, country: CountryLookup, provenance: { sourceDate: string | null; lastVerifiedOn: string | null }): Representation {
  return m.create(Representation, {
    ...row,
    coordinatePrecision: row.latitude === null ? null : CoordinatePrecision.EXACT,
    openingHours: null,
    languages: [],
    status: RepresentationStatus.ACTIVE,
    sourceDate: provenance.sourceDate,
    lastVerifiedOn: provenance.lastVerifiedOn,
    searchText: representationSearchText(row, country(row.sendingCountryCode), country(row.hostCountryCode)),
    version: 1,
  });
}

/** The host as RESIDENT, then each concurrent accreditation. */
export function buildJurisdictions(m: EntityManager, row: Pick<RepresentationSeedRow, "id" | "hostCountryCode" | "concurrent">): JurisdictionRow[] {
  return [
    m.create(JurisdictionRow, { representationId: row.id, countryCode: row.hostCountryCode, basis: JurisdictionBasis.RESIDENT }),
    ...row.concurrent.map((code) => m.create(JurisdictionRow, { representationId: row.id, countryCode: code, basis: JurisdictionBasis.CONCURRENT_ACCREDITATION })),
  ];
}

/** Sources have no procedure column: offers are inferred from the kind and say so. */
export function buildTypicalOffers(m: EntityManager, row: Pick<RepresentationSeedRow, "id" | "kind">, typical: ReturnType<typeof typicalProcedures>): ProcedureOfferRow[] {
  return typical
    .filter((p) => p.kinds.has(row.kind))
    .map((p) => m.create(ProcedureOfferRow, { representationId: row.id, procedureCode: p.code, basis: OfferBasis.TYPICAL_FOR_KIND, note: null, sourceUrl: null }));
}

/** Inserts in chunks: both SQLite and PostgreSQL cap the number of bound parameters. */
export async function insertAll<T extends object>(m: EntityManager, entity: new () => T, rows: T[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await m.insert(entity, rows.slice(i, i + chunk) as never);
}
