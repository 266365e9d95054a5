import type { EntityManager } from "typeorm";
import { JurisdictionBasis, JurisdictionRow, Representation, type Country } from "../../../subgraphs/directory/src/entities";
import { representationSearchFields } from "../../../subgraphs/directory/src/search/search-document";
import { checkPosition, type PositionVerdict } from "../../../subgraphs/directory/src/quality/position-check";
import type { RepresentationSeedRow } from "./representation-rows";

export type CountryLookup = (code: string) => Country;

/**
 * Where the office is, checked against its host country (quality/position-check.ts): the
 * source's coordinates when they lie there, else the city's GeoNames position (CITY, the
 * GeoNames page cited), else none.
 */
export function locate(row: Pick<RepresentationSeedRow, "latitude" | "longitude" | "city" | "hostCountryCode">): PositionVerdict {
  return checkPosition(row);
}

/** A new representation from a checked row, as the seed and the import create it. */
export function buildRepresentation(
  m: EntityManager,
  row: RepresentationSeedRow,
  country: CountryLookup,
  provenance: { sourceDate: string | null; lastVerifiedOn: string | null },
  where: PositionVerdict = locate(row),
): Representation {
  return m.create(Representation, {
    ...row,
    latitude: where.latitude,
    longitude: where.longitude,
    coordinatePrecision: where.precision,
    sourceUrls: where.source ? [...row.sourceUrls, where.source] : row.sourceUrls,
    openingHours: row.openingHours,
    languages: [],
    status: row.status,
    statusSince: row.statusSince,
    caveats: row.caveats,
    sourceDate: provenance.sourceDate,
    lastVerifiedOn: provenance.lastVerifiedOn,
    ...representationSearchFields(row, country(row.sendingCountryCode), country(row.hostCountryCode)),
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

/** Inserts in chunks: both SQLite and PostgreSQL cap the number of bound parameters. */
export async function insertAll<T extends object>(m: EntityManager, entity: new () => T, rows: T[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await m.insert(entity, rows.slice(i, i + chunk) as never);
}
