import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource } from "typeorm";
import { FocalPointRole, FocalPointStatus } from "../../../subgraphs/roster/src/entities/enums";
import { FocalPoint } from "../../../subgraphs/roster/src/entities/focal-point.entity";
import { recordFocalPointChanges } from "../../../subgraphs/roster/src/feed/record";
import { SEED_DATA_DIR } from "../paths";

/** Roles each CRM member state names a person for (consular liaisons belong to offices). */
const ROLES = Object.values(FocalPointRole).filter((r) => r !== FocalPointRole.CONSULAR_LIAISON);
const AT_FOREIGN_MINISTRY = new Set<string>([FocalPointRole.GLOBAL_COMPACT, FocalPointRole.CONSULAR_PROTECTION_NETWORK]);
/** Shared with the CSM by the 2017 agreement: trafficking, smuggling, extra-regional flows, the Compact. */
const SHARED_WITH_CSM = new Set<string>([FocalPointRole.TRAFFICKING_SMUGGLING_NETWORK, FocalPointRole.EXTRA_REGIONAL_FLOWS, FocalPointRole.GLOBAL_COMPACT]);

/**
 * A roster of clearly fictitious people ("Persona Ficticia", example.org) for every CRM
 * member state and role, at the real institutions (seed/data/roster-institutions.csv).
 * Personal data is never invented to look real. Idempotent by id.
 */
export async function seedRoster(dataSource: DataSource): Promise<string> {
  const institutions: Record<string, string>[] = parse(readFileSync(join(SEED_DATA_DIR, "roster-institutions.csv"), "utf8"), { columns: true, trim: true });
  const present = new Set((await dataSource.manager.find(FocalPoint, { select: { id: true } })).map((f) => f.id));
  let n = 0;
  const rows = institutions.flatMap((inst) =>
    ROLES.map((role) => {
      n++;
      const cc = inst.country_iso2;
      return dataSource.manager.create(FocalPoint, {
        id: `seed-${cc.toLowerCase()}-${role.toLowerCase().replace(/_/g, "-")}`,
        countryCode: cc,
        role,
        personName: `Persona Ficticia ${n}`,
        position: "Punto focal (ficticio)",
        institution: AT_FOREIGN_MINISTRY.has(role) ? inst.foreign_ministry : inst.migration_authority,
        emails: [`focal.${cc.toLowerCase()}.${role.toLowerCase().replace(/_/g, "-")}@example.org`],
        phones: [],
        languages: [cc === "US" || cc === "CA" || cc === "BZ" ? "en" : "es"],
        termStart: "2025-01-01",
        termEnd: null,
        status: FocalPointStatus.ACTIVE,
        sharedWith: SHARED_WITH_CSM.has(role) ? ["CSM"] : [],
        representationId: null,
        version: 1,
      });
    }),
  );
  const fresh = rows.filter((r) => !present.has(r.id));
  // With their first change in the feeds, in one transaction: a partner's first sync sees them all or none.
  await dataSource.transaction(async (m) => {
    for (let i = 0; i < fresh.length; i += 100) await m.save(FocalPoint, fresh.slice(i, i + 100));
    await recordFocalPointChanges(m, fresh);
  });
  return `roster seed: focal points ${fresh.length} inserted, ${rows.length - fresh.length} already present (fictitious people at example.org)`;
}
