import { gazetteer, type Place } from "../places/gazetteer";
import { placeKey } from "../places/place-text";

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
  /** The place's other names as the gazetteer keys them (folded: "nueva york"; no language: GeoNames' extract does not say). */
  alternateNames: string[];
}

/** The GeoNames page of a place: the source cited for a position taken from the gazetteer. */
export const geonamesUrl = (geonameId: number) => `https://www.geonames.org/${geonameId}`;

/**
 * Other keys of a place: every name the gazetteer indexes it by, found by scanning its
 * country's keys once per place asked (a search document's city), then kept.
 */
const otherKeys = new Map<Place, string[]>();
function keysOf(place: Place): string[] {
  let keys = otherKeys.get(place);
  if (!keys) {
    const { byKey } = gazetteer();
    keys = (gazetteer().keysByCountry().get(place.country) ?? []).filter((key) => key !== place.key && (byKey.get(key) ?? []).includes(place));
    otherKeys.set(place, keys);
  }
  return keys;
}

/**
 * The GeoNames place an office's city names, in the office's host country: by name or
 * alternate name ("New York" → New York City, "Barahona" → Santa Cruz de Barahona), the
 * most populous when several share it. Undefined when none does: never a guess abroad.
 */
export function findCity(city: string, country: string): CityPlace | undefined {
  const key = placeKey(city);
  if (!key) return undefined;
  const geonameId = (p: Place) => Number(p.id.slice("geonames:".length));
  const place = (gazetteer().byKey.get(key) ?? []).filter((p) => p.kind === "CITY" && p.country === country).sort((a, b) => b.population - a.population || geonameId(a) - geonameId(b))[0];
  if (!place) return undefined;
  return {
    geonameId: geonameId(place),
    name: place.name,
    country,
    latitude: place.latitude,
    longitude: place.longitude,
    population: place.population,
    matchedBy: place.key === key ? "NAME" : "ALTERNATE_NAME",
    alternateNames: keysOf(place),
  };
}
