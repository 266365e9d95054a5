import { BadUserInputError } from "../../../../platform/src/errors";
import { type Division, divisionOf } from "./divisions";
import type { Place } from "./gazetteer";
import { type PlaceText, placeKey, placeReadings } from "./place-text";
import { divisionPlaces, full, type GazetteerMatch, misspelt, nearBorderPlace, partial, take } from "./place-tiers";

export type { GazetteerMatch, MatchedBy } from "./place-tiers";

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

/** "Tonalá (Jalisco, MX)": a place with its division, for messages. */
const placeWithDivision = (p: Place) => {
  const division = divisionOf(p);
  return division ? `${p.name} (${division.names.es}, ${p.country})` : `${p.name} (${p.country})`;
};

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
  const key = `${q.text}\u0000${q.country ?? ""}\u0000${q.defaultCountry ?? ""}\u0000${q.limit}`;
  let byRegion = resolved.get(q.region);
  if (!byRegion) resolved.set(q.region, (byRegion = new WeakMap()));
  const crm = q.crm ?? NO_CRM;
  let held = byRegion.get(crm);
  if (!held) byRegion.set(crm, (held = new Map()));
  const known = held.get(key);
  if (known) {
    placeQueryStats.remembered++;
    return known.slice();
  }
  const found = resolveUncached(q);
  placeQueryStats.resolved++;
  if (held.size >= REMEMBERED) held.clear();
  held.set(key, found);
  return found.slice();
}

/**
 * Answers are remembered per region and CRM sets (the office index's, one pair per
 * directory revision) and per text, country, own country and limit: the gazetteer never
 * changes in a process, and the same few places are asked again and again at the border.
 * The partial-name tier alone scans a country's names (Mexico's: one string search over
 * them), 44 % of the directory's busy time on W3 with an official's key before. Refusals
 * (BAD_USER_INPUT) are not remembered. At most REMEMBERED answers per pair of sets.
 */
const resolved = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, Map<string, GazetteerMatch[]>>>();
const NO_CRM: ReadonlySet<string> = new Set();
const REMEMBERED = 2_000;
export const placeQueryStats = { resolved: 0, remembered: 0 };

function resolveUncached(q: PlaceQuery): GazetteerMatch[] {
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
    const found = take(
      q.limit,
      () => full(key, here),
      () => partial(key, countries, here),
    );
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
    const found = take(
      q.limit,
      () => full(key, here),
      () => divisionPlaces(key, here),
      () => partial(key, [constraint], here),
    );
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
    `no place named "${parsed.name}" in the gazetteer` +
      (suggestions.length ? `; closest names in the region: ${suggestions.map(label).join(", ")}` : "; check the spelling, add the country or give coordinates"),
    { suggestions: suggestions.map(brief) },
  );
}
