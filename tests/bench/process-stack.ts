import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../platform/src/paths";
import { SUBGRAPHS } from "../../subgraphs";

export interface BenchProcess {
  name: string;
  pid: number;
  url: string;
}

export interface ProcessStack {
  identitySecret: string;
  /** DATA_DIR of every process (databases, the gateway's key store). */
  dataDir: string;
  subgraphs: Record<string, BenchProcess>;
  /** Gateways in front of the same subgraphs, by name (e.g. with and without the response cache). */
  gateways: Record<string, BenchProcess>;
  stop(): Promise<void>;
}

/** Starts one compiled entry point and resolves with the URL its "listening" log line gives. */
async function startProcess(name: string, script: string, env: Record<string, string>, children: ChildProcess[], args: string[] = [], pinToCore?: number): Promise<BenchProcess> {
  // NODE_ARGS: node options for this process, e.g. "--cpu-prof --cpu-prof-dir=profiles" to profile it.
  // The heap setting docs/architecture.md recommends for production ("Memory and latency").
  const nodeArgs = ["--max-old-space-size=512", ...(env.NODE_ARGS ? env.NODE_ARGS.split(" ") : [])];
  const command = [process.execPath, ...nodeArgs, join(projectRoot(), script), ...args];
  // Pinned with taskset (util-linux) when asked: the servers on one core, the load on another.
  const pinned = pinToCore === undefined ? command : ["taskset", "-c", String(pinToCore), ...command];
  const child = spawn(pinned[0], pinned.slice(1), {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /"(?:url|playground)":"(http:\/\/[^"]+)"/.exec(output);
      if (match) {
        child.stdout?.off("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ name, pid: child.pid ?? 0, url: match[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before listening:\n${output}`)));
  });
}

/**
 * The production layout on this machine: databases migrated and seeded by `npm run
 * seed`'s entry point, each subgraph in its own process, and gateways in their own
 * processes (NODE_ENV=production everywhere), so that each one's CPU and memory can be
 * read apart.
 */
export async function startProcessStack(gateways: Record<string, Record<string, string>>, options: { pinToCore?: number } = {}): Promise<ProcessStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-bench-"));
  const identitySecret = randomBytes(48).toString("base64url");
  const base = { DATA_DIR: dataDir, IDENTITY_SECRET: identitySecret };
  const children: ChildProcess[] = [];
  const stop = async () => {
    const exits = children.filter((child) => child.exitCode === null).map((child) => new Promise((resolve) => child.once("exit", resolve)));
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(exits);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeded = spawnSync(process.execPath, [join(projectRoot(), "dist/seed/src/cli.js")], { env: { ...process.env, ...base, LOG_LEVEL: "warn" }, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`seed failed:\n${seeded.stdout}${seeded.stderr}`);
    const subgraphs: Record<string, BenchProcess> = {};
    for (const { name } of SUBGRAPHS) subgraphs[name] = await startProcess(name, "dist/stack/subgraph-main.js", base, children, [name], options.pinToCore);
    const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [`${name.toUpperCase()}_URL`, `${s.url}`]));
    const started: Record<string, BenchProcess> = {};
    for (const [name, env] of Object.entries(gateways)) {
      const gateway = await startProcess(`gateway ${name}`, "dist/stack/gateway-main.js", { ...base, ...urls, ...env }, children, [], options.pinToCore);
      started[name] = { ...gateway, url: `${gateway.url}` };
    }
    return { identitySecret, dataDir, subgraphs, gateways: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
