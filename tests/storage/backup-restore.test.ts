import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";
import { databaseEnv, spawnStack, type SpawnedStack } from "../helpers/spawn-stack";
import type { Manifest } from "../../stack/backup/manifest";
import { createExchangeDataSource } from "../../subgraphs/exchange/src/database";
import { openDatabase } from "../../platform/src/database";

const ROSTER_FEED = `query ($since: String) { focalPointChanges(since: $since, first: 1000) { nextToken entries { id } } }`;
const EXCHANGE_FEED = `query ($since: String) { partnerContactChanges(since: $since, first: 1000) { nextToken entries { externalId } } }`;
const PUSH = `mutation ($id: String!, $c: [PartnerContactInput!]!) { syncPartnerContacts(batchId: $id, mode: INCREMENTAL, contacts: $c) { counts { created } } }`;
const batch = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    country: "CL",
    topics: ["STATISTICS"],
    personName: `Persona Ficticia ${i}`,
    institution: "Institución ficticia",
    emails: [`${prefix}-${i}@example.org`],
  }));

/**
 * Issue 13, "backup and restore": a backup taken while partners push and people read,
 * restored after later writes, holds exactly its own state, and feed tokens issued after it
 * are refused with SYNC_TOKEN_INVALID on both feeds. On PostgreSQL the commands the tools
 * print (pg_dump, pg_restore) are run as printed.
 */
