import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "../../stack/start";
import { startChildStack } from "./child-stack";
import { PUBLIC_IDENTITY, signIdentity } from "../../platform/src/identity";
import { load, median, type LoadResult } from "./load";
import { peakRssMiB } from "./proc-stats";

/** The CRM site's list: 50 offices with country names and procedures. */
export const LIST_QUERY = `query List($first: Int) {
  representations(first: $first) {
    totalCount
    nodes {
      id name city kind
      sendingCountry { code name }
      hostCountry { code name }
      procedures { basis procedure { code label } }
    }
  }
}`;
const VARIABLES = { first: 50 };

async function statementsPerRequest(): Promise<{ statements: number; subgraphs: number }> {
  const dir = mkdtempSync(join(tmpdir(), "enlace-bench-sql-"));
  const stack = await startStack({ database: (name) => ({ sqlitePath: join(dir, `${name}.sqlite`) }) });
  try {
    const counters = Object.values(stack.subgraphs).map((s) => s.dataSource.statements);
    counters.forEach((c) => c.reset());
    const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LIST_QUERY, variables: VARIABLES }) });
    const body = (await response.json()) as { errors?: unknown; data?: { representations: { nodes: unknown[] } } };
    if (body.errors || body.data?.representations.nodes.length !== 50) throw new Error(`list query failed: ${JSON.stringify(body).slice(0, 300)}`);
    return { statements: counters.reduce((sum, c) => sum + c.count, 0), subgraphs: counters.length };
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Gateway vs the subgraph alone on the same list query. Trials are interleaved (gateway,
 * subgraph, gateway, ...) and medians reported, because this machine is noisy.
 */
export async function benchDirectoryList(options = { trials: 3, seconds: 5, connections: 10 }): Promise<string[]> {
  const sql = await statementsPerRequest();
  const stack = await startChildStack();
  try {
    const gatewayUrl = stack.gatewayUrl;
    const subgraphUrl = stack.subgraphUrl("directory");
    // Called directly, the subgraph wants what the gateway sends: a signed identity (valid 5 min).
    const direct = { ...options, headers: signIdentity(PUBLIC_IDENTITY, stack.identitySecret) };
    // Warm up both paths (JIT, SQLite page cache, keep-alive sockets).
    await load(gatewayUrl, LIST_QUERY, VARIABLES, { connections: options.connections, seconds: 2 });
    await load(subgraphUrl, LIST_QUERY, VARIABLES, { ...direct, seconds: 2 });
    const gateway: LoadResult[] = [];
    const subgraph: LoadResult[] = [];
    for (let i = 0; i < options.trials; i++) {
      gateway.push(await load(gatewayUrl, LIST_QUERY, VARIABLES, options));
      subgraph.push(await load(subgraphUrl, LIST_QUERY, VARIABLES, direct));
    }
    const errors = [...gateway, ...subgraph].reduce((sum, r) => sum + r.errors, 0);
    // A figure made of refused requests is worse than none.
    if (errors) throw new Error(`directory list bench: ${errors} requests failed (non-2xx or socket errors); no figures`);
    const row = (name: string, results: typeof gateway) =>
      `  ${name.padEnd(22)} ${median(results.map((r) => r.rps))
        .toFixed(0)
        .padStart(7)} req/s   p50 ${median(results.map((r) => r.p50))
        .toFixed(1)
        .padStart(6)} ms   p99 ${median(results.map((r) => r.p99))
        .toFixed(1)
        .padStart(6)} ms`;
    const ratio = median(gateway.map((r) => r.rps)) / median(subgraph.map((r) => r.rps));
    return [
      `directory list: 50 offices with country names and procedures; ${options.connections} connections, ${options.trials} interleaved trials of ${options.seconds} s, medians`,
      row("through the gateway", gateway),
      row("subgraph alone", subgraph),
      `  gateway / subgraph     ${ratio.toFixed(2)}x throughput`,
      `  SQL statements/request ${sql.statements} (across ${sql.subgraphs} subgraph${sql.subgraphs > 1 ? "s" : ""}; constant in the list length)`,
      `  errors                 ${errors}`,
      `  peak RSS under load     ${peakRssMiB(stack.pid).toFixed(0)} MiB (npm start: every subgraph and the gateway in one process)`,
    ];
  } finally {
    await stack.stop();
  }
}
