import { createDataSource, type DatabaseConfig } from "../../shared/src/database";
import { FocalPoint } from "./entities/focal-point.entity";
import { Roster1733000000000 } from "./migrations/1733000000000-roster";

export function createRosterDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "roster", entities: [FocalPoint], migrations: [Roster1733000000000] });
}
