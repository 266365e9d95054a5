import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnStack, type SpawnedStack } from "../helpers/spawn-stack";

/** Resident memory of a process, MiB (Linux /proc). */
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

const CACHE_MB = 16;
const UNIQUE = 3_000;
const PADDING = "x".repeat(90_000);

/**
 * Issue 19, finding 1: unique anonymous requests of 90 kB, each sent twice (so that the
 * cache would keep it), on 8 connections. Every cache and table an anonymous request can
 * grow is bounded in bytes: the process's resident memory stays within the cache budget
 * plus a margin, and it answers throughout. (Counts and memory, not time.)
 */
describe("a flood of unique large anonymous requests", () => {
  let stack: SpawnedStack;
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-flood-"));
  beforeAll(async () => {
    stack = await spawnStack({ DATA_DIR: dataDir, LOG_LEVEL: "warn", GATEWAY_RESPONSE_CACHE_MB: String(CACHE_MB) });
  });
  afterAll(async () => {
    stack?.child.kill("SIGINT");
    await stack?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps resident memory within the ${CACHE_MB} MiB cache budget plus 300 MiB, and answers every request`, { timeout: 240_000 }, async () => {
    const pid = stack.child.pid as number;
    // Warm up: the first requests load what every answer needs.
    for (let i = 0; i < 50; i++)
      await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }", variables: { t: `warm${i}` } }) });
    const before = rssMiB(pid);
    let next = 0;
    let answered = 0;
    let peak = before;
    const worker = async () => {
      while (next < UNIQUE * 2) {
        const i = next++;
        const body = JSON.stringify({ query: "{ __typename }", variables: { t: `${i >> 1}:${PADDING}` } });
        const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body });
        await response.arrayBuffer();
        if (response.status === 200) answered++;
        if (i % 500 === 0) peak = Math.max(peak, rssMiB(pid));
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    peak = Math.max(peak, rssMiB(pid));
    console.log(`flood: ${UNIQUE * 2} requests of ${PADDING.length / 1000} kB, ${answered} answered 200; RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB`);
    expect(answered).toBe(UNIQUE * 2);
    expect(peak - before).toBeLessThan(CACHE_MB + 300);
    const ready = await fetch(stack.url.replace(/\/graphql$/, "/readyz"));
    expect(ready.status).toBe(200);
  });
});
