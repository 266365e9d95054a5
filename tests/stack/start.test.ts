import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `npm start`'s entry point (compiled by `pretest`) until it is up, then interrupts it. */
async function runStart(dataDir: string): Promise<{ output: string; exitCode: number | null; answer: any }> {
  const [port, directoryPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(ROOT, "dist/stack/main.js")], {
    // production: as `npm start` runs for real (Apollo changes its signal handling under NODE_ENV=test)
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), DIRECTORY_PORT: String(directoryPort), ROSTER_PORT: "0", EXCHANGE_PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve)); // after stdio is drained, unlike "exit"
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => output.includes("Press Ctrl-C") && (clearInterval(timer), resolve()), 50);
    exited.then((code) => (clearInterval(timer), reject(new Error(`exited ${code}: ${output}`))));
  });
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ representations(filter: { sendingCountry: ["HT"], hostCountry: ["MX"] }) { totalCount } }` }),
  });
  const answer = await response.json();
  child.kill("SIGINT");
  const exitCode = await exited; // before reading output: it grows until the child has closed
  return { output, exitCode, answer };
}

describe("npm start (the embedded default)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates, migrates and seeds SQLite on first start, serves real data, and stops on Ctrl-C", async () => {
    const first = await runStart(dataDir);
    expect(first.output).toContain("representations 677 rows read, 677 inserted");
    expect(first.output).toMatch(/Playground \(GraphiQL, works offline\): http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(first.answer.data.representations.totalCount).toBeGreaterThan(0);
    expect(first.output, first.output).toContain("stopped.");
    expect(first.exitCode).toBe(0);
  });

  it("starts again on the same data without seeding anything twice", async () => {
    const second = await runStart(dataDir);
    expect(second.output).toContain("677 rows read, 0 inserted, 677 already present");
    expect(second.exitCode).toBe(0);
  });
});
