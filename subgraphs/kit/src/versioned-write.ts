import type { EntityManager, EntityTarget, FindOptionsWhere } from "typeorm";
import { NotFoundError, VersionConflictError } from "../../../platform/src/errors";

/** An audit entry's "what": field → [old, new]. */
export type Changes = Record<string, [unknown, unknown]>;

/**
 * The one way a versioned record changes, for every subgraph: at the version the caller
 * read (VERSION_CONFLICT otherwise), inside the caller's transaction `m`. `change` edits
 * the loaded row (and may write related rows, returning their changes); the audited
 * fields are diffed; `beforeUpdate` may derive fields from the result. The UPDATE is
 * conditional on the version, so of two concurrent writers of one version exactly one
 * wins. Returns the changes (none: nothing was written, the version stays); the caller
 * records them in its audit trail.
 */
export async function versionedWrite<T extends { id: string; version: number }>(
  m: EntityManager,
  target: EntityTarget<T>,
  what: string,
  id: string,
  expectedVersion: number,
  audited: readonly (keyof T)[],
  change: (row: T) => Promise<Changes | void> | Changes | void,
  beforeUpdate?: (row: T) => Promise<void>,
): Promise<{ row: T; changes: Changes }> {
  const byId = { id } as FindOptionsWhere<T>;
  const row = await m.findOneBy(target, byId);
  if (!row) throw new NotFoundError(what, id);
  if (row.version !== expectedVersion) throw new VersionConflictError(what, id, expectedVersion, row.version);
  const before = structuredClone(row);
  const changes: Changes = { ...((await change(row)) ?? {}) };
  for (const field of audited) {
    if (JSON.stringify(before[field]) !== JSON.stringify(row[field])) changes[field as string] = [before[field], row[field]];
  }
  if (!Object.keys(changes).length) return { row, changes };
  await beforeUpdate?.(row);
  const { id: _id, version: _version, ...fields } = row;
  const result = await m.update(target, { id, version: expectedVersion } as FindOptionsWhere<T>, { ...fields, version: expectedVersion + 1 } as never);
  if (!result.affected) {
    const current = await m.findOneBy(target, byId);
    throw new VersionConflictError(what, id, expectedVersion, current?.version ?? expectedVersion + 1);
  }
  row.version = expectedVersion + 1;
  return { row, changes };
}
