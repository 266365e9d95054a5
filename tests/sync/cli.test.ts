import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyStore } from "../../gateway/src/auth/key-store";
import { createTestDatabases, type TestDatabases } from "../helpers/databases";
import { spawnStack, type SpawnedStack } from "../helpers/spawn-stack";

const ROOT = join(__dirname, "../..");
const IDENTITY_SECRET = "cli-test-identity-secret-0123456789abcdef";

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `npm run sync`'s built entry point, as cron runs it: no terminal, the environment given and nothing else of ours. */
async function sync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, "dist/client/src/sync-cli.js"), ...args], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; killed: boolean; stdout: string; stderr: string };
    if (e.killed) throw new Error(`sync ${args.join(" ")} did not end: ${e.stderr}`);
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run sync: arguments, exit codes, secrets (a spawned stack, the built client)", () => {
  let databases: TestDatabases;
  let stack: SpawnedStack;
  let key: string;
  let tmp: string;
  const runs: Run[] = [];
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const result = await sync(args, env);
    runs.push(result);
    return result;
  };
  const out = (name: string) => join(tmp, name);

  beforeAll(async () => {
    databases = await createTestDatabases("sqlite", ["directory", "roster", "exchange", "gateway"]);
    const keys = await KeyStore.open(databases.config("gateway"));
    key = (await keys.create({ role: "PARTNER", conference: "CSM", label: "CSM" })).key;
    await keys.close();
    const dataDir = dirname((databases.config("gateway") as { sqlitePath: string }).sqlitePath);
    // debug: one log line per request, so that every request of the runs below is in the log.
    stack = await spawnStack({ DATA_DIR: dataDir, DATABASE_URL: undefined, LOG_LEVEL: "debug", IDENTITY_SECRET });
    tmp = mkdtempSync(join(tmpdir(), "enlace-sync-cli-"));
  });
  afterAll(async () => {
    stack?.child.kill("SIGTERM");
    await stack?.exited;
    await databases?.drop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const oneLine = (r: Run, status: number, message: string | RegExp) => {
    expect(r.status).toBe(status);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([expect.stringMatching(message)]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  };

  it("--help prints the usage docs/exchange.md shows, exit 0", async () => {
    const help = await run(["--help"]);
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout).toContain("exit codes:");
    expect(readFileSync(join(ROOT, "docs", "exchange.md"), "utf8")).toContain(help.stdout.trimEnd());
  });

  it("takes the key from ENLACE_KEY or --key-file; --key works with a warning", async () => {
    const fromEnv = await run(["--gateway", stack.url, "--out", out("env")], { ENLACE_KEY: key });
    expect(fromEnv).toMatchObject({ status: 0, stderr: "" });
    expect(fromEnv.stdout).toContain("partner contacts: 36 new or changed");
    const keyFile = join(tmp, "key");
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    expect(await run(["--gateway", stack.url, "--out", out("file"), "--key-file", keyFile])).toMatchObject({ status: 0, stderr: "" });
    const onArgv = await run(["--gateway", stack.url, "--out", out("argv"), "--key", key]);
    expect(onArgv.status).toBe(0);
    expect(onArgv.stderr).toBe("warning: --key shows the key to anyone who can list processes (ps) and in logs; use ENLACE_KEY=… or --key-file FILE instead\n");
  });

  it("a refused key is permanent: exit 2, 'check the key', never 'run again'", async () => {
    const r = await run(["--gateway", stack.url, "--out", out("bad-key")], { ENLACE_KEY: "enlace_not-a-real-key-0000000000" });
    oneLine(r, 2, /^sync: the gateway refused the API key \(not valid, or revoked\): check the key in ENLACE_KEY or --key-file$/);
    expect(r.stderr).not.toMatch(/again/);
  });

  it("a network down is transient: exit 1, 'running the same command again later should help'", async () => {
    const r = await run(["--gateway", "http://127.0.0.1:9/graphql", "--out", out("down")], { ENLACE_KEY: key });
    oneLine(r, 1, /^sync: cannot reach http:\/\/127\.0\.0\.1:9\/graphql: .*; running the same command again later should help$/);
  });

  it("bad arguments and unreadable files: one line, exit 2, at once", async () => {
    const env = { ENLACE_KEY: key };
    const base = ["--gateway", stack.url, "--out", out("bad")];
    const truncated = join(tmp, "truncated.csv");
    writeFileSync(truncated, 'external_id,country,topics,person_name,institution,emails\ncsm-x,AR,CHILDREN,"Persona Fic');
    const cases: [string[], RegExp][] = [
      [["--gateway", stack.url, "--out", "/proc/enlace-sync-test"], /^sync: --out \/proc\/enlace-sync-test: cannot create \/proc\/enlace-sync-test: \/proc does not accept new folders/],
      [[...base, "--push", tmp], /^sync: .*: is a folder, not a file$/],
      [[...base, "--push", truncated], /^sync: .*truncated\.csv: the quote opened on line 2 is never closed; the file looks cut short$/],
      [[...base, "--push", join(tmp, "none.csv")], /^sync: .*none\.csv: no such file or folder$/],
      [[...base, "--frobnicate"], /^sync: unknown option --frobnicate \(see --help\)$/],
      [[...base, "--push"], /^sync: --push: the value is missing \(see --help\)$/],
      [[...base, "--page-size", "lots"], /^sync: --page-size must be a whole number from 1 to 1000, got "lots" \(see --help\)$/],
      [[...base, "--push", truncated, "--mode", "SOME"], /^sync: --mode must be FULL or INCREMENTAL, got "SOME" \(see --help\)$/],
      [[...base, "--push", truncated, "--allow-removals", "3"], /^sync: --allow-removals goes with --mode FULL/],
      [["--gateway", "enlace.example", "--out", out("x")], /^sync: --gateway must be an http\(s\) address/],
      [["--gateway", stack.url, "--out", out("x"), "--key-file", join(tmp, "no-key")], /^sync: --key-file .*no-key: no such file or folder$/],
    ];
    for (const [args, message] of cases) oneLine(await run(args, env), 2, message);
    oneLine(await run(base), 2, /^sync: no API key: set ENLACE_KEY, or give --key-file FILE \(see --help\)$/);
  });

  it("pushes an Excel Windows-1252 ;-separated file (exit 0) and exits 3 when rows are rejected", async () => {
    const ok = await run(["--gateway", stack.url, "--out", out("push"), "--push", join(__dirname, "fixtures/csm-excel-windows-1252.csv")], { ENLACE_KEY: key });
    expect(ok).toMatchObject({ status: 0, stderr: "" });
    expect(ok.stdout).toContain("push: applied: 2 created");
    expect(readFileSync(join(out("push"), "partner-contacts.csv"), "utf8")).toContain("María Pérez");
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "external_id;country;topics;person_name;institution;emails\r\ncsm-x;XX;CHILDREN;P;I;p@example.org\r\n");
    const rejected = await run(["--gateway", stack.url, "--out", out("push"), "--push", bad], { ENLACE_KEY: key });
    expect(rejected).toMatchObject({ status: 3, stderr: "" });
    expect(rejected.stdout).toContain('rejected contacts[0].country: unknown ISO 3166-1 alpha-2 country code "XX"');
  });

  it("a FULL push that would remove most contacts: exit 2 with the numbers; --dry-run and --allow-removals", async () => {
    const three = join(tmp, "three.csv");
    writeFileSync(
      three,
      readFileSync(join(out("env"), "partner-contacts.csv"), "utf8")
        .split("\r\n")
        .slice(0, 4)
        .join("\r\n"),
    );
    const args = ["--gateway", stack.url, "--out", out("full"), "--push", three, "--mode", "FULL"];
    const refused = await run(args, { ENLACE_KEY: key });
    oneLine(
      refused,
      2,
      /^sync: push refused, nothing was changed: this FULL push would remove 35 of the 38 current contacts \(92%\), more than the 7 allowed without --allow-removals\. Check that the file is complete; to accept these removals, add --allow-removals 35$/,
    );
    const dry = await run([...args, "--dry-run", "--allow-removals", "35"], { ENLACE_KEY: key });
    expect(dry).toMatchObject({ status: 0, stderr: "" });
    expect(dry.stdout).toContain("push: dry run, nothing written; it would be: 0 created, 0 updated, 3 unchanged, 35 removed, 0 rejected");
    expect(dry.stdout).not.toContain("partner contacts:");
    const again = await run(args, { ENLACE_KEY: key });
    expect(again.status).toBe(2); // the dry run changed nothing
  });

  it("no log line of any process holds the key or a signed identity", async () => {
    const logs = [stack.output(), ...runs.flatMap((r) => [r.stdout, r.stderr])].join("\n");
    expect(logs.split("\n").length).toBeGreaterThan(100);
    expect(logs).toContain('"event":"http.request"');
    for (const secret of [key, key.slice(-16), IDENTITY_SECRET, "x-enlace-signature", Buffer.from('{"role"').toString("base64url").slice(0, 8)]) {
      expect(logs.split("\n").filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
