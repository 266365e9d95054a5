import type { EntityManager } from "typeorm";
import { Representation } from "../../../subgraphs/directory/src/entities";
import { writeRepresentation } from "../../../subgraphs/directory/src/edits/write";
import { checkPosition } from "../../../subgraphs/directory/src/quality/position-check";
import { Role } from "../../../platform/src/identity";
import type { RowProblem } from "./representation-rows";

/** The seed acts for the secretariat; its "key" in the audit trail names the command. */
const SEEDER = { role: Role.SECRETARIAT, keyId: "seed:positions" };

/**
 * Offices seeded before positions were checked (a database from before 2026-12-02) get
 * what a fresh seed gives them: coordinates outside the host moved to the city, offices
 * without a position placed at their city. Only offices never written since their insert
 * (version 1): an edit, a correction or an import is a human's or a source's word, and
 * stays. Each repair is a versioned write with its audit entry.
 */
export async function repairSeededPositions(m: EntityManager, ids: string[]): Promise<RowProblem[]> {
  if (!ids.length) return [];
  const unedited = (await m.find(Representation, { where: { version: 1 } })).filter((rep) => ids.includes(rep.id));
  const repaired: RowProblem[] = [];
  for (const rep of unedited) {
    // Cheap first: only an office without a position and with a city, or with coordinates, can change.
    if (rep.latitude === null && !rep.city) continue;
    const verdict = checkPosition(rep);
    const moved = rep.latitude !== null && verdict.warning !== null;
    const placed = rep.latitude === null && verdict.latitude !== null;
    if (!moved && !placed) continue;
    await writeRepresentation(m, SEEDER, rep.id, rep.version, "UPDATED", (r) => {
      Object.assign(r, { latitude: verdict.latitude, longitude: verdict.longitude, coordinatePrecision: verdict.precision });
      if (verdict.source) r.sourceUrls = [...r.sourceUrls, verdict.source];
    });
    repaired.push({ line: 0, id: rep.id, reason: moved ? (verdict.warning as string) : `placed at ${verdict.city?.name} (GeoNames ${verdict.city?.geonameId}), precision CITY` });
  }
  return repaired;
}
