import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../platform/src/paths";
import { PUBLIC_IDENTITY, Role, signIdentity, type Identity } from "../../platform/src/identity";
import { LIST_QUERY } from "./directory.bench";
import { load, median, type LoadResult } from "./load";
import { cpuMs, peakRssMiB, rssMiB } from "./proc-stats";
import { spawnStack } from "../helpers/spawn-stack";
import { startProcessStack, type BenchProcess } from "./process-stack";

/**
 * The peer: Hive Gateway with its Rust query planner, pinned. Installed by this bench into
 * a folder of the machine's temporary directory (reused by later runs), never a
 * dependency of the project.
 */
const HIVE = { gateway: "@graphql-hive/gateway@2.15.1", routerRuntime: "@graphql-hive/router-runtime@1.4.23" };

const operation = (file: string) => readFileSync(join(projectRoot(), "operations", file), "utf8");

/** The three reads (issue 23): W3 is IN + BD at Tapachula there. */
const WORKLOADS = [
  { name: "W1", what: "list of 50 offices with countries and procedures", query: LIST_QUERY, variables: { first: 50 } },
  { name: "W2", what: 'search "haiti"', query: operation("search.graphql"), variables: { text: "haiti" } },
  { name: "W3", what: "nearest for IN + BD at Tapachula", query: operation("nearest.graphql"), variables: { nationalities: ["IN", "BD"], place: "Tapachula" } },
];

const OFFICIAL: Identity = { role: Role.OFFICIAL, country: "MX" };

/** Installs the pinned Hive Gateway once; returns its folder. Progress goes to stderr. */
function installHive(): string {
  const dir = join(tmpdir(), `enlace-bench-peers-${HIVE.gateway.split("@")[2]}-${HIVE.routerRuntime.split("@")[2]}`);
  const bin = join(dir, "node_modules/@graphql-hive/gateway/dist/bin.js");
  if (existsSync(bin) && existsSync(join(dir, "node_modules/@graphql-hive/router-runtime"))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "enlace-bench-peers", private: true }));
  process.stderr.write(`peers: installing ${HIVE.gateway} and ${HIVE.routerRuntime} into ${dir} (once; about 2 minutes)...\n`);
  const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", HIVE.gateway, HIVE.routerRuntime], { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
  if (npm.status !== 0 || !existsSync(bin)) throw new Error(`peers: npm install of ${HIVE.gateway} failed (exit ${npm.status}); no figures`);
  return dir;
}

/** A port nobody holds now (Hive's command line takes a number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts Hive Gateway on the same subgraphs: the committed supergraph with the bench's
 * subgraph URLs, the caller's signed identity passed on to the subgraphs (they refuse
 * requests without one), upstream deduplication on or off.
 */
async function startHive(dir: string, name: string, subgraphUrls: Record<string, string>, dedup: boolean, children: ChildProcess[]): Promise<BenchProcess> {
  const work = join(dir, name);
  mkdirSync(work, { recursive: true });
  let supergraph = readFileSync(join(projectRoot(), "gateway/supergraph.graphql"), "utf8");
  for (const [subgraph, url] of Object.entries(subgraphUrls)) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${subgraph}", url: ")[^"]+`), `$1${url}`);
  }
  writeFileSync(join(work, "supergraph.graphql"), supergraph);
  writeFileSync(
    join(work, "gateway.config.mjs"),
    `export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      "x-enlace-identity": request.headers.get("x-enlace-identity") ?? undefined,
      "x-enlace-signature": request.headers.get("x-enlace-signature") ?? undefined,
      "accept-language": request.headers.get("accept-language") ?? undefined,
    }),
  },
  transportEntries: { "*.http": { options: { deduplicateInflightRequests: ${dedup} } } },
  logging: "error",
};
`,
  );
  const port = await freePort();
  const child = spawn(
    "taskset",
    ["-c", "0", process.execPath, join(dir, "node_modules/@graphql-hive/gateway/dist/bin.js"), "supergraph", "supergraph.graphql", "--port", String(port), "--hive-router-runtime"],
    {
      cwd: work,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthcheck`)).ok) return { name, pid: child.pid ?? 0, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not answer /healthcheck within 30 s:\n${stderr}`);
}

/** `npm start`'s node options (package.json "start"): the one-process stack is measured as users run it. */
function npmStartNodeArgs(): string[] {
  const start: string = JSON.parse(readFileSync(join(projectRoot(), "package.json"), "utf8")).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith("--"));
}

