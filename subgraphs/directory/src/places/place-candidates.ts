import type { Country } from "../entities";
import type { Loaders } from "../loaders";
import { divisionOf } from "./divisions";
import type { Place } from "./gazetteer";
import type { GazetteerMatch } from "./place-resolver";
import { type PlaceCandidate, type PlaceDivision, PlaceKind, PlaceMatch } from "./places.types";

/** A place's division as a GraphQL object; null outside the CRM member states or when GeoNames gives none. */
export function placeDivision(place: Place): PlaceDivision | null {
  const division = divisionOf(place);
  return division ? { code: division.iso, names: division.names, abbreviations: division.abbreviations } : null;
}

/**
 * Gazetteer matches as GraphQL objects, with their countries from one batched load. A
 * match in a country the directory does not list (none today) is left out rather than
 * answered without its country.
 */
export async function toPlaceCandidates(matches: GazetteerMatch[], loaders: Loaders): Promise<PlaceCandidate[]> {
  const countries = await loaders.countryByCode.loadMany(matches.map((m) => m.place.country));
  return matches.flatMap(({ place, matchedBy }, i) => {
    const country = countries[i];
    if (!country || country instanceof Error) return [];
    return [
      {
        name: place.name,
        country: country as Country,
        latitude: place.latitude,
        longitude: place.longitude,
        population: place.population || null,
        kind: place.kind as PlaceKind,
        matchedBy: matchedBy as PlaceMatch,
        division: placeDivision(place),
      },
    ];
  });
}
