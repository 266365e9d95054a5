import { randomBytes } from "node:crypto";
import { Table, type EntityManager, type QueryRunner } from "typeorm";
import { column } from "../../../../platform/src/migration-columns";
import type { RestoredSecret } from "./token";

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
  await q.manager
    .createQueryBuilder()
    .insert()
    .into(SYNC_STATE_TABLE)
    .values({ id: 1, seq, secret: randomBytes(32).toString("hex") })
    .execute();
}

/**
 * Hands out `count` sequence numbers, in commit order: the UPDATE locks the row until the
 * transaction ends (PostgreSQL), and SQLite runs one writer at a time anyway, so a
 * transaction that got number n commits before any transaction gets n + 1. A reader that
 * has seen n can therefore never later find an unseen change below n. Call inside the
 * write's transaction; returns the first number.
 */
export async function nextSeqs(m: EntityManager, count: number): Promise<number> {
  await m
    .createQueryBuilder()
    .update(SYNC_STATE_TABLE)
    .set({ seq: () => `seq + ${Math.trunc(count)}` })
    .where("id = 1")
    .execute();
  return (await currentSeq(m)) - count + 1;
}

/** Takes the feed's lock without consuming a number (writers that decide later how many they need). */
export async function lockFeed(m: EntityManager): Promise<void> {
  await m
    .createQueryBuilder()
    .update(SYNC_STATE_TABLE)
    .set({ seq: () => "seq" })
    .where("id = 1")
    .execute();
}

export async function currentSeq(m: EntityManager): Promise<number> {
  const row = await m.createQueryBuilder().select("s.seq", "seq").from(SYNC_STATE_TABLE, "s").where("s.id = 1").getRawOne<{ seq: number | string }>();
  return Number(row?.seq ?? 0);
}

/**
 * Restoring a backup (stack/backup) gives the restored row 1 a new secret and keeps the
 * old one in a row of its own (id > 1) with the sequence the backup held: tokens signed
 * with it are good up to that number and refused past it for good, even once new writes
 * carry the sequence beyond it (their holders have changes the restore undid).
 */
export interface FeedSecrets {
  secret: string;
  restored: RestoredSecret[];
}

const secrets = new WeakMap<object, FeedSecrets>();

/** The database's token secrets (read once per data source: they change only by a restore, with the stack stopped). */
export async function feedSecrets(m: EntityManager): Promise<FeedSecrets> {
  const cached = secrets.get(m.connection);
  if (cached) return cached;
  const rows = await m
    .createQueryBuilder()
    .select(["s.id AS id", "s.seq AS seq", "s.secret AS secret"])
    .from(SYNC_STATE_TABLE, "s")
    .orderBy("s.id")
    .getRawMany<{ id: number | string; seq: number | string; secret: string }>();
  const current = rows.find((r) => Number(r.id) === 1);
  if (!current) throw new Error("sync_state is empty: run the migrations");
  const found = { secret: current.secret, restored: rows.filter((r) => Number(r.id) > 1).map((r) => ({ secret: r.secret, seq: Number(r.seq) })) };
  secrets.set(m.connection, found);
  return found;
}

/** The secret that signs new tokens. */
export async function feedSecret(m: EntityManager): Promise<string> {
  return (await feedSecrets(m)).secret;
}

/**
 * What a restore runs on a copy it puts back: a new random secret (made by the database,
 * so it is never printed), the old one kept with the copy's last sequence number.
 */
export function rotateAfterRestoreSql(dialect: "sqlite" | "postgres"): string[] {
  const random = dialect === "sqlite" ? "lower(hex(randomblob(32)))" : "replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')";
  return [
    `INSERT INTO ${SYNC_STATE_TABLE} (id, seq, secret) SELECT (SELECT max(id) + 1 FROM ${SYNC_STATE_TABLE}), seq, secret FROM ${SYNC_STATE_TABLE} WHERE id = 1`,
    `UPDATE ${SYNC_STATE_TABLE} SET secret = ${random} WHERE id = 1`,
  ];
}
