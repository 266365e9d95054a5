import type { ProcedureCode, RepresentationKind } from "../entities";
import type { IndexedOffice } from "./office-index";
import type { CoverageBasis } from "./nearest.types";
import { rankOffices } from "./rank-core";

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

/**
 * Ranks the active offices of each nationality for a place (rank-core.ts, the module the
 * lookup's offline mode runs too): those that cover the place's country first, career
 * offices before honorary ones, then by great-circle distance on the mean Earth radius.
 */
export async function rankNearest(index: { officesOf(senders: string[]): IndexedOffice[][] | Promise<IndexedOffice[][]> }, q: NearestQuery): Promise<Map<string, Candidate[]>> {
  return rankOffices(await index.officesOf(q.nationalities), q) as Map<string, Candidate[]>;
}
