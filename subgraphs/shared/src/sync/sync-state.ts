import { randomBytes } from "node:crypto";
import { Table, type EntityManager, type QueryRunner } from "typeorm";
import { column } from "../migration-columns";

/**
 * One row per database: the feed's sequence (the last commit-order number handed out)
 * and the secret that signs its sync tokens. The secret lives with the data, so tokens
 * survive restarts and work across replicas, and a token from another database (or a
 * restored copy that has not reached the token's position) is refused.
 */
const SYNC_STATE_TABLE = "sync_state";

/** For a subgraph's migration: creates the table with a fresh random secret. */
export async function createSyncState(q: QueryRunner, seq = 0): Promise<void> {
  await q.createTable(new Table({ name: SYNC_STATE_TABLE, columns: [column.primary(column.integer("id")), column.integer("seq"), column.varchar("secret", 64)] }));
  await q.manager.createQueryBuilder().insert().into(SYNC_STATE_TABLE).values({ id: 1, seq, secret: randomBytes(32).toString("hex") }).execute();
}

/**
 * Hands out `count` sequence numbers, in commit order: the UPDATE locks the row until the
 * transaction ends (PostgreSQL), and SQLite runs one writer at a time anyway, so a
 * transaction that got number n commits before any transaction gets n + 1. A reader that
 * has seen n can therefore never later find an unseen change below n. Call inside the
 * write's transaction; returns the first number.
 */
export async function nextSeqs(m: EntityManager, count: number): Promise<number> {
  await m.createQueryBuilder().update(SYNC_STATE_TABLE).set({ seq: () => `seq + ${Math.trunc(count)}` }).where("id = 1").execute();
  return (await currentSeq(m)) - count + 1;
}

/** Takes the feed's lock without consuming a number (writers that decide later how many they need). */
export async function lockFeed(m: EntityManager): Promise<void> {
  await m.createQueryBuilder().update(SYNC_STATE_TABLE).set({ seq: () => "seq" }).where("id = 1").execute();
}

export async function currentSeq(m: EntityManager): Promise<number> {
  const row = await m.createQueryBuilder().select("s.seq", "seq").from(SYNC_STATE_TABLE, "s").where("s.id = 1").getRawOne<{ seq: number | string }>();
  return Number(row?.seq ?? 0);
}

const secrets = new WeakMap<object, string>();

/** The database's token secret (read once per data source: it never changes). */
export async function feedSecret(m: EntityManager): Promise<string> {
  const cached = secrets.get(m.connection);
  if (cached) return cached;
  const row = await m.createQueryBuilder().select("s.secret", "secret").from(SYNC_STATE_TABLE, "s").where("s.id = 1").getRawOne<{ secret: string }>();
  if (!row) throw new Error("sync_state is empty: run the migrations");
  secrets.set(m.connection, row.secret);
  return row.secret;
}
