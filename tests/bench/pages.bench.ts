import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../../platform/src/paths";
import { loadavg } from "node:os";
import { median } from "./load";
import { cpuMs, peakRssMiB } from "./proc-stats";
import { startProcessStack, type BenchProcess } from "./process-stack";

/** The pages a CRM site visitor and a border official open first. */
export const PAGE_WORKLOADS = [
  { name: "directory page", path: "/?lang=es" },
  { name: "lookup page, empty form", path: "/lookup?lang=es" },
  { name: "lookup page, BD+NP at Tapachula", path: "/lookup?lang=es&nationality=BD&nationality=NP&place=Tapachula" },
  { name: "lookup page, IN at Paso Canoas", path: "/lookup?lang=es&nationality=IN&place=Paso+Canoas" },
];

const gzipped = (name: string) => gzipSync(readFileSync(join(projectRoot(), "web", "assets", name)), { level: 9 }).length;

interface PageLoad {
  rps: number;
  p50: number;
  p99: number;
  /** Bytes on the wire per page (gzip, headers included). */
  bytes: number;
  errors: number;
  cpu: Record<string, number>;
}

async function loadPage(url: string, processes: BenchProcess[], seconds: number, connections: number): Promise<PageLoad> {
  const before = processes.map((p) => cpuMs(p.pid));
  const result = await autocannon({ url, method: "GET", headers: { "accept-encoding": "gzip", "accept-language": "es" }, connections, duration: seconds, timeout: 60 });
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: result.throughput.total / requests,
    errors: result.errors + result.non2xx,
    cpu: Object.fromEntries(processes.map((p, i) => [p.name, (cpuMs(p.pid) - before[i]) / requests])),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

/**
 * The web pages (web/) in the production layout: each page through a gateway whose
 * caches are off (every request renders the page from API answers computed afresh by the
 * subgraphs: "cold") and through one with the public cache on, warm ("cached": the
 * rendered page's bytes, no GraphQL call).
 */
export async function benchPages(options = { trials: 3, seconds: 5, connections: 10 }): Promise<string[]> {
  const stack = await startProcessStack({ cold: { GATEWAY_RESPONSE_CACHE: "0" }, cached: {} });
  try {
    const directory = stack.subgraphs.directory;
    const paths = [
      { name: "cold", gateway: stack.gateways.cold },
      { name: "cached", gateway: stack.gateways.cached },
    ];
    const lines = [`web pages, production layout, GET with gzip, ${options.connections} connections, ${options.trials} interleaved trials of ${options.seconds} s, medians`];
    for (const page of PAGE_WORKLOADS) {
      const results: Record<string, PageLoad[]> = {};
      for (const path of paths) {
        results[path.name] = [];
        await loadPage(`${new URL(path.gateway.url).origin}${page.path}`, [path.gateway, directory], 2, options.connections); // warm up
      }
      for (let i = 0; i < options.trials; i++)
        for (const path of paths) results[path.name].push(await loadPage(`${new URL(path.gateway.url).origin}${page.path}`, [path.gateway, directory], options.seconds, options.connections));
      const errors = Object.values(results)
        .flat()
        .reduce((sum, r) => sum + r.errors, 0);
      if (errors) throw new Error(`pages bench, ${page.name}: ${errors} requests failed; no figures`);
      lines.push(`  ${page.name} (${page.path})`);
      for (const path of paths) {
        const rs = results[path.name];
        const cpu = [path.gateway, directory].map((p) => `${p.name.replace(/^gateway .*/, "gateway")} ${fmt(median(rs.map((r) => r.cpu[p.name])), 2)}`).join(" + ");
        lines.push(
          `    ${path.name.padEnd(7)} ${fmt(median(rs.map((r) => r.rps)), 0).padStart(6)} req/s  p50 ${fmt(median(rs.map((r) => r.p50))).padStart(6)} ms  p99 ${fmt(median(rs.map((r) => r.p99))).padStart(6)} ms  ${fmt(median(rs.map((r) => r.bytes)) / 1024, 1).padStart(5)} kB/page  CPU ms/page: ${cpu}`,
        );
      }
      lines.push(`    cached / cold: ${fmt(median(results.cached.map((r) => r.rps)) / median(results.cold.map((r) => r.rps)), 1)}x`);
    }
    const assets = ["site.css", "print.css", "site.js", "icon.svg"].map(gzipped);
    lines.push(`  assets once per visitor (gzip, cached a year): ${fmt(assets.reduce((a, b) => a + b, 0) / 1024)} kB, of which JavaScript ${fmt(gzipped("site.js") / 1024)} kB`);
    lines.push(`  machine load average (1 min) at the end: ${loadavg()[0].toFixed(1)}`);
    lines.push(`  peak RSS (VmHWM): ${paths.map((p) => `gateway ${p.name} ${fmt(peakRssMiB(p.gateway.pid), 0)} MiB`).join(", ")}`);
    return lines;
  } finally {
    await stack.stop();
  }
}
