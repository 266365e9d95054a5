import { foldText } from "../../../platform/src/text";
import type { Representation } from "../../../subgraphs/directory/src/entities";
import { distanceKm } from "../../../subgraphs/directory/src/geo/distance";
import { checkPosition } from "../../../subgraphs/directory/src/quality/position-check";
import type { RowProblem } from "../directory/representation-rows";
import type { ImportRow } from "./import-row";

export interface ExistingOffice {
  rep: Representation;
  concurrent: string[];
}

/**
 * Beyond this, two positions are two places: an office is never "moved" by an import to
 * another city (issue: France's consulate general in Chicago proposed to move to
 * Washington). 25 km is wider than any city the directory lists, narrower than the
 * distance between two cities that both have consulates of one country.
 */
export const SAME_PLACE_KM = 25;

/** "New York City" and "New York", "Panama City" and "Panamá" are the same place. */
const cityKey = (city: string | null) => foldText(city ?? "").replace(/ city$/, "");

type Keyed = { sendingCountryCode: string; hostCountryCode: string; kind: string; city: string | null };
export const keyOf = (r: Keyed, city = cityKey(r.city)): string => [r.sendingCountryCode, r.hostCountryCode, r.kind, city].join("|");

type Located = { latitude: number | null; longitude: number | null };
const hasPosition = (p: Located): p is { latitude: number; longitude: number } => p.latitude !== null && p.longitude !== null;

/** Kilometres between two positions, or null when either is unknown. */
export function kmBetween(a: Located, b: Located): number | null {
  if (!hasPosition(a) || !hasPosition(b)) return null;
  return distanceKm(a, b);
}

/** The office and the row are more than SAME_PLACE_KM apart: not the same office. */
export const tooFar = (office: ExistingOffice, row: ImportRow): boolean => (kmBetween(office.rep, row) ?? 0) > SAME_PLACE_KM;

const at = (p: Located) => (hasPosition(p) ? `(${p.latitude}, ${p.longitude})` : "(no position)");

/** "957 km from fr-us-cg-nocity-2 at (41.8826, -87.6309)": the office's position, for the report. */
export const kmFrom = (office: ExistingOffice, row: ImportRow): string => `${Math.round(kmBetween(office.rep, row) ?? 0)} km from ${office.rep.id} at ${at(office.rep)}`;

/** Both positions, for the report. */
export const farFrom = (office: ExistingOffice, row: ImportRow): string => `the export puts it at ${at(row)}, ${kmFrom(office, row)}`;

export const samePosition = (office: ExistingOffice, row: ImportRow): boolean =>
  hasPosition(office.rep) && hasPosition(row) && Math.abs(office.rep.latitude - row.latitude) < 1e-6 && Math.abs(office.rep.longitude - row.longitude) < 1e-6;

/** The directory's offices by key (sender|host|kind|city). */
export function officesByKey(existing: ExistingOffice[]): Map<string, ExistingOffice[]> {
  const byKey = new Map<string, ExistingOffice[]>();
  for (const office of existing) byKey.set(keyOf(office.rep), [...(byKey.get(keyOf(office.rep)) ?? []), office]);
  return byKey;
}

/**
 * Coordinates outside the row's host country (Israel's embassy in Guatemala at Abuja) are
 * not taken: the row loses them, with a warning, so that no change proposes them and a new
 * office is placed at its city (quality/position-check.ts, as the seed does).
 */
export function dropPositionsOutsideHost(rows: ImportRow[], warnings: RowProblem[]): void {
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) continue;
    const verdict = checkPosition(row);
    if (!verdict.warning) continue;
    warnings.push({ line: row.line, id: row.id ?? row.externalUrl ?? "", reason: `${verdict.warning.split(";")[0]}: not taken` });
    Object.assign(row, { latitude: null, longitude: null });
  }
}