/**
 * The third memory figure: `npm start` (every subgraph and the gateway in one
 * process, the seeded data) after start, and after `seconds` of W1 with an official's key.
 */
async function npmStartMemory(seconds: number): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-bench-peers-start-"));
  const stack = await spawnStack({ LOG_LEVEL: "warn", DATA_DIR: dataDir }, npmStartNodeArgs());
  try {
    const pid = stack.child.pid ?? 0;
    const afterStart = rssMiB(pid);
    const key = officialKey(dataDir);
    const result = await load(stack.url, LIST_QUERY, { first: 50 }, { connections: 10, seconds, headers: { authorization: `Bearer ${key}` } });
    if (result.errors) throw new Error(`peers, npm start: ${result.errors} requests failed; no figures\n${result.failures}`);
    const after = rssMiB(pid);
    const peak = peakRssMiB(pid);
    // The bar is the RSS after the load (its own figures were "after start" and "after one W1 load"); the peak is printed beside it.
    return [
      `  npm start (one process, node ${npmStartNodeArgs().join(" ")}): ${fmt(afterStart, 0)} MiB after start; after ${seconds} s of W1 with an official's key (${fmt(result.rps, 0)} req/s) ${fmt(after, 0)} MiB (bar 400${after <= 400 ? ", met" : ", not met"}); peak since start (VmHWM) ${fmt(peak, 0)} MiB`,
    ];
  } finally {
    stack.child.kill("SIGTERM");
    await stack.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates an OFFICIAL key in the stack's key store; returns it. */
function officialKey(dataDir: string): string {
  const made = spawnSync(process.execPath, [join(projectRoot(), "dist/gateway/src/keys-cli.js"), "create", "--role", "OFFICIAL", "--country", "MX", "--label", "peers bench"], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  const key = /\benl_[A-Za-z0-9_-]+/.exec(made.stdout)?.[0];
  if (made.status !== 0 || !key) throw new Error(`peers: could not create an official's key:\n${made.stdout}${made.stderr}`);
  return key;
}

interface Path {
  name: string;
  gateway: BenchProcess;
  headers: () => Record<string, string>;
}

interface Measured extends LoadResult {
  gatewayCpu: number;
  subgraphCpu: number;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/**
 * `npm run bench -- peers` (issue 23): Enlace's gateway in its three modes and Hive Gateway
 * with its Rust planner, deduplication on and off, over the same subgraph processes
 * (production layout, NODE_ENV=production, the seeded directory). Servers run on core 0,
 * the load on core 1; trials are interleaved and medians reported; CPU per request is
 * read from each process's own counters, peak RSS from /proc.
 */
async function peersSideBySide(options: { trials: number; seconds: number; connections: number }): Promise<string[]> {
  if (cpus().length < 2) throw new Error("peers: needs two cores (servers on one, the load on the other)");
  const hiveDir = installHive();
  // The load (autocannon, in this process) on core 1; every server on core 0.
  spawnSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
  const stack = await startProcessStack({ uncached: { GATEWAY_RESPONSE_CACHE: "0" }, cached: {} }, { pinToCore: 0 });
  const hiveChildren: ChildProcess[] = [];
  try {
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.url]));
    const hiveDedup = await startHive(hiveDir, "hive-dedup-on", subgraphUrls, true, hiveChildren);
    const hiveNoDedup = await startHive(hiveDir, "hive-dedup-off", subgraphUrls, false, hiveChildren);
    const key = officialKey(stack.dataDir);
    const directory = stack.subgraphs.directory;
    const signed = (identity: Identity) => () => signIdentity(identity, stack.identitySecret);
    const paths: Path[] = [
      { name: "Enlace, cached (anonymous)", gateway: stack.gateways.cached, headers: () => ({}) },
      { name: "Enlace, cache off, anonymous", gateway: stack.gateways.uncached, headers: () => ({}) },
      { name: "Hive+Rust, dedup on", gateway: hiveDedup, headers: signed(PUBLIC_IDENTITY) },
      { name: "Enlace, official's key", gateway: stack.gateways.uncached, headers: () => ({ authorization: `Bearer ${key}` }) },
      { name: "Hive+Rust, dedup off", gateway: hiveNoDedup, headers: signed(OFFICIAL) },
      { name: "directory subgraph alone", gateway: directory, headers: signed(PUBLIC_IDENTITY) },
    ];
    const trial = async (path: Path, w: (typeof WORKLOADS)[number], seconds: number): Promise<Measured> => {
      const before = [cpuMs(path.gateway.pid), cpuMs(directory.pid)];
      const result = await load(path.gateway.url, w.query, w.variables, { connections: options.connections, seconds, headers: path.headers() });
      const n = Math.max(1, result.requests);
      const alone = path.gateway === directory;
      return { ...result, gatewayCpu: alone ? 0 : (cpuMs(path.gateway.pid) - before[0]) / n, subgraphCpu: (cpuMs(directory.pid) - before[1]) / n };
    };
    const results: Record<string, Record<string, Measured[]>> = {};
    for (const w of WORKLOADS) {
      results[w.name] = {};
      for (const path of paths) {
        results[w.name][path.name] = [];
        await trial(path, w, 2); // warm up: JIT, sockets, caches, query plans
      }
      for (let i = 0; i < options.trials; i++) for (const path of paths) results[w.name][path.name].push(await trial(path, w, options.seconds));
      const failed = Object.entries(results[w.name]).flatMap(([path, rs]) => rs.filter((r) => r.errors).map((r) => `${path}: ${r.failures}`));
      if (failed.length) throw new Error(`peers bench, ${w.name}: requests failed; no figures\n${failed.join("\n")}`);
    }
    const med = (w: string, path: string, pick: (r: Measured) => number) => median(results[w][path].map(pick));
    const rps = (w: string, path: string) => med(w, path, (r) => r.rps);
    const lines = [
      `peers: Enlace's gateway and Hive Gateway ${HIVE.gateway.split("@")[2]} with its Rust planner (${HIVE.routerRuntime}), same subgraph processes, NODE_ENV=production;`,
      `  servers on core 0, the load on core 1; ${options.connections} connections, ${options.trials} interleaved trials of ${options.seconds} s, medians`,
    ];
    for (const w of WORKLOADS) {
      lines.push(`  ${w.name}: ${w.what}`);
      for (const path of paths) {
        const cpu = `${fmt(
          med(w.name, path.name, (r) => r.gatewayCpu),
          2,
        )} + ${fmt(
          med(w.name, path.name, (r) => r.subgraphCpu),
          2,
        )}`;
        lines.push(
          `    ${path.name.padEnd(30)} ${fmt(rps(w.name, path.name), 0).padStart(6)} req/s  p50 ${fmt(med(w.name, path.name, (r) => r.p50)).padStart(6)} ms  p99 ${fmt(med(w.name, path.name, (r) => r.p99)).padStart(6)} ms  CPU ms/req gateway + directory ${cpu}`,
        );
      }
    }
    lines.push("  ratios (the issue's bars)");
    for (const w of WORKLOADS) {
      const keyRatio = rps(w.name, "Enlace, official's key") / rps(w.name, "Hive+Rust, dedup off");
      const anonRatio = rps(w.name, "Enlace, cache off, anonymous") / rps(w.name, "Hive+Rust, dedup on");
      const keyBar = w.name === "W1" ? 2 : 1.5;
      lines.push(
        `    ${w.name}: official's key / Hive dedup off ${fmt(keyRatio, 2)}x (bar ${keyBar}x${keyRatio >= keyBar ? ", met" : ", not met"});  anonymous cache off / Hive dedup on ${fmt(anonRatio, 2)}x (bar 1.0x${anonRatio >= 1 ? ", met" : ", not met"})`,
      );
    }
    const aloneCpu = med("W1", "directory subgraph alone", (r) => r.subgraphCpu);
    lines.push(`    W1 directory subgraph alone: ${fmt(aloneCpu, 2)} ms CPU per request (bar 2.0 ms${aloneCpu <= 2 ? ", met" : ", not met"})`);
    lines.push("  peak RSS over the whole run (VmHWM)");
    for (const p of [...Object.values(stack.subgraphs), stack.gateways.cached, stack.gateways.uncached, hiveDedup, hiveNoDedup])
      lines.push(`    ${p.name.padEnd(20)} ${fmt(peakRssMiB(p.pid), 0)} MiB`);
    lines.push(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)}`);
    return lines;
  } finally {
    const exits = hiveChildren.filter((c) => c.exitCode === null).map((c) => new Promise((resolve) => c.once("exit", resolve)));
    for (const c of hiveChildren) c.kill("SIGTERM");
    await Promise.all(exits);
    await stack.stop();
  }
}

/** `npm run bench -- peers`: the side-by-side run, then `npm start`'s memory on its own. */
export async function benchPeers(options = { trials: 3, seconds: 5, connections: 10 }): Promise<string[]> {
  const lines = await peersSideBySide(options);
  return [...lines, ...(await npmStartMemory(10))];
}
