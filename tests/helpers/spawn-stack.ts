import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { projectRoot } from "../../platform/src/paths";
import type { TestDatabases } from "./databases";

export interface SpawnedStack {
  child: ChildProcess;
  /** The gateway's /graphql. */
  url: string;
  /** Each subgraph's /graphql, as the stack printed them. */
  subgraphUrls: Record<string, string>;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the child has closed its output. */
  exited: Promise<number | null>;
}

/**
 * `npm start`'s compiled entry point (built by `pretest`) in a child process, as it runs
 * for real (NODE_ENV=production), every port free unless `env` names one; resolves once
 * it says it is up. An `undefined` in `env` removes that variable; `nodeArgs` go to node
 * before the script (`npm start`'s own are in package.json).
 */
export async function spawnStack(env: Record<string, string | undefined>, nodeArgs: string[] = []): Promise<SpawnedStack> {
  const child = spawn(process.execPath, [...nodeArgs, join(projectRoot(), "dist/stack/main.js")], {
    env: { ...process.env, NODE_ENV: "production", PORT: "0", DIRECTORY_PORT: "0", ROSTER_PORT: "0", EXCHANGE_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve)); // after stdio is drained, unlike "exit"
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => output.includes("Press Ctrl-C") && (clearInterval(timer), resolve()), 25);
    exited.then((code) => (clearInterval(timer), reject(new Error(`the stack exited with ${code} before it was up:\n${output}`))));
  });
  const url = /Playground \(GraphiQL, works offline\): (http:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`the stack did not print its address:\n${output}`);
  const subgraphUrls = Object.fromEntries([...output.matchAll(/^subgraph (\w+): (http:\/\/\S+)$/gm)].map((m) => [m[1], m[2]]));
  return { child, url, subgraphUrls, output: () => output, exited };
}

/** The environment that points `npm start` (or a command) at test databases: a DATA_DIR of SQLite files, or a PostgreSQL URL per owner. */
export function databaseEnv(databases: TestDatabases, owners = ["directory", "roster", "exchange", "gateway"]): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { DATABASE_URL: undefined };
  for (const name of owners) {
    const config = databases.config(name);
    if ("url" in config) env[`${name.toUpperCase()}_DATABASE_URL`] = config.url;
    else env.DATA_DIR = dirname(config.sqlitePath);
  }
  return env;
}

/** Resolves with the first line of a child's output that `match` accepts; rejects if the child exits first. */
export function lineOf(output: () => string, exited: Promise<unknown>, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const line = output().split("\n").find(match);
      if (line) clearInterval(timer), resolve(line);
    }, 5);
    exited.then(() => (clearInterval(timer), reject(new Error(`exited before the expected line:\n${output()}`))));
  });
}
