import { type ProcedureCode, RepresentationKind } from "../entities";
import { chord2ForKm, distanceKm } from "../geo/distance";
import { type IndexedOffice, unitVector } from "./office-index";
import { CoverageBasis } from "./nearest.types";

export interface Candidate {
  id: string;
  sender: string;
  distanceKm: number | null;
  basis: CoverageBasis;
  precision: string | null;
}

export interface NearestQuery {
  nationalities: string[];
  placeCountry: string;
  latitude: number;
  longitude: number;
  procedure?: ProcedureCode;
  kinds?: RepresentationKind[];
  first: number;
  maxDistanceKm?: number;
}

const HONORARY: string = RepresentationKind.HONORARY_CONSULATE;

/**
 * Ranks the active offices of each nationality for a place: those whose jurisdiction
 * covers the place's country first (resident or concurrently accredited), then the rest;
 * within each group career offices before honorary consulates (which rarely issue
 * documents: an honorary consul is never the first answer where a career office can act);
 * by great-circle distance within each group; offices with no known position last in
 * their group, never dropped. Order comes from the chord between unit vectors, which grows
 * with the great-circle distance, so it is exact; the limit and the distance reported for
 * the offices returned use the same mean Earth radius (geo/distance.ts).
 */
export async function rankNearest(index: { officesOf(senders: string[]): IndexedOffice[][] | Promise<IndexedOffice[][]> }, q: NearestQuery): Promise<Map<string, Candidate[]>> {
  const here = unitVector(q.latitude, q.longitude);
  const chord2 = (o: IndexedOffice) => (o.xyz ? (o.xyz[0] - here[0]) ** 2 + (o.xyz[1] - here[1]) ** 2 + (o.xyz[2] - here[2]) ** 2 : Number.POSITIVE_INFINITY);
  const maxChord2 = q.maxDistanceKm === undefined ? Number.POSITIVE_INFINITY : chord2ForKm(q.maxDistanceKm);
  const kinds = q.kinds ? new Set<string>(q.kinds) : undefined;
  const groups = await index.officesOf(q.nationalities);
  const result = new Map<string, Candidate[]>();
  q.nationalities.forEach((nationality, i) => {
    const ranked = groups[i]
      .filter((o) => (!kinds || kinds.has(o.kind)) && (!q.procedure || o.procedures.has(q.procedure)))
      .map((o) => ({ o, basis: (o.coverage.get(q.placeCountry) as CoverageBasis | undefined) ?? CoverageBasis.NONE, c2: chord2(o) }))
      .filter((x) => x.c2 <= maxChord2)
      .sort(
        (a, b) =>
          Number(a.basis === CoverageBasis.NONE) - Number(b.basis === CoverageBasis.NONE) ||
          Number(a.o.kind === HONORARY) - Number(b.o.kind === HONORARY) ||
          a.c2 - b.c2 ||
          a.o.id.localeCompare(b.o.id),
      )
      .slice(0, q.first);
    result.set(
      nationality,
      ranked.map(({ o, basis }) => ({
        id: o.id,
        sender: nationality,
        basis,
        precision: o.precision,
        distanceKm: o.latitude === null || o.longitude === null ? null : distanceKm(q, { latitude: o.latitude, longitude: o.longitude }),
      })),
    );
  });
  return result;
}
