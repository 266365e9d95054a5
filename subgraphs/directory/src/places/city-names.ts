import { readDirectoryCsv } from "../reference-data";
import type { Lang } from "../../../../platform/src/lang";

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
 * states it (subgraphs/directory/data/city-names.csv, each row with its URL and excerpt): "Panama City" is
 * "Ciudad de Panamá" in Spanish. Otherwise the city as stored: never a translation without
 * a source.
 */
export function cityName(country: string, city: string, lang: Lang): string {
  if (!names) {
    names = new Map(readDirectoryCsv<CityNameRow>("city-names.csv").map((r) => [key(r.country, r.city, r.lang.toLowerCase()), r.name]));
  }
  return names.get(key(country, city, String(lang).toLowerCase())) ?? city;
}
