import type { EntityManager } from "typeorm";
import {
  CoordinatePrecision,
  JurisdictionBasis,
  JurisdictionRow,
  ProcedureOfferRow,
  Representation,
  RepresentationStatus,
  type Country,
  type Procedure,
} from "../../../subgraphs/directory/src/entities";
import { typicalOfferRows } from "../../../subgraphs/directory/src/edits/typical-offers";
import { representationSearchFields } from "../../../subgraphs/directory/src/search/search-document";
import { resolvePlace } from "../../../subgraphs/directory/src/nearest/gazetteer";
import type { RepresentationSeedRow } from "./representation-rows";

export type CountryLookup = (code: string) => Country;

/**
 * Where the source gives no position, the city's from the gazetteer (exact name in the host
 * country, the most populous namesake), marked CITY so nobody mistakes it for the door.
 */
export function locate(row: Pick<RepresentationSeedRow, "latitude" | "longitude" | "city" | "hostCountryCode">): { latitude: number | null; longitude: number | null; coordinatePrecision: CoordinatePrecision | null } {
  if (row.latitude !== null && row.longitude !== null) return { latitude: row.latitude, longitude: row.longitude, coordinatePrecision: CoordinatePrecision.EXACT };
  const city = row.city ? resolvePlace(row.city, row.hostCountryCode, true) : undefined;
  return city ? { latitude: city.latitude, longitude: city.longitude, coordinatePrecision: CoordinatePrecision.CITY } : { latitude: null, longitude: null, coordinatePrecision: null };
}

/** A new representation from a checked row, as the seed and the import create it. */
export function buildRepresentation(m: EntityManager, row: RepresentationSeedRow, country: CountryLookup, provenance: { sourceDate: string | null; lastVerifiedOn: string | null }): Representation {
  return m.create(Representation, {
    ...row,
    ...locate(row),
    openingHours: null,
    languages: [],
    status: RepresentationStatus.ACTIVE,
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

/** Sources have no procedure column: offers are inferred from the kind and say so. */
export function buildTypicalOffers(m: EntityManager, row: Pick<RepresentationSeedRow, "id" | "kind">, catalogue: Procedure[]): ProcedureOfferRow[] {
  return typicalOfferRows(catalogue, row.id, row.kind).map((offer) => m.create(ProcedureOfferRow, offer));
}

/** Inserts in chunks: both SQLite and PostgreSQL cap the number of bound parameters. */
export async function insertAll<T extends object>(m: EntityManager, entity: new () => T, rows: T[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await m.insert(entity, rows.slice(i, i + chunk) as never);
}
