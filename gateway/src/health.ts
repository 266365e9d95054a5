import type { Express } from "express";
import { PUBLIC_IDENTITY, signIdentity } from "../../platform/src/identity";

/**
 * /healthz: the gateway process is alive. /readyz: every subgraph answers a trivial query
 * within the timeout, so that a load balancer only routes to a gateway that can serve.
 */
export function mountHealth(app: Express, subgraphUrls: Record<string, string>, identitySecret: string, timeoutMs = 2000): void {
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", ...signIdentity(PUBLIC_IDENTITY, identitySecret) },
            body: JSON.stringify({ query: "{ __typename }" }),
            signal: AbortSignal.timeout(timeoutMs),
          });
          const body = (await response.json()) as { data?: { __typename?: string } };
          return [name, response.ok && body.data?.__typename === "Query" ? "up" : `down: HTTP ${response.status}`] as const;
        } catch (error) {
          return [name, `down: ${(error as Error).message}`] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === "up");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", subgraphs: Object.fromEntries(checks) });
  });
}
