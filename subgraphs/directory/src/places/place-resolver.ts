import { distance as editDistance } from "fastest-levenshtein";
import { BadUserInputError } from "../../../shared/src/errors";
import { distanceKm } from "../geo/distance";
import { gazetteer, type Place } from "./gazetteer";
import { type Division, divisionOf, divisions } from "./divisions";
import { type PlaceText, placeKey, placeReadings } from "./place-text";

export type MatchedBy = "EXACT" | "ALTERNATE_NAME" | "BORDER_POST" | "PARTIAL" | "COORDINATES" | "DIVISION";

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

/** "Tonalá (Jalisco, MX)": a place with its division, for messages. */
const placeWithDivision = (p: Place) => {
  const division = divisionOf(p);
  return division ? `${p.name} (${division.names.es}, ${p.country})` : `${p.name} (${p.country})`;
};

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
function divisionPlaces(key: string, inScope: (p: Place) => boolean): GazetteerMatch[] {
  const named = (divisions().byName.get(key) ?? []).filter((d) => !(gazetteer().byKey.get(key) ?? []).some((p) => p.country === d.country));
  if (!named.length) return [];
  const within = (p: Place) => inScope(p) && named.some((d) => d.country === p.country && d.admin1 === p.admin1);
  const { places } = gazetteer();
  const asMatch = (place: Place): GazetteerMatch => ({ place, matchedBy: "DIVISION" });
  const curated = places.filter((p) => p.kind !== "CITY" && within(p));
  if (curated.length) return curated.map(asMatch).sort(byRank);
  const towns = places.filter(within).sort((a, b) => b.population - a.population);
  if (!towns.length) return [];
  const near = places.filter((p) => p.kind !== "CITY" && p.country === towns[0].country && inScope(p) && distanceKm(p, towns[0]) <= DIVISION_CURATED_KM);
  return [asMatch(towns[0]), ...near.map(asMatch).sort(byRank), ...towns.slice(1, 5).map(asMatch)];
}

const label = (p: Place) => `${p.name} (${p.country})`;
const brief = (p: Place) => ({ name: p.name, country: p.country, latitude: p.latitude, longitude: p.longitude });
const divisionLabel = (d: Division) => `${d.names.es} (${d.country})`;

/**
 * Resolves a place name the way a border official types it. A country (given, named in
 * the text, or the official's own) is a constraint: nothing there is an error listing the
 * closest names there. A state named in the text ("Tonalá, Chiapas", "Tonalá (Chis.)") is
 * a narrower one, and names its country. Without either, the directory's region wins among
 * namesakes and partial matches, whatever the population; elsewhere only full names count,
 * so a misspelling is never answered with a far-away place. A text read several ways
 * ("San Diego, CA": Canada, then California) takes the first reading that finds a place.
 * Returns ranked candidates, the answer first, or throws BAD_USER_INPUT with `suggestions`
 * (those of the first reading).
 */
export function resolvePlaceQuery(q: PlaceQuery): GazetteerMatch[] {
  const readings = placeReadings(q.text);
  let first: unknown;
  for (const reading of readings) {
    try {
      return resolveReading(q, reading);
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      first ??= error;
    }
  }
  throw first;
}

function resolveReading(q: PlaceQuery, parsed: PlaceText): GazetteerMatch[] {
  if (q.country && parsed.country && parsed.country !== q.country) {
    throw new BadUserInputError(q.field, `"${q.text}" names ${parsed.country} but the country given is ${q.country}`);
  }
  const key = placeKey(parsed.name);
  if (!key) throw new BadUserInputError(q.field, "give a place name");
  if (parsed.division) {
    const given = q.country ?? parsed.country;
    const named = parsed.division.divisions.filter((d) => !given || d.country === given);
    if (!named.length) {
      throw new BadUserInputError(
        q.field,
        `"${parsed.division.text}" is a state, province or department of ${[...new Set(parsed.division.divisions.map((d) => d.country))].join(", ")}, not of ${given}`,
        { divisions: parsed.division.divisions.map((d) => ({ code: d.iso, name: d.names.es, country: d.country })) },
      );
    }
    const here = (p: Place) => named.some((d) => d.country === p.country && d.admin1 === p.admin1);
    const countries = [...new Set(named.map((d) => d.country))];
    const found = take(q.limit, () => full(key, here), () => partial(key, countries, here));
    if (found.length) return found;
    const suggestions = misspelt(key, countries, here);
    const inCountry = (p: Place) => countries.includes(p.country);
    const elsewhere = take(5, () => full(key, inCountry)).map((c) => c.place);
    throw new BadUserInputError(
      q.field,
      `no place named "${parsed.name}" in ${named.map(divisionLabel).join(" or ")}` +
        (suggestions.length ? `; closest names there: ${suggestions.map(label).join(", ")}` : "") +
        (elsewhere.length ? `; found elsewhere in ${countries.join(", ")}: ${elsewhere.map(placeWithDivision).join(", ")}` : ""),
      { country: countries.length === 1 ? countries[0] : undefined, suggestions: suggestions.map(brief), elsewhere: elsewhere.map(brief) },
    );
  }
  const constraint = q.country ?? parsed.country ?? q.defaultCountry;
  if (constraint) {
    const here = (p: Place) => p.country === constraint;
    const found = take(q.limit, () => full(key, here), () => divisionPlaces(key, here), () => partial(key, [constraint], here));
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
    () => divisionPlaces(key, inCrm),
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
