import { existsSync } from "node:fs";
import { resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Client } from "pg";
import type { DatabaseConfig } from "./database";

/** Where a database is, as a person can check it, without a password: "SQLite file /srv/enlace/data/gateway.sqlite". */
export function describeDatabase(config: DatabaseConfig): string {
  if ("sqlitePath" in config) return config.sqlitePath === ":memory:" ? "SQLite in memory" : `SQLite file ${resolve(config.sqlitePath)}`;
  try {
    const url = new URL(config.url);
    url.password = "";
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return "PostgreSQL (a connection string that is not a URL)";
  }
}

/**
 * Whether `owner`'s database has been created (its migrations table exists), without
 * creating anything: a command that only uses a database must never leave an empty one
 * behind where it was pointed by mistake (a wrong DATA_DIR).
 */
export async function databaseExists(config: DatabaseConfig, owner: string): Promise<boolean> {
  const table = `${owner}_migrations`;
  if ("sqlitePath" in config) {
    if (config.sqlitePath === ":memory:" || !existsSync(config.sqlitePath)) return false;
    const db = new BetterSqlite3(config.sqlitePath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: config.url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass($1) IS NOT NULL AS found", [table]);
    return rows[0].found === true;
  } finally {
    await client.end();
  }
}
