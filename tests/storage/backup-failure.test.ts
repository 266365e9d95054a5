import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { openDatabase } from "../../platform/src/database";

/** Issue 19: a backup that fails half way leaves nothing behind, so running it again works. */
describe("npm run backup that fails half way", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-backup-fail-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("removes the copies it made and exits 1 (try again); the folder is absent, not half full", async () => {
    // The directory's database exists (it is copied first); the roster's does not (the copy fails there).
    const ds = await openDatabase(createDirectoryDataSource({ sqlitePath: join(dataDir, "directory.sqlite") }));
    await ds.destroy();
    const target = join(dataDir, "backup");
    const run = spawnSync(process.execPath, [join(__dirname, "../../dist/stack/backup/backup-cli.js"), target], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DIRECTORY_DATABASE_URL: "", ROSTER_DATABASE_URL: "", EXCHANGE_DATABASE_URL: "", GATEWAY_DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("directory: copied");
    expect(run.stderr).toContain(`backup failed; the partial copy in ${target} was removed`);
    expect(existsSync(target)).toBe(false);
  });
});
