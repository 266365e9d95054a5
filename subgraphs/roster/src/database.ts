import { createDataSource, type DatabaseConfig } from "../../../platform/src/database";
import { FocalPoint } from "./entities/focal-point.entity";
import { RosterAudit } from "./entities/roster-audit.entity";
import { Roster1733000000000 } from "./migrations/1733000000000-roster";
import { RosterAudit1733100000000 } from "./migrations/1733100000000-roster-audit";
import { RosterFeed1733200000000 } from "./migrations/1733200000000-roster-feed";
import { FeedEntry } from "./feed/feed-entry.entity";

export function createRosterDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "roster", entities: [FocalPoint, RosterAudit, FeedEntry], migrations: [Roster1733000000000, RosterAudit1733100000000, RosterFeed1733200000000] });
}
