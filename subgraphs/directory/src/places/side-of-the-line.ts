import { countryAt, kmOutside } from "../geo/boundaries";
import { nearestPlaceIn, type Place } from "./gazetteer";
import type { GazetteerMatch } from "./place-resolver";

/**
 * How close to a boundary a point may be and still be in the official's own country (or
 * offered as the other side): the 1:10m boundaries put posts on a river a few hundred
 * metres across it, and a phone's position is off by as much.
 */
export const BORDER_KM = 5;
/** A town this close to the point says which side the point is on better than the boundary. */
const TOWN_KM = 3;

/**
 * Which country a point at or near a border is in, for the lookup: the country whose land
 * holds it, unless it lies within BORDER_KM of others — then an official's own country
 * among them, else the country of the town within TOWN_KM, else the boundary's. The other
 * countries within BORDER_KM come back as alternatives (their nearest town), one tap away
 * ("¿Costa Rica o Nicaragua?").
 */
export function sideOfTheLine(latitude: number, longitude: number, closest: Place & { distanceKm: number }, region: ReadonlySet<string>, own?: string): { country: string; others: GazetteerMatch[] } {
  const holder = countryAt(latitude, longitude);
  // The region's countries, the official's own and the nearest town's (Haiti is not in the region, but its border posts are).
  const candidates = new Set([...(holder ? [holder] : []), ...region, ...(own ? [own] : []), closest.country]);
  const near = [...candidates].filter((c) => c === holder || kmOutside(c, latitude, longitude) <= BORDER_KM);
  const country = own && near.includes(own) ? own : closest.distanceKm <= TOWN_KM && near.includes(closest.country) ? closest.country : (holder ?? closest.country);
  const others = near
    .filter((c) => c !== country)
    .flatMap((c): GazetteerMatch[] => {
      const town = nearestPlaceIn(c, latitude, longitude, 25);
      return town ? [{ place: town, matchedBy: "COORDINATES" }] : [];
    });
  return { country, others };
}
