import Database from "better-sqlite3";
import { rotateAfterRestoreSql } from "../../subgraphs/kit/src/sync/sync-state";
import type { DatabaseState, Owner } from "./manifest";

/** The databases with a change feed (a sync_state row). */
export const FEEDS: Owner[] = ["roster", "exchange"];
const MAIN_TABLE: Record<Owner, string> = { directory: "representation", roster: "focal_point", exchange: "partner_contact", gateway: "api_key" };
/** Pages per step of the online backup: small enough to print progress, large enough to finish between writes. */
const PAGES_PER_STEP = 1000;

/**
 * Copies a live SQLite database with SQLite's online backup API: the copy is one
 * consistent state of the source even while the stack writes to it (a write by another
 * process restarts the copy). The copy is then made one self-contained file (no WAL).
 */
export async function backupSqlite(source: string, destination: string, onProgress: (copied: number, total: number) => void): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const done = await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    onProgress(done.totalPages - done.remainingPages, done.totalPages); // the last step reports nothing itself
  } finally {
    db.close();
  }
  const copy = new Database(destination);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** Checks a copy (integrity_check) and reads where it stands. */
export function inspectSqlite(path: string, owner: Owner): DatabaseState {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${path}: integrity_check says ${String(integrity)}`);
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T | undefined;
    const state: DatabaseState = {
      migration: one<string>(`SELECT name FROM ${owner}_migrations ORDER BY id DESC LIMIT 1`) ?? null,
      rows: Number(one<number>(`SELECT count(*) FROM ${MAIN_TABLE[owner]}`)),
    };
    if (owner === "directory") state.revision = Number(one<number>("SELECT n FROM directory_revision WHERE id = 1"));
    if (FEEDS.includes(owner)) state.feedSeq = Number(one<number>("SELECT seq FROM sync_state WHERE id = 1"));
    return state;
  } finally {
    db.close();
  }
}

/**
 * Whether another connection has the file open (a running stack, even idle): leaving WAL
 * mode needs the database to itself, so SQLite refuses it while anyone else holds it.
 * When free, this also checkpoints the WAL into the file and removes it.
 */
export function inUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("journal_mode = DELETE");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    db.close();
  }
}

/** Feed tokens issued after the backup must never be accepted by the restored copy, even once its sequence passes theirs. */
export function rotateFeedSecret(path: string): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.transaction(() => rotateAfterRestoreSql("sqlite").forEach((sql) => db.exec(sql)))();
  } finally {
    db.close();
  }
}
