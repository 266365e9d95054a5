import { geoDistance } from "d3-geo";

/**
 * The IUGG mean Earth radius R1, in km. Every distance in the directory (reported
 * distances, `maxDistanceKm`, place matching) uses this one radius: mixing it with the
 * equatorial radius (6,378.137 km) reported 367.7 km for an office that a 367.5 km limit
 * let through.
 */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Great-circle (haversine) distance on the mean sphere, in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
  return geoDistance([a.longitude, a.latitude], [b.longitude, b.latitude]) * EARTH_RADIUS_KM;
}

/** The squared chord between two points on the unit sphere for a great-circle distance: 2·sin(d / 2R), squared. */
export function chord2ForKm(km: number): number {
  return (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;
}
