import { geoMercator, type GeoProjection } from "d3-geo";

/** A longitude/latitude box; `east` may exceed 180 when the box crosses the antimeridian. */
export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Mercator runs to infinity at the poles; no map here needs more than this. */
const MAX_LATITUDE = 84;
/** A single point's locator view: about ±4 degrees around it. */
export const LOCATOR_DEGREES = 4;
/** Several points never zoom closer than ±2 degrees: the 1:50m coasts need that room. */
const MIN_HALF_SPAN = 2;

/** Shown when there is no point: Mexico, Central America and the Caribbean. */
export const REGION_BOX: GeoBox = { west: -118, south: 5, east: -59, north: 33 };
const CLIP_MARGIN = 2;

/** Wrap a longitude into [-180, 180). */
export function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * The smallest longitude arc holding every point: the complement of the widest gap
 * between neighbouring longitudes around the circle. An office in Guam and a place in
 * Alaska give an arc across the antimeridian, not one across the whole world.
 */
function longitudeArc(longitudes: number[]): [number, number] {
  const sorted = longitudes.map(wrapLongitude).sort((a, b) => a - b);
  let gap = sorted[0] + 360 - sorted[sorted.length - 1];
  let west = sorted[0];
  let east = sorted[sorted.length - 1];
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i] - sorted[i - 1];
    if (g > gap) {
      gap = g;
      west = sorted[i];
      east = sorted[i - 1] + 360;
    }
  }
  return [west, east];
}

/** The padded box around the points; `paddingDegrees` defaults to ±4 for one point, an eighth of the span (≥ 1) for several. */
export function pointsBox(points: { latitude: number; longitude: number }[], paddingDegrees?: number): GeoBox {
  const [lonWest, lonEast] = longitudeArc(points.map((p) => p.longitude));
  const lats = points.map((p) => Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, p.latitude)));
  const latSouth = Math.min(...lats);
  const latNorth = Math.max(...lats);
  const span = Math.max(lonEast - lonWest, latNorth - latSouth);
  const single = span === 0;
  const padding = paddingDegrees ?? (single ? LOCATOR_DEGREES : Math.max(1, span / 8));
  const minHalf = paddingDegrees !== undefined || single ? 0 : MIN_HALF_SPAN;
  const lonCenter = (lonWest + lonEast) / 2;
  const latCenter = (latSouth + latNorth) / 2;
  const lonHalf = Math.min(179, Math.max((lonEast - lonWest) / 2 + padding, minHalf));
  const latHalf = Math.max((latNorth - latSouth) / 2 + padding, minHalf);
  return {
    west: lonCenter - lonHalf,
    east: lonCenter + lonHalf,
    south: Math.max(-MAX_LATITUDE, latCenter - latHalf),
    north: Math.min(MAX_LATITUDE, latCenter + latHalf),
  };
}

/**
 * Mercator centred on the box (rotated, so a box across the antimeridian is drawn whole),
 * fitted into width × height and clipped to it. Mercator keeps shapes right at the
 * region's latitudes and its meridians are straight, so the visible area is a lon/lat box.
 */
export function fitProjection(box: GeoBox, width: number, height: number): { projection: GeoProjection; visible: GeoBox } {
  const center = (box.west + box.east) / 2;
  const projection = geoMercator()
    .rotate([-center, 0])
    .precision(0) // no adaptive resampling: the atlas's segments are already short
    .fitExtent(
      [
        [0, 0],
        [width, height],
      ],
      {
        type: "MultiPoint",
        coordinates: [
          [box.west, box.south],
          [box.east, box.north],
        ],
      },
    )
    // Clipped a little outside the viewBox, so the strokes along the cut are not seen.
    .clipExtent([
      [-CLIP_MARGIN, -CLIP_MARGIN],
      [width + CLIP_MARGIN, height + CLIP_MARGIN],
    ]);
  // Visible longitudes: x is linear in longitude, `scale` pixels per radian.
  const halfLon = ((width / 2 / projection.scale()) * 180) / Math.PI;
  const top = projection.invert?.([width / 2, 0]);
  const bottom = projection.invert?.([width / 2, height]);
  return {
    projection,
    visible: {
      west: center - halfLon,
      east: center + halfLon,
      south: bottom ? bottom[1] : box.south,
      north: top ? top[1] : box.north,
    },
  };
}

/** Whether an atlas part's plain box (west ≤ east, within ±180) meets the visible box, trying the part one turn east and west. */
export function intersects(part: [number, number, number, number], visible: GeoBox): boolean {
  if (part[1] > visible.north || part[3] < visible.south) return false;
  if (visible.east - visible.west >= 360) return true;
  for (const shift of [-360, 0, 360]) {
    if (part[0] + shift <= visible.east && part[2] + shift >= visible.west) return true;
  }
  return false;
}
