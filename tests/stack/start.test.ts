import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";
import { spawnStack } from "../helpers/spawn-stack";

/** Runs `npm start`'s entry point until it is up, asks it something, then interrupts it. */
async function runStart(dataDir: string): Promise<{ output: string; exitCode: number | null; answer: any }> {
  // production: as `npm start` runs for real (Apollo changes its signal handling under NODE_ENV=test)
  const stack = await spawnStack({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const response = await fetch(stack.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ representations(filter: { sendingCountry: ["HT"], hostCountry: ["MX"] }) { totalCount } }` }),
  });
  const answer = await response.json();
  stack.child.kill("SIGINT");
  const exitCode = await stack.exited; // before reading output: it grows until the child has closed
  return { output: stack.output(), exitCode, answer };
}

describe("npm start (the embedded default)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates, migrates and seeds SQLite on first start, serves real data, and stops on Ctrl-C", async () => {
    const first = await runStart(dataDir);
    expect(first.output).toContain("representations 886 rows read, 886 inserted");
    for (const owner of ["gateway", "directory", "roster", "exchange"]) expect(first.output).toContain(`  ${owner}: SQLite file ${join(dataDir, `${owner}.sqlite`)}\n`);
    expect(first.output).toMatch(/Playground \(GraphiQL, works offline\): http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(first.answer.data.representations.totalCount).toBeGreaterThan(0);
    expect(first.output, first.output).toContain("stopped.");
    expect(first.exitCode).toBe(0);
  });

  it("starts again on the same data without seeding anything twice", async () => {
    const second = await runStart(dataDir);
    expect(second.output).toContain("886 rows read, 0 inserted, 886 already present");
    expect(second.exitCode).toBe(0);
  });
});

describe("npm start with a busy port", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-busy-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("fails at once in one line naming the port, before creating or seeding anything", async () => {
    const squatter = createServer().listen(0, "127.0.0.1");
    await once(squatter, "listening");
    const busy = (squatter.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, [join(projectRoot(), "dist/stack/main.js")], {
        env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: "0", DIRECTORY_PORT: "0", ROSTER_PORT: String(busy), EXCHANGE_PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      const [code] = await once(child, "close");
      expect({ code, stdout, stderr }).toEqual({
        code: 1,
        stdout: "",
        stderr: `Enlace could not start: port ${busy} on 127.0.0.1 (the roster subgraph, ROSTER_PORT) is in use by another process: stop what uses it, or set ROSTER_PORT to another port (0 = any free port)\n`,
      });
      expect(readdirSync(dataDir)).toEqual([]); // nothing created, nothing seeded
    } finally {
      squatter.close();
    }
  });
});
