import Database from "better-sqlite3";
import type { DataSource, QueryRunner, ReplicationMode } from "typeorm";
import { BetterSqlite3QueryRunner } from "typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner";

/** A statement that only reads: the ones that may go to the read connection when sent raw. */
const READ_ONLY = /^\s*SELECT\b/i;

/**
 * TypeORM drives better-sqlite3 through one connection, so a read sent while a transaction
 * is open on it would run inside that transaction and see rows that may never commit. Reads
 * outside a transaction therefore get a connection of their own, read-only, on the same
 * file: in WAL mode each statement on it sees the last committed state, whatever the writer
 * is doing, and never waits for it.
 *
 * The split is TypeORM's own (its replication modes): `find`, `count` and every SELECT query
 * builder without a transaction ask for a "slave" query runner; writes and transactions ask
 * for the "master". Raw `dataSource.query("SELECT …")` outside a transaction is sent to the
 * reader too. Inside a transaction, reads go through the transaction, and see its writes.
 */
export function readFromCommittedSnapshots(dataSource: DataSource, path: string): void {
  const driver = dataSource.driver as DataSource["driver"] & { createQueryRunner(mode: ReplicationMode): QueryRunner; disconnect(): Promise<void> };
  let reader: Database.Database | undefined;
  let runner: QueryRunner | undefined;
  const readRunner = (): QueryRunner => {
    if (!runner) {
      const connection = new Database(path, { readonly: true, fileMustExist: true });
      reader = connection;
      runner = Object.assign(new BetterSqlite3QueryRunner(driver as never), { connect: () => Promise.resolve(connection) });
    }
    return runner;
  };
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => (mode === "slave" ? readRunner() : createQueryRunner(mode));
  const query = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, parameters?: unknown[], queryRunner?: QueryRunner) =>
    query(sql, parameters, queryRunner ?? (READ_ONLY.test(sql) ? readRunner() : undefined))) as DataSource["query"];
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    reader?.close();
    reader = runner = undefined;
    await disconnect();
  };
}
