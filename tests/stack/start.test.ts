import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
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
    expect(first.output).toContain("representations 796 rows read, 796 inserted");
    expect(first.output).toMatch(/Playground \(GraphiQL, works offline\): http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(first.answer.data.representations.totalCount).toBeGreaterThan(0);
    expect(first.output, first.output).toContain("stopped.");
    expect(first.exitCode).toBe(0);
  });

  it("starts again on the same data without seeding anything twice", async () => {
    const second = await runStart(dataDir);
    expect(second.output).toContain("796 rows read, 0 inserted, 796 already present");
    expect(second.exitCode).toBe(0);
  });
});
