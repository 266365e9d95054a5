import { readFileSync } from "node:fs";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { distanceKm, EARTH_RADIUS_KM } from "./distance";

/**
 * Natural Earth 1:10m admin-0 boundaries (public domain) as shipped by `world-atlas`.
 * Features Natural Earth gives no ISO numeric id get the ISO 3166 country they are part of
 * or administered by; disputed ones (Spratly, Scarborough, Siachen) get none.
 */
const UNCODED: Record<string, string | undefined> = {
  Somaliland: "SO",
  Kosovo: "XK", // user-assigned code used by the EU and i18n-iso-countries
  "N. Cyprus": "CY",
  "Cyprus U.N. Buffer Zone": "CY",
  Dhekelia: "GB", // UK sovereign base areas
  Akrotiri: "GB",
  "USNB Guantanamo Bay": "CU", // ISO 3166-2:CU counts it in Guantánamo province
  Baikonur: "KZ", // leased to Russia, Kazakh territory
  "Indian Ocean Ter.": "AU", // Christmas and Cocos Islands, external territories
  "Coral Sea Is.": "AU",
  "Clipperton I.": "FR",
  "Bajo Nuevo Bank": "CO", // administered by Colombia, claimed by others
  "Serranilla Bank": "CO",
};

interface Part {
  country: string;
  /** [west, south, east, north] in degrees: the cheap test before the ring walk. */
  box: [number, number, number, number];
  /** Outer ring then holes, each flat [lon, lat, lon, lat, …]: a tenth of GeoJSON's memory. */
  rings: Float64Array[];
}

let loaded: { parts: Part[]; byCountry: Map<string, Part[]> } | undefined;

function toPart(country: string, rings: Position[][]): Part {
  const box: Part["box"] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of rings[0]) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  const flat = (ring: Position[]) => {
    const out = new Float64Array(ring.length * 2);
    ring.forEach((position, i) => {
      out[2 * i] = position[0];
      out[2 * i + 1] = position[1];
    });
    return out;
  };
  return { country, box, rings: rings.map(flat) };
}

/** ~4,250 polygons of 250 countries and territories, loaded once per process on first use. */
function boundaries() {
  if (!loaded) {
    const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const parts: Part[] = [];
    // One country's GeoJSON at a time, turned into flat rings at once: all 255 as GeoJSON
    // held 36 MiB more at the peak (the process's high-water mark, which it keeps).
    for (const object of topology.objects.countries.geometries) {
      const f = feature(topology, object) as unknown as Feature<Polygon | MultiPolygon | null, { name: string }>;
      const country = f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : UNCODED[f.properties?.name ?? ""];
      if (!country || !f.geometry) continue;
      const geometry = f.geometry as Polygon | MultiPolygon;
      for (const rings of geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) parts.push(toPart(country, rings));
    }
    const byCountry = new Map<string, Part[]>();
    for (const part of parts) byCountry.set(part.country, [...(byCountry.get(part.country) ?? []), part]);
    loaded = { parts, byCountry };
  }
  return loaded;
}

/**
 * Even-odd ray casting in longitude/latitude. Planar on purpose: the 1:10m rings are dense,
 * and borders drawn along a parallel (49°N, most of the US–Mexico line's straight runs)
 * follow the parallel, as the treaties do, rather than a great circle.
 */
function inRing(ring: Float64Array, latitude: number, longitude: number): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const yi = ring[i + 1];
    const yj = ring[j + 1];
    if (yi > latitude !== yj > latitude && longitude < ((ring[j] - ring[i]) * (latitude - yi)) / (yj - yi) + ring[i]) odd = !odd;
  }
  return odd;
}

const inside = (part: Part, latitude: number, longitude: number) =>
  longitude >= part.box[0] &&
  longitude <= part.box[2] &&
  latitude >= part.box[1] &&
  latitude <= part.box[3] &&
  inRing(part.rings[0], latitude, longitude) &&
  !part.rings.slice(1).some((hole) => inRing(hole, latitude, longitude));

/** The ISO alpha-2 code of the country whose land boundary holds the point; undefined at sea or in a disputed area. */
export function countryAt(latitude: number, longitude: number): string | undefined {
  return boundaries().parts.find((part) => inside(part, latitude, longitude))?.country;
}

/** Whether the boundaries know a country (tiny territories are missing at 1:10m). */
export function hasBoundary(country: string): boolean {
  return boundaries().byCountry.has(country);
}

const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/**
 * How far a point lies outside a country: 0 inside, else the distance to its nearest
 * boundary segment (found in a local equirectangular projection around the point, so
 * close to exact within a few hundred km, approximate beyond). Infinity for a country
 * with no boundary. Enough to accept an office on a coast or at a border within a margin.
 */
export function kmOutside(country: string, latitude: number, longitude: number): number {
  const parts = boundaries().byCountry.get(country);
  if (!parts) return Number.POSITIVE_INFINITY;
  if (parts.some((part) => inside(part, latitude, longitude))) return 0;
  const cos = Math.cos((latitude * Math.PI) / 180);
  const x = (lon: number) => (((lon - longitude + 540) % 360) - 180) * cos * KM_PER_DEGREE;
  const y = (lat: number) => (lat - latitude) * KM_PER_DEGREE;
  let best = Number.POSITIVE_INFINITY;
  let nearest: [number, number] = [longitude, latitude];
  for (const part of parts) {
    // A box farther than the best segment so far cannot hold a nearer one.
    const dx = Math.max(0, part.box[0] - longitude, longitude - part.box[2]);
    const dy = Math.max(0, part.box[1] - latitude, latitude - part.box[3]);
    if (Math.hypot(dx * cos, dy) * KM_PER_DEGREE > best && dx < 180) continue;
    for (const ring of part.rings) {
      for (let i = 2; i < ring.length; i += 2) {
        // Both ends farther north or south than the best so far: skip the arithmetic.
        if (Math.min(Math.abs(ring[i - 1] - latitude), Math.abs(ring[i + 1] - latitude)) * KM_PER_DEGREE > best && (ring[i - 1] - latitude) * (ring[i + 1] - latitude) > 0) continue;
        const [ax, ay, bx, by] = [x(ring[i - 2]), y(ring[i - 1]), x(ring[i]), y(ring[i + 1])];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
        const d = Math.hypot(ax + t * (bx - ax), ay + t * (by - ay));
        if (d < best) {
          best = d;
          nearest = [ring[i - 2] + t * (ring[i] - ring[i - 2]), ring[i - 1] + t * (ring[i + 1] - ring[i - 1])];
        }
      }
    }
  }
  // The distance to the point found, measured on the sphere.
  return distanceKm({ latitude, longitude }, { latitude: nearest[1], longitude: nearest[0] });
}
