import { placeKey } from "../places/place-key";
import { eachGeoNamesRow, geoNamesRowAt, geonamesBytes } from "./geonames-file";

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

/**
 * The file's bytes and, per country, where its rows start: one pass over cities500 the
 * first time any city is looked up (about 0.5 s), then each country's name index built from
 * its own rows when first asked for. The 32 MB stay as one Buffer outside the JavaScript
 * heap, never as strings cut from it; the offsets take about 1.6 MB.
 */
let file: { bytes: Buffer; rowsByCountry: Map<string, number[]> } | undefined;
const indexes = new Map<string, Map<string, CityPlace[]>>();

/**
 * Offices' cities are looked up when offices are written (the seed, an import, an edit),
 * not to answer reads: the file and the indexes are let go a minute after the last lookup.
 * They held 31 MB of bytes and a few MB of places for the life of a process that had seeded.
 */
const KEEP_MS = 60_000;
let release: NodeJS.Timeout | undefined;
function keepForAWhile(): void {
  if (release) release.refresh();
  else release = setTimeout(releaseCityLookup, KEEP_MS).unref();
}

/** Lets the file and the indexes go now (a writer that knows it is done: the seed); read again when asked. */
export function releaseCityLookup(): void {
  clearTimeout(release);
  release = undefined;
  file = undefined;
  indexes.clear();
}

function rowsOf(country: string): { bytes: Buffer; starts: number[] } {
  if (!file) {
    const bytes = geonamesBytes();
    const rowsByCountry = new Map<string, number[]>();
    eachGeoNamesRow(bytes, ({ country: code, start }) => {
      const list = rowsByCountry.get(code);
      if (list) list.push(start);
      else rowsByCountry.set(code, [start]);
    });
    file = { bytes, rowsByCountry };
  }
  return { bytes: file.bytes, starts: file.rowsByCountry.get(country) ?? [] };
}

/** A country's folded names (placeKey, as the gazetteer folds them) → its places. */
function countryIndex(country: string): Map<string, CityPlace[]> {
  let index = indexes.get(country);
  if (index) return index;
  index = new Map();
  const add = (key: string, place: CityPlace) => {
    if (!key) return;
    const list = (index as Map<string, CityPlace[]>).get(key);
    if (!list) (index as Map<string, CityPlace[]>).set(key, [place]);
    else if (!list.some((p) => p.geonameId === place.geonameId)) list.push(place);
  };
  const { bytes, starts } = rowsOf(country);
  for (const start of starts) {
    const row = geoNamesRowAt(bytes, start);
    if (!row) continue;
    const { field } = row;
    const alternateNames = field(3) ? field(3).split(",") : [];
    const place: CityPlace = {
      geonameId: Number(field(0)),
      name: field(1),
      country,
      latitude: Number(field(4)),
      longitude: Number(field(5)),
      population: Number(field(14)) || 0,
      matchedBy: "NAME",
      alternateNames,
    };
    add(placeKey(place.name), place);
    add(placeKey(field(2)), place);
    const alternate = { ...place, matchedBy: "ALTERNATE_NAME" as const };
    for (const name of alternateNames) add(placeKey(name), alternate);
  }
  indexes.set(country, index);
  return index;
}

/** Whether the file and the indexes are held now (tests). */
export const cityLookupHeld = (): boolean => file !== undefined;

/**
 * The GeoNames place an office's city names, in the office's host country: by name or
 * alternate name ("New York" → New York City, "Barahona" → Santa Cruz de Barahona), the
 * most populous when several share it. Undefined when none does: never a guess abroad.
 */
export function findCity(city: string, country: string): CityPlace | undefined {
  const key = placeKey(city);
  if (!key) return undefined;
  keepForAWhile();
  const matches = countryIndex(country).get(key) ?? [];
  return [...matches].sort((a, b) => b.population - a.population || a.geonameId - b.geonameId)[0];
}
