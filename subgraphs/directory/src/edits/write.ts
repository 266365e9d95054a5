import type { DataSource, EntityManager } from "typeorm";
import { actorOf } from "../../../kit/src/access";
import type { Identity } from "../../../../platform/src/identity";
import { faultPoint } from "../../../../platform/src/fault-points";
import { versionedWrite, type Changes } from "../../../kit/src/versioned-write";
import { AuditEntry, Country, Representation } from "../entities";
import { representationSearchFields } from "../search/search-document";
import { reconcileFieldSources } from "../sources/field-source-writes";

/** Fields whose old → new values the audit trail records: every field a write can change, provenance included. */
const AUDITED: readonly (keyof Representation)[] = [
  "kind",
  "city",
  "address",
  "latitude",
  "longitude",
  "coordinatePrecision",
  "phones",
  "emails",
  "website",
  "openingHours",
  "languages",
  "status",
  "statusSince",
  "sourceUrls",
  "sourceDate",
  "lastVerifiedOn",
  "lastVerifiedBy",
];

/** A new office's audit changes: every field it was created with, from nothing. */
export function createdChanges(rep: Representation): Changes {
  const changes: Changes = { sendingCountryCode: [null, rep.sendingCountryCode], hostCountryCode: [null, rep.hostCountryCode] };
  for (const field of AUDITED) {
    const value = rep[field];
    if (value !== null && value !== undefined && !(Array.isArray(value) && !value.length)) changes[field] = [null, value];
  }
  return changes;
}

export function auditEntry(m: EntityManager, identity: Identity, entityId: string, action: string, changes: Changes): AuditEntry {
  return m.create(AuditEntry, { entity: "Representation", entityId, action, actorRole: identity.role, actor: actorOf(identity), at: new Date().toISOString(), changes });
}

/**
 * The one way an office changes: at the version the caller read (versionedWrite), with its
 * search text recomputed and an entry in the audit trail, inside the caller's transaction
 * `m`. `change` edits the loaded entity (and may write related rows with `m`, returning
 * their changes for the audit trail).
 */
export async function writeRepresentation(
  m: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
  action: string,
  change: (rep: Representation, m: EntityManager) => Promise<Changes | void> | Changes | void,
): Promise<Representation> {
  const { row: rep, changes } = await versionedWrite(
    m,
    Representation,
    "Representation",
    id,
    expectedVersion,
    AUDITED,
    (r) => change(r, m),
    async (r) => {
      const countries = new Map((await m.findBy(Country, [{ code: r.sendingCountryCode }, { code: r.hostCountryCode }])).map((c) => [c.code, c]));
      const sender = countries.get(r.sendingCountryCode);
      const host = countries.get(r.hostCountryCode);
      if (sender && host) Object.assign(r, representationSearchFields(r, sender, host));
    },
  );
  if (Object.keys(changes).length) await m.save(AuditEntry, auditEntry(m, identity, id, action, changes)); // nothing changed: no new version, no audit entry
  // Every value with its source: a value written without one is sourced by this write.
  await reconcileFieldSources(m, rep, Object.keys(changes), { role: identity.role, country: identity.country ?? null, action });
  await faultPoint("directory.write");
  return rep;
}

/** writeRepresentation in a transaction of its own: one edit through the API. */
export function editRepresentation(
  dataSource: DataSource,
  identity: Identity,
  id: string,
  expectedVersion: number,
  action: string,
  change: Parameters<typeof writeRepresentation>[5],
): Promise<Representation> {
  return dataSource.transaction((m) => writeRepresentation(m, identity, id, expectedVersion, action, change));
}
