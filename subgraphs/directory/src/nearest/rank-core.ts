/**
 * The ranking of the nearest search, with no imports: the directory subgraph ranks with it
 * (nearest.service.ts), and the lookup's offline mode runs the same compiled file in the
 * browser's service worker (web: /offline/rank-core.js), so an answer offline is the answer
 * online for the same snapshot. Change it here and both sides change.
 */

/** The IUGG mean Earth radius R1, km: the one radius of every distance in the directory. */
export const EARTH_RADIUS_KM = 6371.0088;

/** What the ranking needs of an active office. */
export interface RankableOffice {
  id: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  precision: string | null;
  /** Country → RESIDENT | CONCURRENT_ACCREDITATION */
  coverage: { get(country: string): string | undefined };
  procedures: { has(code: string): boolean };
  /** Unit vector of the position (unitVector), for ranking by chord length. */
  xyz: [number, number, number] | null;
}

export interface RankQuery {
  nationalities: string[];
  placeCountry: string;
  latitude: number;
  longitude: number;
  procedure?: string;
  kinds?: string[];
  first: number;
  maxDistanceKm?: number;
}

export interface Ranked {
  id: string;
  sender: string;
  distanceKm: number | null;
  /** RESIDENT, CONCURRENT_ACCREDITATION or NONE. */
  basis: string;
  precision: string | null;
}

export function unitVector(latitude: number, longitude: number): [number, number, number] {
  const φ = (latitude * Math.PI) / 180;
  const λ = (longitude * Math.PI) / 180;
  return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
}

/** Great-circle (haversine) distance on the mean sphere, km. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dφ = (b.latitude - a.latitude) * rad;
  const dλ = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dφ / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dλ / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h))) * EARTH_RADIUS_KM;
}

/** The squared chord between two points on the unit sphere for a great-circle distance. */
export function chord2ForKm(km: number): number {
  return (2 * Math.sin(Math.min(Math.PI, km / EARTH_RADIUS_KM) / 2)) ** 2;
}

const HONORARY = "HONORARY_CONSULATE";

/**
 * Ranks each nationality's offices for a place: those whose jurisdiction covers the place's
 * country first (resident or concurrently accredited), then the rest; within each group
 * career offices before honorary consulates; then by great-circle distance (the chord
 * between unit vectors, which grows with it); offices with no position last in their
 * group, never dropped. `groups[i]` are the offices of `q.nationalities[i]`.
 */
export function rankOffices(groups: RankableOffice[][], q: RankQuery): Map<string, Ranked[]> {
  const here = unitVector(q.latitude, q.longitude);
  const chord2 = (o: RankableOffice) => (o.xyz ? (o.xyz[0] - here[0]) ** 2 + (o.xyz[1] - here[1]) ** 2 + (o.xyz[2] - here[2]) ** 2 : Number.POSITIVE_INFINITY);
  const maxChord2 = q.maxDistanceKm === undefined ? Number.POSITIVE_INFINITY : chord2ForKm(q.maxDistanceKm);
  const kinds = q.kinds ? new Set<string>(q.kinds) : undefined;
  const result = new Map<string, Ranked[]>();
  q.nationalities.forEach((nationality, i) => {
    const ranked = (groups[i] ?? [])
      .filter((o) => (!kinds || kinds.has(o.kind)) && (!q.procedure || o.procedures.has(q.procedure)))
      .map((o) => ({ o, basis: o.coverage.get(q.placeCountry) ?? "NONE", c2: chord2(o) }))
      .filter((x) => x.c2 <= maxChord2)
      .sort(
        (a, b) =>
          Number(a.basis === "NONE") - Number(b.basis === "NONE") || Number(a.o.kind === HONORARY) - Number(b.o.kind === HONORARY) || a.c2 - b.c2 || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0),
      )
      .slice(0, q.first);
    result.set(
      nationality,
      ranked.map(({ o, basis }) => ({
        id: o.id,
        sender: nationality,
        basis,
        precision: o.precision,
        distanceKm: o.latitude === null || o.longitude === null ? null : haversineKm(q, { latitude: o.latitude, longitude: o.longitude }),
      })),
    );
  });
  return result;
}
