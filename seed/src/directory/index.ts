import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource, EntityManager } from "typeorm";
import {
  CoordinatePrecision,
  Country,
  JurisdictionRow,
  Membership,
  Procedure,
  ProcedureCode,
  ProcedureOfferRow,
  Representation,
  type RepresentationStatus,
} from "../../../subgraphs/directory/src/entities";
import { doubtfulRows, statusVerdict } from "../../../subgraphs/directory/src/quality/quality-lists";
import { countrySearchText } from "../../../subgraphs/directory/src/search-text";
import { allCountryNames } from "../country-names";
import { SEED_DATA_DIR } from "../paths";
import { buildJurisdictions, buildRepresentation, insertAll, locate } from "./representation-builder";
import { attachSourceTable, buildFieldSources, buildOffers, refuseUnsourced } from "./field-source-rows";
import { newestSourceDate } from "../../../subgraphs/directory/src/sources/field-sources";
import { FieldSourceRow, SourcedField } from "../../../subgraphs/directory/src/entities";
import { repairSeededPositions } from "./position-repair";
import { parseRepresentationRows, type RepresentationSeedRow, type RowProblem } from "./representation-rows";
import { refreshSearchIndex } from "./search-index";
import { releaseCityLookup } from "../../../subgraphs/directory/src/geo/city-lookup";

export interface DirectorySeedSummary {
  countries: { inserted: number; present: number };
  procedures: { inserted: number; present: number };
  representations: { read: number; inserted: number; present: number; cityPrecision: number; rejected: RowProblem[]; warnings: RowProblem[]; positions: PositionCounts; repairedPositions: number };
}

/** How the inserted offices were placed (see quality/position-check.ts). */
export interface PositionCounts {
  /** The source's coordinates, inside the host country. */
  exact: number;
  /** No coordinates in the source: the city's GeoNames position. */
  city: number;
  /** Coordinates outside the host country, replaced by the city's position. */
  movedToCity: number;
  /** Coordinates outside the host country and no city to fall back on: dropped. */
  dropped: number;
  /** No position at all. */
  none: number;
}

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(join(SEED_DATA_DIR, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });

async function seedCountries(m: EntityManager) {
  const present = new Set((await m.find(Country, { select: { code: true } })).map((c) => c.code));
  const standing = new Map<string, Membership>();
  for (const row of readCsv("memberships.csv")) standing.set(`${row.country_iso2}:${row.conference}`, row.standing as Membership);
  const missing = allCountryNames()
    .filter((c) => !present.has(c.code))
    .map((c) =>
      m.create(Country, {
        code: c.code,
        alpha3: c.alpha3,
        nameEs: c.es,
        nameEn: c.en,
        nameFr: c.fr,
        namePt: c.pt,
        crmMembership: standing.get(`${c.code}:CRM`) ?? null,
        csmMembership: standing.get(`${c.code}:CSM`) ?? null,
        searchText: countrySearchText({ code: c.code, alpha3: c.alpha3, nameEs: c.es, nameEn: c.en, nameFr: c.fr, namePt: c.pt }),
      }),
    );
  await insertAll(m, Country, missing);
  return { inserted: missing.length, present: present.size };
}

async function seedProcedures(m: EntityManager) {
  const catalogue = readCsv("procedures.csv");
  const present = new Set((await m.find(Procedure, { select: { code: true } })).map((p) => p.code));
  const missing = catalogue
    .filter((row) => !present.has(row.code as ProcedureCode))
    .map((row) =>
      m.create(Procedure, {
        code: row.code as ProcedureCode,
        position: Number(row.position),
        labelEs: row.label_es,
        labelEn: row.label_en,
        labelFr: row.label_fr,
        labelPt: row.label_pt,
        typicalForKinds: row.typical_for_kinds,
      }),
    );
  await insertAll(m, Procedure, missing);
  return { inserted: missing.length, present: present.size };
}

