import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { directoryDataFile } from "../../../subgraphs/directory/src/reference-data";

/**
 * Writes subgraphs/directory/data/divisions.csv: the first-level divisions (states, provinces,
 * departments, districts) of the 11 CRM member states, joined to GeoNames' admin1 codes.
 *
 * Source: an unpacked copy of the npm package iso3166-2-db 2.3.11 (MIT), whose
 * regions/<CC>/<lang>.json hold records {name, iso, fips, admin} with `admin` the GeoNames
 * admin1 code. It is 283 MB unpacked, so it is read once here and never installed:
 *
 *   cd "$(mktemp -d)" && npm pack iso3166-2-db@2.3.11 && tar xzf iso3166-2-db-2.3.11.tgz
 *   node dist/seed/src/reference/divisions.js "$PWD/package"
 *
 * Abbreviations: for US and CA the postal code, which is the ISO 3166-2 suffix (TX, BC);
 * for MX those of subgraphs/directory/data/division-abbreviations.csv, each with the page that states it.
 */

export const CRM_STATES = ["BZ", "CA", "CR", "DO", "GT", "HN", "MX", "NI", "PA", "SV", "US"] as const;
const LANGUAGES = ["es", "en", "fr", "pt", "geonames"] as const;
/** Countries whose postal abbreviation of a division is its ISO 3166-2 suffix. */
const POSTAL_IS_ISO = new Set(["US", "CA"]);

interface SourceRecord {
  name: string;
  iso: string;
  admin: string;
}

interface AbbreviationRow {
  iso: string;
  abbreviation: string;
}

export function divisionRows(packageDir: string): Record<string, string>[] {
  const abbreviations = parse(readFileSync(directoryDataFile("division-abbreviations.csv"), "utf8"), { columns: true, trim: true }) as AbbreviationRow[];
  const rows: Record<string, string>[] = [];
  for (const country of CRM_STATES) {
    const byLang = Object.fromEntries(LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(packageDir, "regions", country, `${lang}.json`), "utf8")) as SourceRecord[]]));
    const admins = [...new Set(byLang.geonames.map((r) => r.admin))].sort();
    for (const admin of admins) {
      const record = (lang: (typeof LANGUAGES)[number]) => byLang[lang].find((r) => r.admin === admin);
      const iso = `${country}-${record("geonames")?.iso}`;
      const abbreviated = [...(POSTAL_IS_ISO.has(country) ? [iso.slice(3)] : []), ...abbreviations.filter((a) => a.iso === iso).map((a) => a.abbreviation)];
      rows.push({
        country,
        admin1: admin,
        iso,
        name_es: record("es")?.name ?? "",
        name_en: record("en")?.name ?? "",
        name_fr: record("fr")?.name ?? "",
        name_pt: record("pt")?.name ?? "",
        name_geonames: record("geonames")?.name ?? "",
        abbreviations: abbreviated.join(";"),
      });
    }
  }
  const known = new Set(rows.map((r) => r.iso));
  const orphans = abbreviations.filter((a) => !known.has(a.iso));
  if (orphans.length) throw new Error(`division-abbreviations.csv names divisions the source does not have: ${orphans.map((a) => a.iso).join(", ")}`);
  return rows;
}

if (require.main === module) {
  const packageDir = process.argv[2];
  if (!packageDir) {
    console.error("usage: node dist/seed/src/reference/divisions.js <unpacked iso3166-2-db package directory>");
    process.exit(2);
  }
  if (!existsSync(join(packageDir, "regions"))) {
    console.error(`${packageDir}: no regions/ folder there; give the folder of an unpacked iso3166-2-db 2.3.11 (npm pack iso3166-2-db@2.3.11, then tar xzf; the folder is package/)`);
    process.exit(2);
  }
  const rows = divisionRows(packageDir);
  writeFileSync(directoryDataFile("divisions.csv"), stringify(rows, { header: true }));
  console.log(`divisions.csv: ${rows.length} divisions of ${CRM_STATES.length} countries`);
}
