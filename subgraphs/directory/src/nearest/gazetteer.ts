import { gazetteer, type Place } from "../places/gazetteer";
import { placeKey } from "../places/place-text";

export { nearestPlace, type Place } from "../places/gazetteer";

/**
 * A city by its name or one of its GeoNames alternate names ("New York" → New York City),
 * ignoring case and accents, in a country if given; the most populous first. For the
 * seed and the import, which place an office at its city: curated border posts are not
 * cities and are left out. Queries go through places/place-resolver.ts instead. Matches are
 * always full names: the former `exactOnly` argument is accepted and has no effect.
 */
export function resolvePlace(name: string, country?: string, _exactOnly = true): Place | undefined {
  const candidates = (gazetteer().byKey.get(placeKey(name)) ?? []).filter((p) => p.kind === "CITY" && (!country || p.country === country));
  return candidates.sort((a, b) => b.population - a.population)[0];
}