/**
 * Doubtful rows fixed with a source (subgraphs/directory/data/doubtful-rows.csv) get their status at
 * insert, the source added to their provenance. Returns the offices changed.
 */
function applyStatusVerdicts(reps: Representation[]): Representation[] {
  const verdicts = new Map(
    doubtfulRows().flatMap((d) => (statusVerdict(d) ? [[d.representationId, { ...(statusVerdict(d) as { status: string; since: string }), sources: d.sources }] as const] : [])),
  );
  return reps.filter((rep) => {
    const verdict = verdicts.get(rep.id);
    if (!verdict) return false;
    Object.assign(rep, { status: verdict.status as RepresentationStatus, statusSince: verdict.since, sourceUrls: [...rep.sourceUrls, ...verdict.sources] });
    return true;
  });
}

/** The newest of the row's date and its values' sources' dates: a 2025 page stating the phone verifies it in 2025. */
function verifiedOn(row: RepresentationSeedRow): string | null {
  const newest = newestSourceDate(row.fieldSources, Object.values(SourcedField));
  if (newest === null) return row.sourceDate;
  return row.sourceDate === null || newest > row.sourceDate ? newest : row.sourceDate;
}

/**
 * Loads the directory's reference data and the real representations. Idempotent: it only
 * inserts what is missing and never overwrites a row, so a secretariat's edits survive a
 * re-seed. One transaction: a failed seed leaves nothing half-written.
 */
export async function seedDirectory(
  dataSource: DataSource,
  csvPath = join(SEED_DATA_DIR, "representations.csv"),
  sourcesPath: string | null = existsSync(join(dirname(csvPath), "field-sources.csv")) ? join(dirname(csvPath), "field-sources.csv") : join(SEED_DATA_DIR, "field-sources.csv"),
): Promise<DirectorySeedSummary> {
  try {
    return await seedDirectoryIn(dataSource, csvPath, sourcesPath);
  } finally {
    // The seed is done with offices' cities: the GeoNames file (31 MB) is not kept for the process's life.
    releaseCityLookup();
  }
}

