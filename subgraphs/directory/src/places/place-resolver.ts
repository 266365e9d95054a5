import { distance as editDistance } from "fastest-levenshtein";
import { BadUserInputError } from "../../../shared/src/errors";
import { distanceKm } from "../geo/distance";
import { gazetteer, type Place } from "./gazetteer";
import { parsePlaceText, placeKey } from "./place-text";

export type MatchedBy = "EXACT" | "ALTERNATE_NAME" | "BORDER_POST" | "PARTIAL" | "COORDINATES";

export interface GazetteerMatch {
  place: Place;
  matchedBy: MatchedBy;
  /** Matched on its own name, not another of its names: breaks ties between the two sides of a crossing. */
  own?: boolean;
}

export interface PlaceQuery {
  text: string;
  /** The argument errors name: "near.place", "search". */
  field: string;
  /** A `country` argument, already checked: a constraint. */
  country?: string;
  /** An official's own country: a constraint too, unless the text names another country. */
  defaultCountry?: string;
  /** CRM member states and the directory's host countries: they win among namesakes. */
  region: ReadonlySet<string>;
  /** The CRM member states: among the region's namesakes, theirs first. */
  crm?: ReadonlySet<string>;
  /** How many candidates to return (the first is the answer). */
  limit: number;
}

/** Two candidates closer than this are one place (a border post and the town it is in). */
const SAME_PLACE_KM = 2;

/** Curated border places first (they are where officials work), then the larger place, then its own name before another's. */
const byRank = (a: GazetteerMatch, b: GazetteerMatch) =>
  Number(a.place.kind === "CITY") - Number(b.place.kind === "CITY") ||
  b.place.population - a.place.population ||
  Number(!a.own) - Number(!b.own) ||
  a.place.name.localeCompare(b.place.name);

/** Places whose name or other name is the query, ranked. */
const full = (key: string, inScope: (p: Place) => boolean): GazetteerMatch[] =>
  (gazetteer().byKey.get(key) ?? [])
    .filter(inScope)
    .map((place): GazetteerMatch => ({ place, own: place.key === key, matchedBy: place.kind !== "CITY" ? "BORDER_POST" : place.key === key ? "EXACT" : "ALTERNATE_NAME" }))
    .sort(byRank);

/** Names in which the query starts a word: "Paso Canoas" → "Paso Canoas Arriba", "tecun" → "Ciudad Tecún Umán". */
function partial(key: string, countries: Iterable<string>, inScope: (p: Place) => boolean): GazetteerMatch[] {
  const { byKey } = gazetteer();
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
  return [...found].flatMap((k) => (byKey.get(k) ?? []).filter(inScope).map((place) => ({ place, matchedBy: "PARTIAL" as const }))).sort(byRank);
}

/**
 * The first `limit` places of the ranked tiers in order, one candidate per place
 * (a namesake within 2 km of a better one in the same country is the same place). A tier
 * is only searched when the ones before it did not fill the list.
 */
function take(limit: number, ...tiers: (() => GazetteerMatch[])[]): GazetteerMatch[] {
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
function nearBorderPlace(key: string, inScope: (p: Place) => boolean): GazetteerMatch[] {
  if (key.length < 6) return [];
  return gazetteer()
    .places.filter((p) => p.kind !== "CITY" && inScope(p) && p.key !== key && editDistance(p.key, key) === 1)
    .map((place) => ({ place, matchedBy: "PARTIAL" as const }))
    .sort(byRank);
}

/** Close spellings among the scope's names (edit distance on folded names), nearest first. */
function misspelt(key: string, countries: Iterable<string>, inScope: (p: Place) => boolean): Place[] {
  const { byKey } = gazetteer();
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
  const places = close.flatMap(({ key: k, d }) => (byKey.get(k) ?? []).filter(inScope).map((place) => ({ place, matchedBy: "PARTIAL" as const, d })));
  return take(5, () => places.sort((a, b) => a.d - b.d || byRank(a, b))).map((c) => c.place);
}

const label = (p: Place) => `${p.name} (${p.country})`;
const brief = (p: Place) => ({ name: p.name, country: p.country, latitude: p.latitude, longitude: p.longitude });

/**
 * Resolves a place name the way a border official types it. A country (given, named in
 * the text, or the official's own) is a constraint: nothing there is an error listing the
 * closest names there. Without one, the directory's region wins among namesakes and
 * partial matches, whatever the population; elsewhere only full names count, so a
 * misspelling is never answered with a far-away place. Returns ranked candidates, the
 * answer first, or throws BAD_USER_INPUT with `suggestions`.
 */
export function resolvePlaceQuery(q: PlaceQuery): GazetteerMatch[] {
  const parsed = parsePlaceText(q.text);
  if (q.country && parsed.country && parsed.country !== q.country) {
    throw new BadUserInputError(q.field, `"${q.text}" names ${parsed.country} but the country given is ${q.country}`);
  }
  const key = placeKey(parsed.name);
  if (!key) throw new BadUserInputError(q.field, "give a place name");
  const constraint = q.country ?? parsed.country ?? q.defaultCountry;
  if (constraint) {
    const here = (p: Place) => p.country === constraint;
    const found = take(q.limit, () => full(key, here), () => partial(key, [constraint], here));
    if (found.length) return found;
    const suggestions = misspelt(key, [constraint], here);
    const elsewhere = take(5, () => full(key, () => true)).map((c) => c.place);
    throw new BadUserInputError(
      q.field,
      `no place named "${parsed.name}" in ${constraint}${q.country || parsed.country ? "" : " (your own country; name another one to search there)"}` +
        (suggestions.length ? `; closest names there: ${suggestions.map(label).join(", ")}` : "") +
        (elsewhere.length ? `; found elsewhere: ${elsewhere.map(label).join(", ")}` : ""),
      { country: constraint, suggestions: suggestions.map(brief), elsewhere: elsewhere.map(brief) },
    );
  }
  const inRegion = (p: Place) => q.region.has(p.country);
  const inCrm = (p: Place) => (q.crm ?? q.region).has(p.country);
  const curated = (p: Place) => p.kind !== "CITY" && inRegion(p);
  const found = take(
    q.limit,
    () => full(key, curated),
    () => nearBorderPlace(key, inRegion),
    () => full(key, inCrm),
    () => full(key, inRegion),
    () => partial(key, q.region, inRegion),
    () => full(key, (p) => !inRegion(p)),
  );
  if (found.length) return found;
  const suggestions = misspelt(key, q.region, inRegion);
  throw new BadUserInputError(
    q.field,
    `no place named "${parsed.name}" in the gazetteer` + (suggestions.length ? `; closest names in the region: ${suggestions.map(label).join(", ")}` : "; check the spelling, add the country or give coordinates"),
    { suggestions: suggestions.map(brief) },
  );
}
