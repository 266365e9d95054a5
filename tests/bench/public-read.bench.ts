import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../platform/src/paths";
import { PUBLIC_IDENTITY, signIdentity } from "../../platform/src/identity";
import { LIST_QUERY } from "./directory.bench";
import { load, median, type LoadResult } from "./load";
import { cpuMs, peakRssMiB } from "./proc-stats";
import { startProcessStack, type BenchProcess } from "./process-stack";

/** The figure for "today": CPU per uncached W1 through the gateway, gateway + subgraph, before this work. */
const BASELINE_W1_CPU_MS = 21.4;

interface Workload {
  name: string;
  what: string;
  query: string;
  variables: Record<string, unknown>;
}

const operation = (file: string) => readFileSync(join(projectRoot(), "operations", file), "utf8");

export const WORKLOADS: Workload[] = [
  { name: "W1", what: "list of 50 offices with countries and procedures", query: LIST_QUERY, variables: { first: 50 } },
  { name: "W2", what: 'operations/search.graphql, "haiti"', query: operation("search.graphql"), variables: { text: "haiti" } },
  { name: "W3", what: "operations/nearest.graphql, BD + NP at Tapachula", query: operation("nearest.graphql"), variables: { nationalities: ["BD", "NP"], place: "Tapachula" } },
];

interface Measured extends LoadResult {
  /** CPU ms per request of each process involved, by process name. */
  cpu: Record<string, number>;
}

/** One trial: load on `url` while reading the CPU the given processes spend. */
async function trial(url: string, w: Workload, processes: BenchProcess[], options: { connections: number; seconds: number; headers?: () => Record<string, string> }): Promise<Measured> {
  const before = processes.map((p) => cpuMs(p.pid));
  const result = await load(url, w.query, w.variables, { ...options, headers: options.headers?.() });
  const cpu = Object.fromEntries(processes.map((p, i) => [p.name, (cpuMs(p.pid) - before[i]) / Math.max(1, result.requests)]));
  return { ...result, cpu };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/**
 * The public directory's three reads (W1 list, W2 search, W3 nearest) in the production
 * layout: each subgraph and each gateway its own process, NODE_ENV=production. For each
 * read: the directory subgraph alone, a gateway without the response cache, and a gateway
 * with it (warm). Trials are interleaved and medians reported; CPU per request comes from
 * the processes' own CPU counters, steadier than req/s on a shared machine.
 */
export async function benchPublicReads(options = { trials: 3, seconds: 5, connections: 10 }): Promise<string[]> {
  const stack = await startProcessStack({ uncached: { GATEWAY_RESPONSE_CACHE: "0" }, cached: {}, interval: { GATEWAY_REVISION_MAX_AGE_MS: "5" } });
  try {
    const directory = stack.subgraphs.directory;
    const paths = [
      { name: "subgraph alone", url: directory.url, processes: [directory], headers: () => signIdentity(PUBLIC_IDENTITY, stack.identitySecret) },
      { name: "gateway, uncached", url: stack.gateways.uncached.url, processes: [stack.gateways.uncached, directory] },
      { name: "gateway, cache warm", url: stack.gateways.cached.url, processes: [stack.gateways.cached, directory] },
      // The same with the revision read at most every 5 ms (writes made elsewhere seen up to 5 ms late).
      { name: "cache warm, rev ≤5 ms", url: stack.gateways.interval.url, processes: [stack.gateways.interval, directory] },
    ];
    const lines = [
      `public reads, production layout (one process per subgraph and per gateway, NODE_ENV=production); ${options.connections} connections, ${options.trials} interleaved trials of ${options.seconds} s, medians`,
    ];
    const results: Record<string, Record<string, Measured[]>> = {};
    for (const w of WORKLOADS) {
      results[w.name] = {};
      for (const path of paths) {
        results[w.name][path.name] = [];
        await trial(path.url, w, path.processes, { ...options, seconds: 2, headers: path.headers }); // warm up: JIT, sockets, the cache
      }
      for (let i = 0; i < options.trials; i++) {
        for (const path of paths) results[w.name][path.name].push(await trial(path.url, w, path.processes, { ...options, headers: path.headers }));
      }
      const errors = Object.values(results[w.name])
        .flat()
        .reduce((sum, r) => sum + r.errors, 0);
      if (errors) {
        const what = Object.entries(results[w.name]).flatMap(([path, rs]) => rs.filter((r) => r.errors).map((r) => `${path}: ${r.failures}`));
        throw new Error(`public reads bench, ${w.name}: ${errors} requests failed; no figures\n${what.join("\n")}`);
      }
      lines.push(`  ${w.name}: ${w.what}`);
      for (const path of paths) {
        const rs = results[w.name][path.name];
        const cpu = path.processes.map((p) => `${p.name.replace(/^gateway .*/, "gateway")} ${fmt(median(rs.map((r) => r.cpu[p.name])), 2)}`).join(" + ");
        lines.push(
          `    ${path.name.padEnd(20)} ${fmt(median(rs.map((r) => r.rps)), 0).padStart(6)} req/s  p50 ${fmt(median(rs.map((r) => r.p50))).padStart(6)} ms  p99 ${fmt(median(rs.map((r) => r.p99))).padStart(6)} ms  CPU ms/request: ${cpu}`,
        );
      }
    }
    const rps = (w: string, path: string) => median(results[w][path].map((r) => r.rps));
    const cpuOf = (w: string, path: string, p: BenchProcess) => median(results[w][path].map((r) => r.cpu[p.name]));
    const uncachedW1 = rps("W1", "gateway, uncached");
    const w1Cpu = cpuOf("W1", "gateway, uncached", stack.gateways.uncached) + cpuOf("W1", "gateway, uncached", directory);
    lines.push("  ratios");
    for (const w of WORKLOADS) {
      lines.push(
        `    ${w.name} cache warm / uncached W1 through the gateway: ${fmt(rps(w.name, "gateway, cache warm") / uncachedW1, 1)}x (p99 ${fmt(median(results[w.name]["gateway, cache warm"].map((r) => r.p99)))} ms, gateway CPU per hit ${fmt(cpuOf(w.name, "gateway, cache warm", stack.gateways.cached), 2)} ms)`,
      );
    }
    lines.push(
      `    W1 cache warm with GATEWAY_REVISION_MAX_AGE_MS=5 / uncached W1: ${fmt(rps("W1", "cache warm, rev ≤5 ms") / uncachedW1, 1)}x (p99 ${fmt(median(results.W1["cache warm, rev ≤5 ms"].map((r) => r.p99)))} ms, gateway CPU per hit ${fmt(cpuOf("W1", "cache warm, rev ≤5 ms", stack.gateways.interval), 2)} ms)`,
    );
    lines.push(`    W1 uncached, gateway / subgraph alone throughput: ${fmt(uncachedW1 / rps("W1", "subgraph alone"), 2)}x`);
    lines.push(`    W1 uncached, CPU per request gateway + subgraph: ${fmt(w1Cpu, 2)} ms = ${fmt(w1Cpu / BASELINE_W1_CPU_MS, 2)}x the issue's ${BASELINE_W1_CPU_MS} ms`);
    lines.push(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on this machine's cores; figures from a busy machine are slower, CPU per request less so`);
    lines.push("  peak RSS under load (VmHWM)");
    for (const p of [...Object.values(stack.subgraphs), ...Object.values(stack.gateways)]) lines.push(`    ${p.name.padEnd(20)} ${fmt(peakRssMiB(p.pid), 0)} MiB`);
    return lines;
  } finally {
    await stack.stop();
  }
}
