import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { makeFolder } from "../../platform/src/files/folder";
import { databaseConfigFromEnv } from "../../platform/src/database";
import { MANIFEST, OWNERS, readManifest, sha256 } from "./manifest";
import { pgRestoreCommand, pgRotateCommand } from "./postgres-commands";
import { FEEDS, inspectSqlite, inUse, rotateFeedSecret } from "./sqlite-copy";
import { applySqliteRevocations, pgRevocationsCommand, postgresRevocations, sqliteRevocations } from "./revocations";

const USAGE = `usage: npm run restore -- DIR [--force]
  Puts the SQLite copies of a backup (npm run backup) back where the stack keeps its
  databases (DATA_DIR, or the *_DATABASE_URL settings). Stop the stack first: it refuses
  while any process has a database open. It replaces existing databases only with --force.
  API keys revoked in the database it replaces stay revoked in the restored one.
  For databases on PostgreSQL it prints the pg_restore commands instead.`;

class Refused extends Error {}

/** `npm run restore -- DIR`: checks the whole backup, then replaces the databases it holds. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } } });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const dir = positionals[0];
  // Keys revoked now stay revoked after the restore, whatever the backup says: read them before anything is replaced.
  const postgres: string[] = [];
  for (const owner of OWNERS) {
    const config = databaseConfigFromEnv(owner);
    if (!("url" in config) || !existsSync(join(dir, `${owner}.dump`))) continue;
    postgres.push(pgRestoreCommand(config.url, dir, owner), ...(FEEDS.includes(owner) ? [pgRotateCommand(config.url)] : []));
    if (owner === "gateway") {
      const revoke = pgRevocationsCommand(config.url, await postgresRevocations(config.url));
      if (revoke) postgres.push(revoke);
    }
  }
  if (!existsSync(join(dir, MANIFEST))) {
    if (!postgres.length) throw new Refused(`${dir} holds no ${MANIFEST} and no pg_dump files: not a backup`);
  } else {
    const manifest = readManifest(dir);
    // Check everything before touching anything: a restore is all of the backup or nothing.
    const plan = [];
    for (const entry of manifest.databases) {
      const copy = join(dir, entry.file);
      if ((await sha256(copy)) !== entry.sha256) throw new Refused(`${copy} does not match its checksum in the manifest: the backup is damaged`);
      inspectSqlite(copy, entry.owner);
      const config = databaseConfigFromEnv(entry.owner);
      if ("url" in config) throw new Refused(`${entry.owner}: the backup holds a SQLite copy but the stack is configured for PostgreSQL`);
      const target = config.sqlitePath;
      if (existsSync(target)) {
        if (inUse(target)) throw new Refused(`${target} is open in another process (is the stack running?): stop it, then restore`);
        if (!values.force) throw new Refused(`${target} exists: pass --force to replace it with the copy of ${manifest.createdAt}`);
      }
      plan.push({ entry, copy, target, revocations: entry.owner === "gateway" ? sqliteRevocations(target) : [] });
    }
    for (const { entry, copy, target, revocations } of plan) {
      makeFolder(dirname(target), "restore folder");
      copyFileSync(copy, `${target}.restoring`);
      if (FEEDS.includes(entry.owner)) rotateFeedSecret(`${target}.restoring`);
      const kept = applySqliteRevocations(`${target}.restoring`, revocations);
      if (kept) console.log(`gateway: ${kept} API key(s) revoked after the backup stay revoked`);
      // inUse() checkpointed and removed the WAL; a leftover one would be replayed onto the copy.
      for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
      renameSync(`${target}.restoring`, target);
      console.log(`${entry.owner}: restored ${target} from ${manifest.createdAt}: ${JSON.stringify(entry.state)}`);
    }
    console.log("Feed tokens issued after the backup are refused from now on (SYNC_TOKEN_INVALID: clients resync); older ones still work. Start the stack.");
  }
  if (postgres.length) {
    console.log(`On PostgreSQL: stop the stack, then run (psql after pg_restore: tokens issued after the backup stay refused, and keys revoked now stay revoked):`);
    for (const command of postgres) console.log(`  ${command}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = error instanceof Refused ? 2 : 1;
  },
);
