import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFolder } from "../../platform/src/files/folder";
import { databaseConfigFromEnv } from "../../platform/src/database";
import { MANIFEST, MANIFEST_FORMAT, OWNERS, sha256, type BackupEntry, type Manifest } from "./manifest";
import { pgDumpCommand } from "./postgres-commands";
import { backupSqlite, inspectSqlite } from "./sqlite-copy";

const USAGE = `usage: npm run backup -- DIR
  Copies every SQLite database of the stack (DATA_DIR, or the *_DATABASE_URL settings) into
  DIR, a new or empty folder, with a manifest. Safe while the stack serves requests. For
  databases on PostgreSQL it prints the pg_dump commands to run instead.`;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** `npm run backup -- DIR`: consistent copies of the live databases, and what state they hold. */
async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith("-")) {
    console.error(USAGE);
    return argv[0] === "--help" || argv[0] === "-h" ? 0 : 2;
  }
  const dir = argv[0];
  if (existsSync(dir) && readdirSync(dir).length) {
    console.error(`error: ${dir} is not empty; a backup goes into a new or empty folder (nothing is overwritten)`);
    return 2;
  }
  const created = !existsSync(dir);
  makeFolder(dir, "backup folder"); // pg_dump writes there too
  try {
    return await copyAll(dir);
  } catch (error) {
    // A backup is whole or absent: a failed one leaves no partial copy behind (and running it again works).
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
    if (created) rmSync(dir, { force: true, recursive: true });
    console.error(`backup failed; the partial copy in ${dir} was removed`);
    throw error;
  }
}

async function copyAll(dir: string): Promise<number> {
  const createdAt = new Date().toISOString();
  const entries: BackupEntry[] = [];
  const postgres: string[] = [];
  for (const owner of OWNERS) {
    const config = databaseConfigFromEnv(owner);
    if ("url" in config) {
      postgres.push(pgDumpCommand(config.url, dir, owner));
      continue;
    }
    if (!existsSync(config.sqlitePath)) throw new Error(`${owner}: no database at ${config.sqlitePath} (has the stack been started with this DATA_DIR?)`);
    const file = `${owner}.sqlite`;
    let shown = -1;
    await backupSqlite(config.sqlitePath, join(dir, file), (copied, total) => {
      const percent = total ? Math.floor((copied / total) * 100) : 100;
      if (percent === shown || (percent < shown + 25 && percent < 100)) return;
      shown = percent;
      console.log(`${owner}: ${percent}% (${copied} of ${total} pages)`);
    });
    const state = inspectSqlite(join(dir, file), owner);
    const bytes = statSync(join(dir, file)).size;
    entries.push({ owner, file, bytes, sha256: await sha256(join(dir, file)), integrity: "ok", state });
    console.log(`${owner}: copied ${config.sqlitePath} → ${join(dir, file)}, ${mb(bytes)}, integrity ok, ${JSON.stringify(state)}`);
  }
  if (entries.length) {
    const manifest: Manifest = { format: MANIFEST_FORMAT, createdAt, databases: entries };
    writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`backup of ${entries.map((e) => e.owner).join(", ")} written to ${dir} (${MANIFEST}); restore with: npm run restore -- ${dir}`);
  }
  if (postgres.length) {
    console.log(`\nOn PostgreSQL: not copied by this command. pg_dump takes a consistent snapshot of each database while the stack serves; run:`);
    for (const command of postgres) console.log(`  ${command}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  },
);
