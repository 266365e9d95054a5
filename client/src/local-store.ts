import { join } from "node:path";
import Database from "better-sqlite3";
import { makeFolder } from "../../platform/src/files/folder";

/** A push sent and not yet answered: its batch id is reused only to resume that push. */
export interface PendingPush {
  batchId: string;
  /** SHA-256 of the mode and the contacts sent. */
  contentHash: string;
  startedAt: string;
}

/**
 * The sync client's memory, one SQLite file in the output folder: per feed, the token of
 * the last page applied and the records as of that page. A page and its token are written
 * in one transaction, so an interrupted run resumes exactly where it stopped. And the push
 * in flight, if any: a run that never saw its answer resumes it under the same batch id.
 */
export class LocalStore {
  private readonly db: Database.Database;
  /** Prepared once: a pull of 100,000 changes applies a hundred pages. */
  private readonly writePage: (feed: string, token: string, upserts: { id: string; data: unknown }[], removals: string[]) => void;

  constructor(dir: string) {
    makeFolder(dir, "--out");
    this.db = new Database(join(dir, "enlace-sync.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS feed (name TEXT PRIMARY KEY, token TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS record (feed TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (feed, id));
      CREATE TABLE IF NOT EXISTS pending_push (one INTEGER PRIMARY KEY CHECK (one = 1), batch_id TEXT NOT NULL, content_hash TEXT NOT NULL, started_at TEXT NOT NULL);
    `);
    const upsert = this.db.prepare("INSERT INTO record (feed, id, data) VALUES (?, ?, ?) ON CONFLICT (feed, id) DO UPDATE SET data = excluded.data");
    const remove = this.db.prepare("DELETE FROM record WHERE feed = ? AND id = ?");
    const move = this.db.prepare("INSERT INTO feed (name, token, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET token = excluded.token, updated_at = excluded.updated_at");
    this.writePage = this.db.transaction((feed: string, token: string, upserts: { id: string; data: unknown }[], removals: string[]) => {
      for (const r of upserts) upsert.run(feed, r.id, JSON.stringify(r.data));
      for (const id of removals) remove.run(feed, id);
      move.run(feed, token, new Date().toISOString());
    });
  }

  token(feed: string): string {
    return (this.db.prepare("SELECT token FROM feed WHERE name = ?").get(feed) as { token: string } | undefined)?.token ?? "";
  }

  /** Applies one page and moves the token, all or nothing. */
  applyPage(feed: string, token: string, upserts: { id: string; data: unknown }[], removals: string[]): void {
    this.writePage(feed, token, upserts, removals);
  }

  /** Forgets a feed (its token was refused: resync from scratch). */
  reset(feed: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM record WHERE feed = ?").run(feed);
      this.db.prepare("DELETE FROM feed WHERE name = ?").run(feed);
    })();
  }

  records<T>(feed: string): T[] {
    return (this.db.prepare("SELECT data FROM record WHERE feed = ? ORDER BY id").all(feed) as { data: string }[]).map((r) => JSON.parse(r.data) as T);
  }

  count(feed: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM record WHERE feed = ?").get(feed) as { n: number }).n;
  }

  /** The push sent by an earlier run that never saw its answer, if any. */
  pendingPush(): PendingPush | null {
    const row = this.db.prepare("SELECT batch_id AS batchId, content_hash AS contentHash, started_at AS startedAt FROM pending_push").get() as PendingPush | undefined;
    return row ?? null;
  }

  /** Records a push about to be sent (replacing an older one: a newer file supersedes it). */
  startPush(batchId: string, contentHash: string): void {
    this.db
      .prepare(
        "INSERT INTO pending_push (one, batch_id, content_hash, started_at) VALUES (1, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET batch_id = excluded.batch_id, content_hash = excluded.content_hash, started_at = excluded.started_at",
      )
      .run(batchId, contentHash, new Date().toISOString());
  }

  /** The server answered the push (a report or a refusal): its id is never sent again. */
  endPush(): void {
    this.db.prepare("DELETE FROM pending_push").run();
  }

  close(): void {
    this.db.close();
  }
}
