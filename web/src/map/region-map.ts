import { geoPath } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";
import { atlasParts, type AtlasScale } from "./atlas";
import { escapeAttribute, escapeText, safeHref } from "./escape";
import { CompactPath } from "./svg-path";
import { fitProjection, intersects, pointsBox, REGION_BOX } from "./view";

export interface MapPoint {
  latitude: number;
  longitude: number;
  label: string;
  /** "office" and "place" set the colour; "selected" is drawn larger, with a thick outline, above the rest. */
  kind: "office" | "place" | "selected";
  href?: string;
}

export interface MapOptions {
  points: MapPoint[];
  /** Accessible name (the SVG's <title>). */
  title: string;
  /** viewBox size; the SVG scales to its container (default 640 × 400). */
  width?: number;
  height?: number;
  /** Degrees around the points' box; default ±4 for one point, an eighth of the span (≥ 1) for several. */
  paddingDegrees?: number;
  /** Prefix of the ids inside the SVG; default derived from the content, so equal maps give equal bytes. */
  id?: string;
}

/**
 * Colours (contrast ratios checked in tests/web/region-map.test.ts): points are at least
 * 4.5:1 against land and sea, borders 3:1 against land. Only presentation attributes, no
 * style attributes, so a CSP without 'unsafe-inline' styles is enough.
 */
export const MAP_COLOURS = {
  sea: "#d4e9f7",
  land: "#ececec",
  border: "#767676",
  office: "#1a3d7c",
  place: "#a1161b",
  selected: "#1a3d7c",
  outline: "#ffffff",
  selectedOutline: "#111111",
} as const;

/** Above this many degrees of longitude per viewBox unit, 1:110m is all the eye can see and costs far less. */
const COARSE_DEGREES_PER_UNIT = 0.06;
const KIND_ORDER = { office: 0, place: 1, selected: 2 } as const;

/** Parse both atlases now (about 0.1 s), e.g. at server start, rather than in the first request that draws a map. */
export function preloadRegionMaps(): void {
  atlasParts("50m");
  atlasParts("110m");
}

/**
 * An <svg> drawing Natural Earth country boundaries around the points, with the points as
 * circles (linked when they have an href). Synchronous; the atlas is parsed on first use.
 */
export function renderRegionMap(options: MapOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const id = options.id ?? `map-${hash(JSON.stringify([options.title, width, height, options.paddingDegrees, options.points]))}`;
  const titleId = `${id}-title`;
  const points = options.points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  const box = points.length > 0 ? pointsBox(points, options.paddingDegrees) : REGION_BOX;
  const { projection, visible } = fitProjection(box, width, height);

  const scale: AtlasScale = (visible.east - visible.west) / width > COARSE_DEGREES_PER_UNIT ? "110m" : "50m";
  const polygons: Polygon["coordinates"][] = [];
  for (const part of atlasParts(scale)) if (intersects(part.box, visible)) polygons.push(part.polygon.coordinates);
  const context = new CompactPath();
  const land: MultiPolygon = { type: "MultiPolygon", coordinates: polygons };
  geoPath(projection, context)(land);
  const d = context.result();

  const linked = points.some((p) => safeHref(p.href) !== undefined);
  // role="img" hides its children from assistive technology, and links inside it are an
  // error (axe: nested-interactive); a map with links is a named group instead.
  const role = linked ? "group" : "img";
  // About 4 px on a 360 px phone when the map is as wide as the screen.
  const radius = Math.max(4, Math.round(width / 90));
  const circles = points
    .map((p, index) => ({ p, index }))
    .sort((a, b) => KIND_ORDER[a.p.kind] - KIND_ORDER[b.p.kind] || a.index - b.index)
    .map(({ p }) => circle(p, projection([p.longitude, p.latitude]), radius));

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" role="${role}" aria-labelledby="${escapeAttribute(titleId)}" class="region-map">` +
    `<title id="${escapeAttribute(titleId)}">${escapeText(options.title)}</title>` +
    `<rect width="${width}" height="${height}" fill="${MAP_COLOURS.sea}"/>` +
    (d ? `<path class="region-map-land" d="${d}" fill="${MAP_COLOURS.land}" stroke="${MAP_COLOURS.border}" stroke-width=".6" stroke-linejoin="round"/>` : "") +
    circles.join("") +
    `</svg>`
  );
}

function circle(point: MapPoint, xy: [number, number] | null, radius: number): string {
  // A point the projection cannot place (beyond Mercator's poles) is left out rather than drawn wrong.
  if (!xy) return "";
  const selected = point.kind === "selected";
  const shape =
    `<circle class="region-map-${point.kind}" cx="${round(xy[0])}" cy="${round(xy[1])}" r="${selected ? Math.round(radius * 1.4) : radius}"` +
    ` fill="${MAP_COLOURS[point.kind]}" stroke="${selected ? MAP_COLOURS.selectedOutline : MAP_COLOURS.outline}" stroke-width="${selected ? 3 : 1.5}">` +
    `<title>${escapeText(point.label)}</title></circle>`;
  const href = safeHref(point.href);
  return href === undefined ? shape : `<a href="${escapeAttribute(href)}">${shape}</a>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** FNV-1a, base 36: short stable ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
