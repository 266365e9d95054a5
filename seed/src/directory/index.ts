import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource, EntityManager } from "typeorm";
import {
  Country,
  JurisdictionRow,
  Membership,
  Procedure,
  ProcedureCode,
  ProcedureOfferRow,
  Representation,
} from "../../../subgraphs/directory/src/entities";
import { countrySearchText } from "../../../subgraphs/directory/src/search-text";
import { allCountryNames } from "../country-names";
import { SEED_DATA_DIR } from "../paths";
import { buildJurisdictions, buildRepresentation, buildTypicalOffers, insertAll, locate } from "./representation-builder";
import { parseRepresentationRows, type RowProblem } from "./representation-rows";
import { refreshSearchIndex } from "./search-index";

export interface DirectorySeedSummary {
  countries: { inserted: number; present: number };
  procedures: { inserted: number; present: number };
  representations: { read: number; inserted: number; present: number; cityPrecision: number; rejected: RowProblem[]; warnings: RowProblem[] };
}

const readCsv = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(SEED_DATA_DIR, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true });


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
 * Loads the directory's reference data and the real representations. Idempotent: it only
 * inserts what is missing and never overwrites a row, so a secretariat's edits survive a
 * re-seed. One transaction: a failed seed leaves nothing half-written.
 */
export async function seedDirectory(dataSource: DataSource, csvPath = join(SEED_DATA_DIR, "representations.csv")): Promise<DirectorySeedSummary> {
  return dataSource.transaction(async (m) => {
    const countries = await seedCountries(m);
    const procedures = await seedProcedures(m);
    const countryRows = new Map((await m.find(Country)).map((c) => [c.code, c]));
    const parsed = parseRepresentationRows(readFileSync(csvPath, "utf8"), new Set(countryRows.keys()));
    const present = new Set((await m.find(Representation, { select: { id: true } })).map((r) => r.id));
    const fresh = parsed.rows.filter((row) => !present.has(row.id));

    const country = (code: string): Country => {
      const found = countryRows.get(code);
      // parseRepresentationRows rejects unknown codes: reaching this is a bug, not bad data.
      if (!found) throw new Error(`seed: country ${code} passed validation but is not in the country table`);
      return found;
    };
    await insertAll(m, Representation, fresh.map((row) => buildRepresentation(m, row, country, { sourceDate: row.sourceDate, lastVerifiedOn: row.sourceDate })));
    await insertAll(m, JurisdictionRow, fresh.flatMap((row) => buildJurisdictions(m, row)));
    const catalogue = await m.find(Procedure);
    await insertAll(m, ProcedureOfferRow, fresh.flatMap((row) => buildTypicalOffers(m, row, catalogue)));
    const unlocated = fresh.filter((row) => row.latitude === null && locate(row).latitude === null);
    const warnings = [
      ...parsed.warnings,
      ...unlocated.map((row) => ({ line: parsed.rows.indexOf(row) + 2, id: row.id, reason: `no coordinates: ${row.city ? `"${row.city}" is not in the gazetteer for ${row.hostCountryCode}` : "the source gives no city"}; kept, without a position` })),
    ];
    const cityPrecision = fresh.filter((row) => row.latitude === null).length - unlocated.length;
    await refreshSearchIndex(m);
    return {
      countries,
      procedures: { inserted: procedures.inserted, present: procedures.present },
      representations: { read: parsed.read, inserted: fresh.length, present: parsed.rows.length - fresh.length, cityPrecision, rejected: parsed.rejected, warnings },
    };
  });
}

export function formatDirectorySummary(s: DirectorySeedSummary): string {
  const r = s.representations;
  const lines = [
    `directory seed: countries ${s.countries.inserted} inserted, ${s.countries.present} already present`,
    `directory seed: procedures ${s.procedures.inserted} inserted, ${s.procedures.present} already present`,
    `directory seed: representations ${r.read} rows read, ${r.inserted} inserted, ${r.present} already present, ${r.rejected.length} rejected, ${r.warnings.length} warnings`,
    ...(r.cityPrecision ? [`directory seed: ${r.cityPrecision} offices without coordinates placed at their city (precision CITY)`] : []),
    ...r.rejected.map((p) => `  rejected line ${p.line} (${p.id || "no id"}): ${p.reason}`),
    ...r.warnings.map((p) => `  warning line ${p.line} (${p.id}): ${p.reason}`),
  ];
  return lines.join("\n");
}