async function seedDirectoryIn(dataSource: DataSource, csvPath: string, sourcesPath: string | null): Promise<DirectorySeedSummary> {
  return dataSource.transaction(async (m) => {
    const countries = await seedCountries(m);
    const procedures = await seedProcedures(m);
    const countryRows = new Map((await m.find(Country)).map((c) => [c.code, c]));
    const parsed = parseRepresentationRows(readFileSync(csvPath, "utf8"), new Set(countryRows.keys()));
    // Every value with its source (seed/data/field-sources.csv): a row holding a value no
    // source states is refused whole, and so is a source for a value no row holds.
    const joined = attachSourceTable(parsed.rows, sourcesPath);
    const rowLine = new Map(parsed.rows.map((row, i) => [row.id, i + 2]));
    const sourced = refuseUnsourced(joined.rows, (row) => rowLine.get(row.id) ?? 0);
    parsed.rejected.push(...sourced.refused);
    parsed.warnings.push(...joined.orphans);
    parsed.rows = sourced.accepted;
    const present = new Set((await m.find(Representation, { select: { id: true } })).map((r) => r.id));
    const fresh = parsed.rows.filter((row) => !present.has(row.id));

    const country = (code: string): Country => {
      const found = countryRows.get(code);
      // parseRepresentationRows rejects unknown codes: reaching this is a bug, not bad data.
      if (!found) throw new Error(`seed: country ${code} passed validation but is not in the country table`);
      return found;
    };
    const where = fresh.map((row) => locate(row));
    const reps = fresh.map((row, i) => buildRepresentation(m, row, country, { sourceDate: row.sourceDate, lastVerifiedOn: verifiedOn(row) }, where[i]));
    const statusFixes = applyStatusVerdicts(reps);
    await insertAll(m, Representation, reps);
    await insertAll(
      m,
      JurisdictionRow,
      fresh.flatMap((row) => buildJurisdictions(m, row)),
    );
    const catalogue = await m.find(Procedure);
    await insertAll(
      m,
      ProcedureOfferRow,
      fresh.flatMap((row) => buildOffers(m, row, catalogue)),
    );
    await insertAll(
      m,
      FieldSourceRow,
      fresh.flatMap((row) => buildFieldSources(m, row.id, row.fieldSources)),
    );
    const line = (row: RepresentationSeedRow) => rowLine.get(row.id) ?? 0;
    const positions: PositionCounts = { exact: 0, city: 0, movedToCity: 0, dropped: 0, none: 0 };
    const positionWarnings: RowProblem[] = [];
    fresh.forEach((row, i) => {
      const w = where[i];
      if (w.warning) positionWarnings.push({ line: line(row), id: row.id, reason: w.warning });
      if (w.precision === CoordinatePrecision.EXACT) positions.exact++;
      else if (w.precision === CoordinatePrecision.CITY) positions[w.warning ? "movedToCity" : "city"]++;
      else if (w.warning) positions.dropped++;
      else {
        positions.none++;
        positionWarnings.push({
          line: line(row),
          id: row.id,
          reason: `no coordinates: ${row.city ? `"${row.city}" is not in the gazetteer for ${row.hostCountryCode}` : "the source gives no city"}; kept, without a position`,
        });
      }
    });
    const repaired = await repairSeededPositions(
      m,
      parsed.rows.filter((row) => present.has(row.id)).map((row) => row.id),
    );
    const warnings = [
      ...parsed.warnings,
      ...repaired.map((r) => ({ ...r, line: line(parsed.rows.find((row) => row.id === r.id) as RepresentationSeedRow), reason: `already present, unedited: ${r.reason}` })),
      ...positionWarnings,
      ...statusFixes.map((r) => ({
        line: line(fresh.find((row) => row.id === r.id) as RepresentationSeedRow),
        id: r.id,
        reason: `status ${r.status} since ${r.statusSince}, from subgraphs/directory/data/doubtful-rows.csv and its sources`,
      })),
    ];
    const cityPrecision = positions.city + positions.movedToCity;
    await refreshSearchIndex(m);
    return {
      countries,
      procedures: { inserted: procedures.inserted, present: procedures.present },
      representations: {
        read: parsed.read,
        inserted: fresh.length,
        present: parsed.rows.length - fresh.length,
        cityPrecision,
        rejected: parsed.rejected,
        warnings,
        positions,
        repairedPositions: repaired.length,
      },
    };
  });
}

export function formatDirectorySummary(s: DirectorySeedSummary): string {
  const r = s.representations;
  const lines = [
    `directory seed: countries ${s.countries.inserted} inserted, ${s.countries.present} already present`,
    `directory seed: procedures ${s.procedures.inserted} inserted, ${s.procedures.present} already present`,
    `directory seed: representations ${r.read} rows read, ${r.inserted} inserted, ${r.present} already present, ${r.rejected.length} rejected, ${r.warnings.length} warnings`,
    ...(r.inserted
      ? [
          `directory seed: positions of the ${r.inserted} offices inserted: ${r.positions.exact} from their source, ${r.positions.city} at their city (GeoNames, precision CITY), ` +
            `${r.positions.movedToCity} moved to their city from coordinates outside the host country, ${r.positions.dropped} dropped for lying outside it, ${r.positions.none} without a position`,
        ]
      : []),
    ...(r.repairedPositions ? [`directory seed: ${r.repairedPositions} offices seeded before positions were checked, never edited since, repositioned`] : []),
    ...r.rejected.map((p) => `  rejected line ${p.line} (${p.id || "no id"}): ${p.reason}`),
    ...r.warnings.map((p) => `  warning line ${p.line} (${p.id}): ${p.reason}`),
  ];
  return lines.join("\n");
}
