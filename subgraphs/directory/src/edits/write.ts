import type { DataSource, EntityManager } from "typeorm";
import { actorOf } from "../../../shared/src/access";
import { NotFoundError, VersionConflictError } from "../../../shared/src/errors";
import type { Identity } from "../../../shared/src/identity";
import { AuditEntry, Country, Representation } from "../entities";
import { representationSearchText } from "../search-text";

/** Fields whose old → new values the audit trail records. */
const AUDITED: (keyof Representation)[] = [
  "kind", "city", "address", "latitude", "longitude", "coordinatePrecision", "phones", "emails", "website", "openingHours",
  "languages", "status", "statusSince", "sourceUrls", "lastVerifiedOn", "lastVerifiedBy",
];

export function auditEntry(m: EntityManager, identity: Identity, entityId: string, action: string, changes: Record<string, [unknown, unknown]>): AuditEntry {
  return m.create(AuditEntry, { entity: "Representation", entityId, action, actorRole: identity.role, actor: actorOf(identity), at: new Date().toISOString(), changes });
}

/**
 * The one way an office changes: at the version the caller read, recorded in the audit
 * trail, inside the caller's transaction `m`. `change` edits the loaded entity (and may
 * write related rows with `m`); what it changed is diffed and audited. Exactly one of two
 * concurrent writers of the same version wins: the UPDATE is conditional on the version.
 */
export async function writeRepresentation(
  m: EntityManager,
  identity: Identity,
  id: string,
  expectedVersion: number,
  action: string,
  change: (rep: Representation, m: EntityManager) => Promise<Record<string, [unknown, unknown]> | void> | Record<string, [unknown, unknown]> | void,
): Promise<Representation> {
  const rep = await m.findOneBy(Representation, { id });
  if (!rep) throw new NotFoundError("Representation", id);
  if (rep.version !== expectedVersion) throw new VersionConflictError("Representation", id, expectedVersion, rep.version);
  const before = structuredClone(rep);
  const related = (await change(rep, m)) ?? {};
  const changes: Record<string, [unknown, unknown]> = { ...related };
  for (const field of AUDITED) {
    if (JSON.stringify(before[field]) !== JSON.stringify(rep[field])) changes[field] = [before[field], rep[field]];
  }
  if (!Object.keys(changes).length) return rep; // nothing changed: no new version, no audit entry
  const countries = new Map((await m.findBy(Country, [{ code: rep.sendingCountryCode }, { code: rep.hostCountryCode }])).map((c) => [c.code, c]));
  const sender = countries.get(rep.sendingCountryCode);
  const host = countries.get(rep.hostCountryCode);
  if (sender && host) rep.searchText = representationSearchText(rep, sender, host);
  const { id: _id, version: _version, ...fields } = rep;
  const result = await m.update(Representation, { id, version: expectedVersion }, { ...fields, version: expectedVersion + 1 });
  if (!result.affected) {
    const current = await m.findOneBy(Representation, { id });
    throw new VersionConflictError("Representation", id, expectedVersion, current?.version ?? expectedVersion + 1);
  }
  await m.save(AuditEntry, auditEntry(m, identity, id, action, changes));
  return Object.assign(rep, { version: expectedVersion + 1 });
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
