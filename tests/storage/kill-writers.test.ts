import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { AuditEntry, Representation } from "../../subgraphs/directory/src/entities";
import { openDatabase } from "../../platform/src/database";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";
import { databaseEnv, lineOf, spawnStack, type SpawnedStack } from "../helpers/spawn-stack";

const OFFICE = "br-bz-emb-belmopan"; // not in the export below
const EXPORT = join(__dirname, "../import/fixtures/database_of_embassies-2024-05-01.csv");
const IMPORTED = "bd-hn-hcons-tegucigalpa"; // the office that export adds
const paused = (point: string) => (line: string) => line.includes('"event":"test.paused-in-transaction"') && line.includes(`"point":"${point}"`);

/**
 * Issue 13, "a kill in the middle of a transaction, for every writer": each writer is
 * stopped inside its open transaction (ENLACE_TEST_PAUSE_AT, which prints a line there and
 * waits), killed with SIGKILL, and then nothing of it may be in the database; after a
 * restart the same command completes. (The partner batch: tests/sync/kill.test.ts.)
 */
describe.each(DATABASES)("a writer killed inside its transaction (%s)", (kind) => {
  let databases: TestDatabases;
  let key: string;
  beforeAll(async () => {
    databases = await createTestDatabases(kind, ["directory", "roster", "exchange", "gateway"]);
    const keys = await KeyStore.open(databases.config("gateway"));
    key = (await keys.create({ role: "SECRETARIAT", label: "ST" })).key;
    await keys.close();
  });
  afterAll(() => databases?.drop());

  const directory = async () => {
    const ds = await openDatabase(createDirectoryDataSource(databases.config("directory")));
    try {
      const integrity = kind === "sqlite" ? (await ds.query("PRAGMA integrity_check"))[0].integrity_check : "ok";
      const office = await ds.manager.findOneByOrFail(Representation, { id: OFFICE });
      return {
        integrity,
        offices: await ds.manager.count(Representation),
        audit: await ds.manager.count(AuditEntry),
        office: { languages: office.languages, version: office.version },
        imported: await ds.manager.countBy(Representation, { id: IMPORTED }),
        revision: Number((await ds.query("SELECT n FROM directory_revision WHERE id = 1"))[0].n),
      };
    } finally {
      await ds.destroy();
    }
  };
  const stop = async (stack: SpawnedStack) => {
    stack.child.kill("SIGTERM");
    await stack.exited;
  };
  const edit = (url: string, version: number) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `mutation { updateRepresentation(id: "${OFFICE}", version: ${version}, changes: { languages: ["pt", "en"] }) { languages version } }` }),
    });

  it("an edit (updateRepresentation through the gateway): nothing applied, then the same edit completes", { timeout: 300_000 }, async () => {
    await stop(await spawnStack({ ...databaseEnv(databases) })); // first start: migrate and seed
    const before = await directory();
    const first = await spawnStack({ ...databaseEnv(databases), SEED: "0", ENLACE_TEST_PAUSE_AT: "directory.write" });
    const answer = edit(first.url, before.office.version).catch((error: Error) => error);
    await lineOf(first.output, first.exited, paused("directory.write")); // the UPDATE and the audit entry are written, not committed
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await answer).toBeInstanceOf(Error); // the connection died with the process
    expect(await directory()).toEqual(before);

    const second = await spawnStack({ ...databaseEnv(databases), SEED: "0" });
    try {
      const done = (await (await edit(second.url, before.office.version)).json()) as { data: unknown };
      expect(done).toEqual({ data: { updateRepresentation: { languages: ["pt", "en"], version: before.office.version + 1 } } });
      expect(await directory()).toEqual({ ...before, audit: before.audit + 1, office: { languages: ["pt", "en"], version: before.office.version + 1 }, revision: expect.any(Number) });
    } finally {
      await stop(second);
    }
  });

  it("import --apply: nothing applied, then the same command completes", { timeout: 300_000 }, async () => {
    const before = await directory();
    expect(before.imported).toBe(0);
    const run = (env: Record<string, string>) => {
      const child = spawn(process.execPath, [join(__dirname, "../../dist/seed/src/import/cli.js"), EXPORT, "--apply", "--json"], {
        env: { ...process.env, ...databaseEnv(databases, ["directory"]), ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      let stdout = "";
      child.stdout.on("data", (chunk) => ((output += chunk), (stdout += chunk)));
      child.stderr.on("data", (chunk) => (output += chunk));
      return { child, output: () => output, stdout: () => stdout, exited: new Promise<number | null>((resolve) => child.once("close", resolve)) };
    };
    const killed = run({ ENLACE_TEST_PAUSE_AT: "import.apply" });
    await lineOf(killed.output, killed.exited, paused("import.apply")); // every change written, not committed
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toBe(null);
    expect(await directory()).toEqual(before);

    const again = run({});
    const exitCode = await again.exited;
    const report = JSON.parse(again.stdout()) as { applied: boolean; diff: { created: { id: string }[]; changed: unknown[]; rejected: unknown[] } };
    expect(report.applied).toBe(true);
    // The export has rows the import refuses: done, with rejected rows, is exit code 3.
    expect(report.diff.rejected.length).toBeGreaterThan(0);
    expect(exitCode).toBe(3);
    expect(report.diff.created.map((r) => r.id)).toEqual([IMPORTED]);
    const after = await directory();
    expect(after).toMatchObject({ integrity: "ok", offices: before.offices + 1, imported: 1 });
    expect(after.audit).toBe(before.audit + report.diff.created.length + report.diff.changed.length);
  });
});
