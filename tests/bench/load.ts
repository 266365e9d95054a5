import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests completed. */
  requests: number;
  /** What the failures were, when there were any. */
  failures: string;
}

/** POSTs one GraphQL operation as fast as `connections` clients can for `seconds`. */
export async function load(url: string, query: string, variables: Record<string, unknown>, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  let failedBody = "";
  const result = await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables }),
    connections: options.connections,
    duration: options.seconds,
    // A request slower than this counts as failed; the machine is shared, so be patient rather than refuse figures.
    timeout: 60,
    setupClient: (client) => client.on("response", (status: number) => void (status >= 300 && !failedBody && client.once("body", (body: Buffer) => (failedBody = body.toString().slice(0, 300))))),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
    failures: result.errors + result.non2xx ? `${result.errors} errors (${result.timeouts} timeouts), non-2xx: ${JSON.stringify(result.statusCodeStats)} ${failedBody}` : "",
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
