import { readFileSync } from "node:fs";
import { geonamesCitiesFile } from "./geonames-file";

/** A GeoNames populated place, as an office's city. */
export interface CityPlace {
  geonameId: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
  /** Whether the office's city matched the place's name, or only one of its alternate names. */
  matchedBy: "NAME" | "ALTERNATE_NAME";
  /** GeoNames' alternate names of the place, as written there (no language: GeoNames' extract does not say). */
  alternateNames: string[];
}

/** The GeoNames page of a place: the source cited for a position taken from the gazetteer. */
export const geonamesUrl = (geonameId: number) => `https://www.geonames.org/${geonameId}`;

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const tidy = (folded: string) => folded.replace(/[^a-z0-9]+/g, " ").trim();
/** "Washington, D.C." → "washington d c": case, accents and punctuation ignored. */
const words = (text: string) => tidy(fold(text));

let linesByCountry: Map<string, string[]> | undefined;
const indexes = new Map<string, Map<string, CityPlace[]>>();

/** The 9th column (country code) without splitting the whole line: alternate names make lines long. */
function countryOf(line: string): string {
  let at = -1;
  for (let column = 0; column < 8; column++) {
    at = line.indexOf("\t", at + 1);
    if (at < 0) return "";
  }
  return line.slice(at + 1, line.indexOf("\t", at + 1));
}

/** Rows grouped by country once (~0.5 s); each country's name index is built on first use. */
function countryIndex(country: string): Map<string, CityPlace[]> {
  if (!linesByCountry) {
    linesByCountry = new Map();
    for (const line of readFileSync(geonamesCitiesFile(), "utf8").split("\n")) {
      const code = countryOf(line);
      if (!code) continue;
      const list = linesByCountry.get(code);
      if (list) list.push(line);
      else linesByCountry.set(code, [line]);
    }
  }
  let index = indexes.get(country);
  if (!index) {
    const built = new Map<string, CityPlace[]>();
    const add = (key: string, place: CityPlace) => {
      const list = built.get(key);
      if (!list) built.set(key, [place]);
      else if (!list.some((p) => p.geonameId === place.geonameId)) list.push(place);
    };
    for (const line of linesByCountry.get(country) ?? []) {
      const [id, name, , alternateNames, lat, lon, , , , , , , , , population] = line.split("\t");
      const place: CityPlace = {
        geonameId: Number(id), name, country, latitude: Number(lat), longitude: Number(lon), population: Number(population) || 0, matchedBy: "NAME",
        alternateNames: alternateNames ? alternateNames.split(",") : [],
      };
      // Folded once per line rather than once per name: big cities have hundreds of alternate names.
      const [foldedName, foldedAscii, foldedAlternates] = fold(line.split("\t", 4).slice(1).join("\t")).split("\t");
      add(tidy(foldedName), place);
      if (foldedAscii) add(tidy(foldedAscii), place);
      const alternate = { ...place, matchedBy: "ALTERNATE_NAME" as const };
      for (const key of foldedAlternates ? foldedAlternates.split(",") : []) {
        const tidied = tidy(key);
        if (tidied) add(tidied, alternate);
      }
    }
    index = built;
    indexes.set(country, index);
  }
  return index;
}

/**
 * The GeoNames place an office's city names, in the office's host country: by name or
 * alternate name ("New York" → New York City, "Barahona" → Santa Cruz de Barahona), the
 * most populous when several share it. Undefined when none does: never a guess abroad.
 */
export function findCity(city: string, country: string): CityPlace | undefined {
  const key = words(city);
  if (!key) return undefined;
  const matches = countryIndex(country).get(key) ?? [];
  return [...matches].sort((a, b) => b.population - a.population || a.geonameId - b.geonameId)[0];
}
