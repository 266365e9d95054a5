import { type Division, divisions } from "./divisions";
import { gazetteer, type Place } from "./gazetteer";

/** Towns kept for the lookup's offline index, by country: every town in the Central American and Caribbean members, the larger ones elsewhere. */
const ALL_TOWNS = new Set(["BZ", "CR", "DO", "GT", "HN", "NI", "PA", "SV"]);
const MIN_POPULATION: Record<string, number> = { MX: 5_000, US: 20_000, CA: 20_000 };

let built: string | undefined;

const kept = (kind: string, country: string, population: number) => kind !== "CITY" || ALL_TOWNS.has(country) || (MIN_POPULATION[country] !== undefined && population >= MIN_POPULATION[country]);
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * The compact place index the lookup keeps on a phone for offline use (issue 20): the
 * region's border posts and reception points and its towns (above), each as
 * [name, country, latitude, longitude, kind, population, [its other folded names], admin1],
 * and the CRM member states' divisions, each as [country, admin1, ISO 3166-2 code,
 * {es, en, fr, pt names}, [its folded names, abbreviations and code]] ("Tonalá, Chiapas"
 * offline too), as JSON text. Built once per process from the gazetteer (which does not
 * change while it runs).
 */
export function offlinePlaceIndex(): string {
  if (built) return built;
  const g = gazetteer();
  const others = new Map<number, { place: Place; keys: string[] }>();
  // Read from the columns: a place is made only for those kept (some 20,000 of 200,000).
  for (let i = 0; i < g.size; i++) if (kept(g.kindOf(i), g.countryOf(i), g.populationOf(i))) others.set(i, { place: g.place(i), keys: [] });
  g.eachKey((key, indices) => {
    for (const i of indices) {
      const row = others.get(i);
      if (row && key !== row.place.key && row.keys[row.keys.length - 1] !== key) row.keys.push(key);
    }
  });
  const rows = [...others.values()].map(({ place: p, keys }) => [p.name, p.country, round(p.latitude), round(p.longitude), p.kind, p.population, keys, p.admin1]);
  const keysOf = new Map<Division, string[]>();
  for (const [key, list] of divisions().byKey) for (const d of list) keysOf.set(d, [...(keysOf.get(d) ?? []), key]);
  const divisionRows = [...keysOf].map(([d, keys]) => [d.country, d.admin1, d.iso, { es: d.names.es, en: d.names.en, fr: d.names.fr, pt: d.names.pt }, keys]);
  built = JSON.stringify({ format: 1, places: rows, divisions: divisionRows });
  return built;
}
