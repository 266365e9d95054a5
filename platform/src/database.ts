import { dirname } from "node:path";
import { makeFolder } from "./files/folder";
import { readFromCommittedSnapshots } from "./sqlite-reader";
import { DataSource, type EntitySchema, type Logger, type MixedList, type QueryRunner } from "typeorm";

/**
 * Counts the SQL statements a data source runs. Tests and `npm run bench` read it to
 * show that a request's statement count does not grow with the length of a list.
 */
export class StatementCounter implements Logger {
  count = 0;
  constructor(private readonly echo = process.env.LOG_SQL === "1") {}
  logQuery(query: string): void {
    this.count++;
    if (this.echo) console.log(`[sql] ${query}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.LOG_MIGRATIONS === "1") console.log(`[migration] ${message}`);
  }
  log(): void {}
  reset(): void {
    this.count = 0;
  }
}

export type DatabaseConfig =
  /** PostgreSQL connection string, e.g. postgres://user@host:5432/db */
  | { url: string }
  /** SQLite file (created with its folder), or ":memory:" */
  | { sqlitePath: string };

export interface DataSourceParts {
  /** The database's owner (a subgraph, or the gateway's key store): names its migrations table, so owners could share one database safely. */
  owner: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
}

/**
 * One code path for both databases: SQLite (better-sqlite3) is the embedded default and
 * PostgreSQL the production option. Schema changes always go through migrations, never
 * `synchronize`, so that the two stay identical.
 */
export function createDataSource(config: DatabaseConfig, parts: DataSourceParts): DataSource & { statements: StatementCounter } {
  const statements = new StatementCounter();
  const { owner, ...rest } = parts;
  const common = { ...rest, migrationsTableName: `${owner}_migrations`, synchronize: false, migrationsRun: false, logging: true as const, logger: statements };
  let dataSource: DataSource;
  if ("url" in config) {
    dataSource = new DataSource({ type: "postgres", url: config.url, ...common });
  } else {
    if (config.sqlitePath !== ":memory:") makeFolder(dirname(config.sqlitePath), "database folder");
    dataSource = new DataSource({
      type: "better-sqlite3",
      database: config.sqlitePath,
      // WAL lets readers go on while the seed or an edit writes, each seeing the last commit.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("journal_mode = WAL");
        db.pragma("foreign_keys = ON");
      },
      ...common,
    });
    if (config.sqlitePath !== ":memory:") readFromCommittedSnapshots(dataSource, config.sqlitePath);
    serializeTransactions(dataSource);
  }
  return Object.assign(dataSource, { statements });
}

/**
 * TypeORM drives better-sqlite3 through one connection: two transactions started at the
 * same moment interleave on it and fail ("cannot start a transaction within a
 * transaction"), even on unrelated rows. SQLite runs one writer at a time anyway, so
 * transactions queue here, one after another. (Found by a concurrency test; PostgreSQL
 * has a pool and needs none of this.)
 *
 * A write outside a transaction (`manager.save`, `repository.insert`, a raw INSERT) would
 * run on that connection inside whatever transaction is open there: it would commit or
 * roll back with someone else's write. So it queues too, as a transaction of its own.
 */
const WRITES = ["save", "insert", "update", "upsert", "delete", "remove", "softDelete", "softRemove", "restore", "recover", "increment", "decrement", "clear"] as const;
const NOT_A_WRITE = /^\s*(SELECT|PRAGMA)\b/i;

function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = tail.then(() => transaction(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
  type Write = (...args: unknown[]) => Promise<unknown>;
  const writes = manager as unknown as Record<(typeof WRITES)[number], Write>;
  for (const name of WRITES) writes[name] = (...args) => manager.transaction((m) => (m as unknown as typeof writes)[name](...args));
  const query = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, parameters?: unknown[], queryRunner?: QueryRunner) =>
    queryRunner || NOT_A_WRITE.test(sql) ? query(sql, parameters, queryRunner) : manager.transaction((m) => m.query(sql, parameters))) as DataSource["query"];
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase<T extends DataSource>(dataSource: T): Promise<T> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  return dataSource;
}

/**
 * The database a subgraph uses: `<SUBGRAPH>_DATABASE_URL`, else DATABASE_URL, else a
 * SQLite file under DATA_DIR (default `data/`).
 */
export function databaseConfigFromEnv(owner: string, env = process.env): DatabaseConfig {
  const url = env[`${owner.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (url) return { url };
  return { sqlitePath: `${env.DATA_DIR ?? "data"}/${owner}.sqlite` };
}
