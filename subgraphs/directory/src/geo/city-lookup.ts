import { placeKey } from "../places/place-key";
import { readGeoNames } from "./geonames-file";

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

/** Per country: folded name (placeKey, as the gazetteer folds) → its places. Built on first use, a country at a time or a batch at once. */
const indexes = new Map<string, Map<string, CityPlace[]>>();

/**
 * Indexes the cities of these countries in one pass of the shared cities500 reader
 * (geo/geonames-file.ts): the seed asks for every host country at once, an edit for its own.
 * Only the countries asked are kept; no line of the file is.
 */
export function loadCityCountries(countries: Iterable<string>): void {
  const wanted = new Set([...countries].filter((c) => !indexes.has(c)));
  if (!wanted.size) return;
  for (const country of wanted) indexes.set(country, new Map());
  readGeoNames(
    ({ country, field }) => {
      const index = indexes.get(country) as Map<string, CityPlace[]>;
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
      const add = (key: string, p: CityPlace) => {
        if (!key) return;
        const list = index.get(key);
        if (!list) index.set(key, [p]);
        else if (!list.some((q) => q.geonameId === p.geonameId)) list.push(p);
      };
      add(placeKey(place.name), place);
      add(placeKey(field(2)), place);
      const alternate = { ...place, matchedBy: "ALTERNATE_NAME" as const };
      for (const name of alternateNames) add(placeKey(name), alternate);
    },
    (country) => wanted.has(country),
  );
}

/**
 * The GeoNames place an office's city names, in the office's host country: by name or
 * alternate name ("New York" → New York City, "Barahona" → Santa Cruz de Barahona), the
 * most populous when several share it. Undefined when none does: never a guess abroad.
 */
export function findCity(city: string, country: string): CityPlace | undefined {
  const key = placeKey(city);
  if (!key) return undefined;
  loadCityCountries([country]);
  const matches = indexes.get(country)?.get(key) ?? [];
  return [...matches].sort((a, b) => b.population - a.population || a.geonameId - b.geonameId)[0];
}
