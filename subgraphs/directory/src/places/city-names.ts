import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Lang } from "../../../../platform/src/lang";

/** seed/data, from the sources (subgraphs/directory/src/places) or the build (dist/…). */
const SEED_DATA = join(__dirname, __dirname.includes("dist") ? "../../../../../seed/data" : "../../../../seed/data");

interface CityNameRow {
  country: string;
  city: string;
  lang: string;
  name: string;
}

let names: Map<string, string> | undefined;
const key = (country: string, city: string, lang: string) => `${country}\u0000${city}\u0000${lang}`;

/**
 * The name of an office's city in a language, where a page written in that language
 * states it (seed/data/city-names.csv, each row with its URL and excerpt): "Panama City" is
 * "Ciudad de Panamá" in Spanish. Otherwise the city as stored: never a translation without
 * a source.
 */
export function cityName(country: string, city: string, lang: Lang): string {
  if (!names) {
    const file = join(SEED_DATA, "city-names.csv");
    if (!existsSync(file)) throw new Error(`missing reference file ${file}: the offices' cities by language`);
    names = new Map((parse(readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as CityNameRow[]).map((r) => [key(r.country, r.city, r.lang.toLowerCase()), r.name]));
  }
  return names.get(key(country, city, String(lang).toLowerCase())) ?? city;
}
