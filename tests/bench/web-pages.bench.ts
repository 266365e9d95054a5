import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../gateway/src/paths";
import { median } from "./load";
import { startProcessStack } from "./process-stack";

interface PageLoad {
  rps: number;
  p99: number;
  /** Bytes on the wire per request (headers and gzipped body). */
  bytes: number;
  errors: number;
}

/**
 * GETs a page as fast as `connections` clients can. `cold` adds a counter to the URL, so
 * no rendered page is ever reused (the API's own answers still may be, as for any visitor
 * asking what someone asked before).
 */
async function loadPage(origin: string, path: string, options: { connections: number; seconds: number; cold: boolean }): Promise<PageLoad> {
  let n = 0;
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 60,
    headers: { "accept-encoding": "gzip", "accept-language": "es" },
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: options.cold ? `${path}&bench=${n++}` : path }) }],
  });
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.total / Math.max(1, result.requests.total), errors: result.errors + result.non2xx };
}

const PAGES = [
  { name: "directory", path: "/?lang=es" },
  { name: "lookup, empty form", path: "/lookup?lang=es" },
  { name: "lookup, BD+NP at Tapachula", path: "/lookup?lang=es&nationality=BD&nationality=NP&place=Tapachula" },
  { name: "lookup, IN at Paso Canoas", path: "/lookup?lang=es&nationality=IN&place=Paso+Canoas" },
];

const gzipped = (name: string) => gzipSync(readFileSync(join(projectRoot(), "web", "assets", name)), { level: 9 }).length;

/**
 * The web pages in the production layout: the directory (front page) and the border
 * lookup, cold (every page rendered, from GraphQL answers) and cached (the same URL again:
 * the rendered page's bytes), with req/s, p99 and bytes transferred.
 */
export async function benchWebPages(options = { trials: 3, seconds: 4, connections: 10 }): Promise<string[]> {
  const stack = await startProcessStack({ web: {} });
  try {
    const origin = new URL(stack.gateways.web.url).origin;
    const lines = [`web pages, production layout, gzip, ${options.connections} connections, ${options.trials} trials of ${options.seconds} s, medians`];
    for (const page of PAGES) {
      for (const cold of [true, false]) {
        await loadPage(origin, page.path, { ...options, seconds: 1, cold }); // warm up: JIT, sockets, the caches
        const trials: PageLoad[] = [];
        for (let i = 0; i < options.trials; i++) trials.push(await loadPage(origin, page.path, { ...options, cold }));
        const errors = trials.reduce((sum, t) => sum + t.errors, 0);
        if (errors) throw new Error(`web pages bench, ${page.name}: ${errors} requests failed; no figures`);
        const m = (pick: (t: PageLoad) => number) => median(trials.map(pick));
        lines.push(`  ${`${page.name}, ${cold ? "cold" : "cached"}`.padEnd(36)} ${m((t) => t.rps).toFixed(0).padStart(6)} req/s  p99 ${m((t) => t.p99).toFixed(1).padStart(6)} ms  ${(m((t) => t.bytes) / 1024).toFixed(1).padStart(5)} kB per page`);
      }
    }
    const assets = ["site.css", "print.css", "site.js", "icon.svg"].map((name) => gzipped(name));
    lines.push(`  assets once per visitor (gzip, cached a year): ${(assets.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} kB, of which JavaScript ${(gzipped("site.js") / 1024).toFixed(1)} kB`);
    return lines;
  } finally {
    await stack.stop();
  }
}
