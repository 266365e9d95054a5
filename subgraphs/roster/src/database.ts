import { createDataSource, type DatabaseConfig } from "../../shared/src/database";
import { FocalPoint } from "./entities/focal-point.entity";
import { RosterAudit } from "./entities/roster-audit.entity";
import { Roster1733000000000 } from "./migrations/1733000000000-roster";
import { RosterAudit1733100000000 } from "./migrations/1733100000000-roster-audit";

export function createRosterDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "roster", entities: [FocalPoint, RosterAudit], migrations: [Roster1733000000000, RosterAudit1733100000000] });
}
