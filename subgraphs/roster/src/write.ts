import type { EntityManager } from "typeorm";
import { actorOf } from "../../kit/src/access";
import type { Identity } from "../../../platform/src/identity";
import { versionedWrite, type Changes } from "../../kit/src/versioned-write";
import { FocalPoint } from "./entities/focal-point.entity";
import { RosterAudit } from "./entities/roster-audit.entity";
import { recordFocalPointChanges } from "./feed/record";

const AUDITED: readonly (keyof FocalPoint)[] = ["personName", "position", "institution", "emails", "phones", "languages", "termStart", "termEnd", "status", "sharedWith", "representationId"];

export function rosterEvent(m: EntityManager, identity: Identity, entityId: string, action: string, changes: Changes): RosterAudit {
  return m.create(RosterAudit, { entityId, action, actorRole: identity.role, actor: actorOf(identity), at: new Date().toISOString(), changes });
}

/**
 * A focal point changes at the version the caller read (versionedWrite), with an event in
 * its history (the roster's audit trail) listing old → new per field, and its place at the
 * head of the change feeds.
 */
export async function writeFocalPoint(m: EntityManager, identity: Identity, id: string, expectedVersion: number, action: string, change: (fp: FocalPoint) => Changes | void): Promise<FocalPoint> {
  const { row: fp, changes } = await versionedWrite(m, FocalPoint, "FocalPoint", id, expectedVersion, AUDITED, change);
  if (!Object.keys(changes).length) return fp;
  await m.save(RosterAudit, rosterEvent(m, identity, id, action, changes));
  await recordFocalPointChanges(m, [fp]);
  return fp;
}
