import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnStack } from "../helpers/spawn-stack";

export interface ChildStack {
  gatewayUrl: string;
  /** The child's SQLite folder (the bench adds API keys to its gateway.sqlite). */
  dataDir: string;
  /** Shared with the child, to sign identities for direct subgraph calls. */
  identitySecret: string;
  /** The child's process id (its CPU and memory, tests/bench/proc-stats.ts). */
  pid: number;
  subgraphUrl(name: string): string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s stack in a child process on its own SQLite folder, so that the load
 * generator does not share an event loop with the server it measures.
 */
export async function startChildStack(): Promise<ChildStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-bench-"));
  const identitySecret = randomBytes(48).toString("base64url");
  const stack = await spawnStack({ LOG_LEVEL: "warn", IDENTITY_SECRET: identitySecret, DATA_DIR: dataDir });
  return {
    gatewayUrl: stack.url,
    dataDir,
    identitySecret,
    pid: stack.child.pid ?? 0,
    subgraphUrl: (name) => stack.subgraphUrls[name] ?? "",
    stop: async () => {
      stack.child.kill("SIGTERM");
      await stack.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
