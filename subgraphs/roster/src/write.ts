import type { EntityManager } from "typeorm";
import { actorOf } from "../../shared/src/access";
import { NotFoundError, VersionConflictError } from "../../shared/src/errors";
import type { Identity } from "../../shared/src/identity";
import { FocalPoint } from "./entities/focal-point.entity";
import { RosterAudit } from "./entities/roster-audit.entity";
import { recordFocalPointChanges } from "./feed/record";

const AUDITED: (keyof FocalPoint)[] = ["personName", "position", "institution", "emails", "phones", "languages", "termStart", "termEnd", "status", "sharedWith", "representationId"];

export function rosterEvent(m: EntityManager, identity: Identity, entityId: string, action: string, changes: Record<string, [unknown, unknown]>): RosterAudit {
  return m.create(RosterAudit, { entityId, action, actorRole: identity.role, actor: actorOf(identity), at: new Date().toISOString(), changes });
}

/**
 * A focal point changes at the version the caller read (VERSION_CONFLICT otherwise; of
 * two concurrent writers exactly one wins), inside the caller's transaction, with an
 * event in its history (the roster's audit trail) listing old → new per field.
 */
export async function writeFocalPoint(
  m: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
  action: string,
  change: (fp: FocalPoint) => Record<string, [unknown, unknown]> | void,
): Promise<FocalPoint> {
  const fp = await m.findOneBy(FocalPoint, { id });
  if (!fp) throw new NotFoundError("FocalPoint", id);
  if (fp.version !== expectedVersion) throw new VersionConflictError("FocalPoint", id, expectedVersion, fp.version);
  const before = structuredClone(fp);
  const changes: Record<string, [unknown, unknown]> = { ...(change(fp) ?? {}) };
  for (const field of AUDITED) if (JSON.stringify(before[field]) !== JSON.stringify(fp[field])) changes[field] = [before[field], fp[field]];
  if (!Object.keys(changes).length) return fp;
  const { id: _id, version: _version, ...fields } = fp;
  const result = await m.update(FocalPoint, { id, version: expectedVersion }, { ...fields, version: expectedVersion + 1 });
  if (!result.affected) throw new VersionConflictError("FocalPoint", id, expectedVersion, expectedVersion + 1);
  await m.save(RosterAudit, rosterEvent(m, identity, id, action, changes));
  Object.assign(fp, { version: expectedVersion + 1 });
  await recordFocalPointChanges(m, [fp]);
  return fp;
}
