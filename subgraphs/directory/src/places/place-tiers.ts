import { distance as editDistance } from "fastest-levenshtein";
import { distanceKm } from "../geo/distance";
import { divisions } from "./divisions";
import { gazetteer, type Place } from "./gazetteer";

/**
 * The tiers the place resolver (place-resolver.ts) searches in turn, each a ranked list of
 * candidates: full names, partial names, curated border places one letter away, a
 * division's places, close spellings.
 */

export type MatchedBy = "EXACT" | "ALTERNATE_NAME" | "BORDER_POST" | "PARTIAL" | "COORDINATES" | "DIVISION";

export interface GazetteerMatch {
  place: Place;
  matchedBy: MatchedBy;
  /** Matched on its own name, not another of its names: breaks ties between the two sides of a crossing. */
  own?: boolean;
}

/** Two candidates closer than this are one place (a border post and the town it is in). */
const SAME_PLACE_KM = 2;

/** Curated border places first (they are where officials work), then the larger place, then its own name before another's. */
export const byRank = (a: GazetteerMatch, b: GazetteerMatch) =>
  Number(a.place.kind === "CITY") - Number(b.place.kind === "CITY") || b.place.population - a.place.population || Number(!a.own) - Number(!b.own) || a.place.name.localeCompare(b.place.name);

/** Places whose name or other name is the query, ranked. */
export const full = (key: string, inScope: (p: Place) => boolean): GazetteerMatch[] =>
  gazetteer()
    .placesNamed(key)
    .filter(inScope)
    .map((place): GazetteerMatch => ({ place, own: place.key === key, matchedBy: place.kind !== "CITY" ? "BORDER_POST" : place.key === key ? "EXACT" : "ALTERNATE_NAME" }))
    .sort(byRank);

/** Names in which the query starts a word: "Paso Canoas" → "Paso Canoas Arriba", "tecun" → "Ciudad Tecún Umán". */
export function partial(key: string, countries: Iterable<string>, inScope: (p: Place) => boolean): GazetteerMatch[] {
  const { placesNamed } = gazetteer();
  const blobs = gazetteer().keyBlobs();
  const found = new Set<string>();
  for (const country of countries) {
    // One native string search over the country's names instead of a loop over them.
    const blob = blobs.get(country) ?? "";
    for (const needle of [`\n${key}`, ` ${key}`]) {
      for (let at = blob.indexOf(needle); at >= 0; at = blob.indexOf(needle, at + 1)) {
        const k = blob.slice(blob.lastIndexOf("\n", at + 1 - Number(needle[0] === "\n")) + 1, blob.indexOf("\n", at + 1));
        if (k !== key) found.add(k);
      }
    }
  }
  return [...found]
    .flatMap((k) =>
      placesNamed(k)
        .filter(inScope)
        .map((place) => ({ place, matchedBy: "PARTIAL" as const })),
    )
    .sort(byRank);
}

/**
 * The first `limit` places of the ranked tiers in order, one candidate per place
 * (a namesake within 2 km of a better one in the same country is the same place). A tier
 * is only searched when the ones before it did not fill the list.
 */
export function take(limit: number, ...tiers: (() => GazetteerMatch[])[]): GazetteerMatch[] {
  const kept: GazetteerMatch[] = [];
  for (const tier of tiers) {
    if (kept.length >= limit) break;
    for (const c of tier()) {
      if (kept.length >= limit) break;
      if (!kept.some((k) => k.place.country === c.place.country && distanceKm(k.place, c.place) < SAME_PLACE_KM)) kept.push(c);
    }
  }
  return kept;
}

/**
 * Curated border posts and reception points one letter away from the query ("paso canoa"
 * → Paso Canoas): where officials work beats a far-away town that happens to carry the
 * misspelt name (Paso Canoa, Mexico). Names of 6 letters or more: shorter ones are too
 * close to too much.
 */
export function nearBorderPlace(key: string, inScope: (p: Place) => boolean): GazetteerMatch[] {
  if (key.length < 6) return [];
  return gazetteer()
    .curated.filter((p) => inScope(p) && p.key !== key && editDistance(p.key, key) === 1)
    .map((place) => ({ place, matchedBy: "PARTIAL" as const }))
    .sort(byRank);
}

/** Close spellings among the scope's names (edit distance on folded names), nearest first. */
export function misspelt(key: string, countries: Iterable<string>, inScope: (p: Place) => boolean): Place[] {
  const { placesNamed } = gazetteer();
  const keysByCountry = gazetteer().keysByCountry();
  const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const close: { key: string; d: number }[] = [];
  for (const country of countries) {
    for (const k of keysByCountry.get(country) ?? []) {
      if (Math.abs(k.length - key.length) > allowed) continue;
      const d = editDistance(k, key);
      if (d <= allowed) close.push({ key: k, d });
    }
  }
  close.sort((a, b) => a.d - b.d);
  const places = close.flatMap(({ key: k, d }) =>
    placesNamed(k)
      .filter(inScope)
      .map((place) => ({ place, matchedBy: "PARTIAL" as const, d })),
  );
  return take(5, () => places.sort((a, b) => a.d - b.d || byRank(a, b))).map((c) => c.place);
}

/** Curated places this close to a division's largest town are offered with it when the division has none of its own. */
const DIVISION_CURATED_KM = 50;

/**
 * The places a division's name means when a query is just that name ("Darién", "Petén"):
 * its curated border posts and reception points (where officials work), else its largest
 * town followed by the curated places of its country within 50 km of that town (Darién's
 * reception points, which GeoNames puts in the Emberá-Wounaan comarca carved out of it).
 * Only for divisions by name (not abbreviations or codes), and only when no place of the
 * division's country carries the name: "Chiriquí" stays the town when there is one.
 */
export function divisionPlaces(key: string, inScope: (p: Place) => boolean): GazetteerMatch[] {
  const g = gazetteer();
  const named = (divisions().byName.get(key) ?? []).filter((d) => !g.indicesNamed(key).some((i) => g.countryOf(i) === d.country));
  if (!named.length) return [];
  const within = (p: Place) => inScope(p) && named.some((d) => d.country === p.country && d.admin1 === p.admin1);
  const all = g.curated;
  const asMatch = (place: Place): GazetteerMatch => ({ place, matchedBy: "DIVISION" });
  const curated = all.filter(within);
  if (curated.length) return curated.map(asMatch).sort(byRank);
  // The division's towns: its columns are read for every place, a place is made only for those inside.
  const inside: number[] = [];
  for (let i = 0; i < g.size; i++) if (named.some((d) => d.country === g.countryOf(i) && d.admin1 === g.admin1Of(i))) inside.push(i);
  const towns = inside
    .map(g.place)
    .filter(within)
    .sort((a, b) => b.population - a.population);
  if (!towns.length) return [];
  const near = all.filter((p) => p.country === towns[0].country && inScope(p) && distanceKm(p, towns[0]) <= DIVISION_CURATED_KM);
  return [asMatch(towns[0]), ...near.map(asMatch).sort(byRank), ...towns.slice(1, 5).map(asMatch)];
}
