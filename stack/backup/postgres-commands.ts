import { join } from "node:path";
import { rotateAfterRestoreSql } from "../../subgraphs/kit/src/sync/sync-state";

/** The URL to print: its password replaced (give it to pg_dump through PGPASSWORD or ~/.pgpass). */
export function printableUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * What backs up a PostgreSQL database, which this command does not do itself: pg_dump
 * copies one consistent snapshot of a database while it serves (a repeatable-read
 * transaction), in the custom format pg_restore reads.
 */
export function pgDumpCommand(url: string, dir: string, owner: string): string {
  return `pg_dump --format=custom --no-owner --file=${quote(join(dir, `${owner}.dump`))} --dbname=${quote(printableUrl(url))}`;
}

/** Puts a dump back into its database, replacing what is there, in one transaction (stop the stack first). */
export function pgRestoreCommand(url: string, dir: string, owner: string): string {
  return `pg_restore --clean --if-exists --no-owner --single-transaction --dbname=${quote(printableUrl(url))} ${quote(join(dir, `${owner}.dump`))}`;
}

/** After pg_restore of a database with a change feed: the restored feed's tokens are good only up to the backup's state (see sync-state.ts). */
export function pgRotateCommand(url: string): string {
  return `psql --single-transaction --dbname=${quote(printableUrl(url))} ${rotateAfterRestoreSql("postgres")
    .map((sql) => `--command=${quote(sql)}`)
    .join(" ")}`;
}