describe.each(DATABASES)("npm run backup and npm run restore (%s)", (kind) => {
  let databases: TestDatabases;
  let dir: string;
  let as: Record<string, string>;
  let stack: SpawnedStack | undefined;
  let officialId = "";
  beforeAll(async () => {
    databases = await createTestDatabases(kind, ["directory", "roster", "exchange", "gateway"]);
    dir = join(mkdtempSync(join(tmpdir(), "enlace-backup-")), "backup");
    const keys = await KeyStore.open(databases.config("gateway"));
    const official = await keys.create({ role: "OFFICIAL", country: "GT", label: "Official revoked after the backup" });
    as = { secretariat: (await keys.create({ role: "SECRETARIAT", label: "ST" })).key, partner: (await keys.create({ role: "PARTNER", conference: "CSM", label: "CSM" })).key, official: official.key };
    officialId = official.id;
    await keys.close();
  });
  afterAll(async () => {
    if (stack) stack.child.kill("SIGTERM"), await stack.exited;
    rmSync(join(dir, ".."), { recursive: true, force: true });
    await databases?.drop();
  });

  const env = () => ({ ...process.env, ...databaseEnv(databases), LOG_LEVEL: "warn" });
  /** Runs a command of dist/stack/backup without blocking this process (the load goes on meanwhile). */
  const cli = (script: string, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(__dirname, "../../dist/stack/backup", script), ...args], { env: env() });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.once("close", (status) => resolve({ status, stdout, stderr }));
    });
  /** Runs the commands a tool printed for PostgreSQL, as an operator would paste them. */
  const runPrinted = (output: string, program: string, count: number) => {
    const commands = output.split("\n").filter((l) => l.trim().startsWith(`${program} `));
    expect(commands).toHaveLength(count);
    for (const command of commands) {
      const run = spawnSync("sh", ["-c", command], { encoding: "utf8" });
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
    }
  };
  const gql = async (who: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(stack!.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${as[who]}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  };
  const tokens = async () => ({
    roster: (await gql("secretariat", ROSTER_FEED)).data.focalPointChanges.nextToken as string,
    exchange: (await gql("partner", EXCHANGE_FEED)).data.partnerContactChanges.nextToken as string,
  });
  const feedCodes = async (t: { roster: string; exchange: string }) => ({
    roster: (await gql("secretariat", ROSTER_FEED, { since: t.roster })).errors?.[0]?.extensions?.code ?? "OK",
    exchange: (await gql("partner", EXCHANGE_FEED, { since: t.exchange })).errors?.[0]?.extensions?.code ?? "OK",
  });
  /** Contacts per batch, straight from the exchange's database. */
  const perBatch = async () => {
    const ds = await openDatabase(createExchangeDataSource(databases.config("exchange")));
    try {
      const rows: { batch: string; n: number | string }[] = await ds.query("SELECT last_batch AS batch, count(*) AS n FROM partner_contact WHERE conference = 'CSM' GROUP BY last_batch");
      return Object.fromEntries(rows.map((r) => [r.batch, Number(r.n)]));
    } finally {
      await ds.destroy();
    }
  };

  it("copies every database while requests run; a restore brings back exactly that state and refuses newer tokens", { timeout: 180_000 }, async () => {
    stack = await spawnStack({ ...databaseEnv(databases), LOG_LEVEL: "warn" });
    await gql("partner", PUSH, { id: "before-backup", c: batch("before", 20) });
    const atBackup = await tokens();

    // Requests keep coming while the backup runs: batches (writes) and lists (reads).
    let running = true;
    let served = 0;
    const load = (async () => {
      for (let i = 0; running; i++) {
        const answers = await Promise.all([gql("partner", PUSH, { id: `during-${i}`, c: batch(`during-${i}`, 10) }), gql("secretariat", `{ representations(first: 50) { totalCount } }`)]);
        expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
        served += 2;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the load start
    const backup = await cli("backup-cli.js", dir);
    running = false;
    await load;
    expect(backup.status, backup.stderr).toBe(0);
    expect(served).toBeGreaterThan(0);
    if (kind === "postgres") runPrinted(backup.stdout, "pg_dump", 4);
    else {
      expect(backup.stdout).toMatch(/exchange: 100% \(\d+ of \d+ pages\)/);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
      expect(manifest.databases.map((d) => [d.owner, d.integrity])).toEqual([
        ["directory", "ok"],
        ["roster", "ok"],
        ["exchange", "ok"],
        ["gateway", "ok"],
      ]);
      expect(manifest.databases.find((d) => d.owner === "directory")?.state).toMatchObject({ revision: expect.any(Number), rows: 886 }); // the seeded directory
      expect((await cli("backup-cli.js", dir)).status).toBe(2); // never into a folder that holds something
    }
    let pushed = 0;
    while ((await perBatch())[`during-${pushed}`]) pushed++;

    // After the backup: a batch and an edit the restore will undo; tokens that know them.
    await gql("partner", PUSH, { id: "after-backup", c: batch("after", 5) });
    const fp = (await gql("secretariat", `{ focalPoints(first: 1) { id version } }`)).data.focalPoints[0];
    expect(
      (await gql("secretariat", `mutation { updateFocalPoint(id: "${fp.id}", version: ${fp.version}, changes: { position: "Cargo ficticio tras el respaldo" }) { version } }`)).errors,
    ).toBeUndefined();
    const afterBackup = await tokens();
    // A key revoked after the backup: the restore must not bring it back to life (issue 19).
    expect((await gql("official", `{ __typename }`)).errors).toBeUndefined();
    const keys = await KeyStore.open(databases.config("gateway"));
    expect(await keys.revoke(officialId)).toBe(true);
    await keys.close();

    if (kind === "sqlite") {
      const refused = await cli("restore-cli.js", dir, "--force");
      expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining("is open in another process")]);
    }
    stack.child.kill("SIGTERM");
    await stack.exited;
    stack = undefined;
    if (kind === "sqlite") {
      const noForce = await cli("restore-cli.js", dir);
      expect([noForce.status, noForce.stderr]).toEqual([2, expect.stringContaining("exists: pass --force")]);
    }
    const restore = await cli("restore-cli.js", dir, "--force");
    expect(restore.status, restore.stderr).toBe(0);
    if (kind === "postgres") {
      runPrinted(restore.stdout, "pg_restore", 4);
      runPrinted(restore.stdout, "psql", 3); // roster's and exchange's feed secrets, the gateway's revocations
    }

    if (kind === "sqlite") expect(restore.stdout).toContain("gateway: 1 API key(s) revoked after the backup stay revoked");
    stack = await spawnStack({ ...databaseEnv(databases), LOG_LEVEL: "warn", SEED: "0" });
    const revoked = await fetch(stack.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${as.official}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(revoked.status).toBe(401);
    // The copy is one consistent state: each batch whole or absent, and the ones it has are the first ones pushed.
    const restored = await perBatch();
    const during = Object.keys(restored).filter((b) => b.startsWith("during-"));
    expect(restored).toMatchObject({ "before-backup": 20 });
    expect(restored["after-backup"]).toBeUndefined();
    expect(during.map((b) => restored[b])).toEqual(during.map(() => 10));
    expect(during.sort()).toEqual(Array.from({ length: during.length }, (_, i) => `during-${i}`).sort());
    expect(during.length).toBeLessThanOrEqual(pushed);
    expect(await feedCodes(atBackup)).toEqual({ roster: "OK", exchange: "OK" });
    expect(await feedCodes(afterBackup)).toEqual({ roster: "SYNC_TOKEN_INVALID", exchange: "SYNC_TOKEN_INVALID" });

    // New writes carry both feeds past those tokens' numbers: they must stay refused (their holders have changes the restore undid).
    await gql("partner", PUSH, { id: "after-restore", c: batch("restored", 100) });
    for (let i = 0; i < 3; i++) {
      const current = (await gql("secretariat", `{ focalPoint(id: "${fp.id}") { version } }`)).data.focalPoint;
      expect((await gql("secretariat", `mutation { updateFocalPoint(id: "${fp.id}", version: ${current.version}, changes: { position: "Cargo ficticio ${i}" }) { version } }`)).errors).toBeUndefined();
    }
    const seqOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString()) as { s: number }).s;
    const now = await tokens();
    expect(seqOf(now.roster)).toBeGreaterThan(seqOf(afterBackup.roster));
    expect(seqOf(now.exchange)).toBeGreaterThan(seqOf(afterBackup.exchange));
    expect(await feedCodes(afterBackup)).toEqual({ roster: "SYNC_TOKEN_INVALID", exchange: "SYNC_TOKEN_INVALID" });
    expect(await feedCodes(atBackup)).toEqual({ roster: "OK", exchange: "OK" });
  });
});
