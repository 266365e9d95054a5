import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { Client } from "pg";
import { printableUrl } from "./postgres-commands";

/** A key revoked in the live gateway database: it stays revoked whatever a backup says. */
export interface Revocation {
  id: string;
  revokedAt: string;
}

const SELECT = "SELECT id, revoked_at FROM api_key WHERE revoked_at IS NOT NULL ORDER BY id";

/** The revocations of the gateway's SQLite database about to be replaced (none when there is none). */
export function sqliteRevocations(path: string): Revocation[] {
  if (!existsSync(path)) return [];
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(SELECT).all() as { id: string; revoked_at: string }[]).map((r) => ({ id: r.id, revokedAt: r.revoked_at }));
  } finally {
    db.close();
  }
}

/** Applies them to the restored copy: a key revoked when the restore runs is never accepted again. */
export function applySqliteRevocations(path: string, revocations: Revocation[]): number {
  if (!revocations.length) return 0;
  const db = new Database(path, { fileMustExist: true });
  try {
    const update = db.prepare("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    return db.transaction(() => revocations.reduce((n, r) => n + update.run(r.revokedAt, r.id).changes, 0))();
  } finally {
    db.close();
  }
}

/** The revocations of the gateway's PostgreSQL database, read before the operator runs pg_restore. */
export async function postgresRevocations(url: string): Promise<Revocation[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query("SELECT to_regclass('api_key') AS t");
    if (!exists.rows[0]?.t) return [];
    return (await client.query(SELECT)).rows.map((r: { id: string; revoked_at: string }) => ({ id: r.id, revokedAt: r.revoked_at }));
  } finally {
    await client.end();
  }
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** After pg_restore of the gateway database: the same revocations, as psql runs them. */
export function pgRevocationsCommand(url: string, revocations: Revocation[]): string | null {
  if (!revocations.length) return null;
  const values = revocations.map((r) => `(${literal(r.id)}, ${literal(r.revokedAt)})`).join(", ");
  const sql = `UPDATE api_key SET revoked_at = v.at FROM (VALUES ${values}) AS v(id, at) WHERE api_key.id = v.id AND api_key.revoked_at IS NULL`;
  return `psql --single-transaction --dbname=${quote(printableUrl(url))} --command=${quote(sql)}`;
}
