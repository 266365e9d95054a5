import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabases, DATABASES } from "../helpers/databases";

const KEYS = join(__dirname, "../../dist/gateway/src/keys-cli.js");

/** `npm run keys` as built (no compiling at run time), in a scratch folder. */
function keys(cwd: string, env: Record<string, string | undefined>, ...args: string[]) {
  const result = spawnSync(process.execPath, [KEYS, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: undefined, DATABASE_URL: undefined, GATEWAY_DATABASE_URL: undefined, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run keys (the built command)", () => {
  const cwd = mkdtempSync(join(tmpdir(), "enlace-keys-"));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("prints its usage with --help, and refuses bad arguments in one line with exit code 2", () => {
    const help = keys(cwd, {}, "--help");
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toMatch(/^usage: npm run keys -- COMMAND/);
    const bad: [string[], string][] = [
      [[], "keys: say what to do: --init, create, list or revoke (see --help)"],
      [["list", "--bogus"], "keys: unknown option --bogus (see --help)"],
      [["create", "--role"], "keys: --role: the value is missing (see --help)"],
      [["rotate"], 'keys: unknown command "rotate": create, list or revoke (see --help)'],
    ];
    for (const [args, line] of bad) expect({ args, ...keys(cwd, {}, ...args) }).toEqual({ args, status: 2, stdout: "", stderr: `${line}\n` });
    expect(existsSync(join(cwd, "data"))).toBe(false);
  });

  it("never creates a key store silently: a missing DATA_DIR or a wrong one is an error", () => {
    for (const dataDir of [undefined, join(cwd, "typo")]) {
      const store = join(dataDir ?? join(cwd, "data"), "gateway.sqlite");
      const result = keys(cwd, { DATA_DIR: dataDir }, "create", "--role", "SECRETARIAT", "--label", "ST");
      expect(result).toEqual({
        status: 2,
        stdout: "",
        stderr: `keys: no key store in SQLite file ${store}: check DATA_DIR (or GATEWAY_DATABASE_URL / DATABASE_URL), which must be the gateway's; to create a new store there, add --init\n`,
      });
    }
    expect(existsSync(join(cwd, "data"))).toBe(false);
    expect(existsSync(join(cwd, "typo"))).toBe(false);
  });
});

describe.each(DATABASES)("npm run keys --init, create, list, revoke (%s)", (db) => {
  const cwd = mkdtempSync(join(tmpdir(), "enlace-keys-"));
  let drop = async () => undefined as void;
  afterAll(async () => {
    await drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("creates the store only with --init, names it in every command, and manages keys in it", async () => {
    const databases = await createTestDatabases(db, ["gateway"]);
    drop = databases.drop;
    const config = databases.config("gateway");
    const env = "url" in config ? { GATEWAY_DATABASE_URL: config.url } : { DATA_DIR: join(cwd, "store") };
    const where = "url" in config ? `PostgreSQL ${config.url}` : `SQLite file ${join(cwd, "store", "gateway.sqlite")}`;

    expect(keys(cwd, env, "list")).toMatchObject({ status: 2, stderr: expect.stringContaining(`keys: no key store in ${where}:`) });
    expect(keys(cwd, env, "--init")).toEqual({ status: 0, stdout: "key store created\n", stderr: `key store: ${where} (created now)\n` });
    expect(keys(cwd, env, "--init")).toEqual({ status: 0, stdout: "the key store already exists; nothing to do\n", stderr: `key store: ${where}\n` });

    const created = keys(cwd, env, "create", "--role", "OFFICIAL", "--country", "cr", "--label", "DGME Costa Rica");
    expect([created.status, created.stderr]).toEqual([0, `key store: ${where}\n`]);
    const id = /^created key ([0-9a-f]{12}) \(\{"role":"OFFICIAL","country":"CR"/.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(new RegExp(`\\n  enl_${id}_\\S+\\n`));

    const listed = keys(cwd, env, "list");
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\tOFFICIAL\\tCR\\tactive\\t\\S+\\t"DGME Costa Rica"\\n$`));
    expect(keys(cwd, env, "create", "--role", "KING", "--label", "x")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('keys: role: must be one of OFFICIAL, SECRETARIAT, PARTNER (PUBLIC needs no key), got "KING" (see --help)'),
    });
    expect(keys(cwd, env, "revoke", "000000000000")).toMatchObject({ status: 2, stderr: expect.stringContaining('keys: revoke: no active key "000000000000" in this store\n') });
    expect(keys(cwd, env, "revoke", id!)).toEqual({ status: 0, stdout: `revoked key ${id}\n`, stderr: `key store: ${where}\n` });
  }, 240_000);
});
