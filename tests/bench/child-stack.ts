import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../gateway/src/paths";

export interface ChildStack {
  gatewayUrl: string;
  /** The child's SQLite folder (the bench adds API keys to its gateway.sqlite). */
  dataDir: string;
  /** Shared with the child, to sign identities for direct subgraph calls. */
  identitySecret: string;
  subgraphUrl(name: string): string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s stack in a child process on its own SQLite folder, so that the load
 * generator does not share an event loop with the server it measures.
 */
export async function startChildStack(ports: { gateway: number; directory: number }): Promise<ChildStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-bench-"));
  const identitySecret = randomBytes(48).toString("base64url");
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot(), "dist/stack/main.js")], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", IDENTITY_SECRET: identitySecret, DATA_DIR: dataDir, PORT: String(ports.gateway), DIRECTORY_PORT: String(ports.directory), ROSTER_PORT: "0", EXCHANGE_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Enlace is up")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`stack exited with ${code} before it was up:\n${output}`)));
  });
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    dataDir,
    identitySecret,
    subgraphUrl: (name) => (name === "directory" ? `http://127.0.0.1:${ports.directory}/graphql` : ""),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
