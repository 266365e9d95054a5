import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Express } from "express";
import { ruruHTML } from "ruru/server";
import { serveStatic } from "ruru/static";
import { OPERATIONS_DIR } from "./paths";

const STATIC_PATH = "/playground-assets/";

/** The example operations of operations/, shown in the playground's first tab. */
export function exampleOperations(dir = OPERATIONS_DIR): string {
  const files = readdirSync(dir).filter((name) => name.endsWith(".graphql")).sort();
  return files.map((name) => `# operations/${name}\n${readFileSync(join(dir, name), "utf8").trim()}\n`).join("\n");
}

/**
 * GraphiQL (the ruru distribution) served by the gateway itself, assets included, so that
 * it works with no internet: ruru's default asset location is a CDN.
 */
export function mountPlayground(app: Express, endpoint: string): void {
  const html = ruruHTML({
    endpoint,
    staticPath: STATIC_PATH,
    // ruru's typings mark every GraphiQL prop required; it reads only those given.
    clientConfig: {
      initialQuery: exampleOperations(),
      initialVariables: JSON.stringify({ sending: ["HT"], hosts: ["MX", "DO"] }, null, 2),
    } as never,
  });
  // Not mounted at STATIC_PATH: Express would strip it from req.url, and ruru matches on it.
  app.use(serveStatic(STATIC_PATH) as never);
  app.get(endpoint, (req, res, next) => {
    if (!req.accepts(["application/json", "text/html"]) || req.accepts(["application/json", "text/html"]) !== "text/html") return next();
    res.type("html").send(html);
  });
  app.get("/", (_req, res) => res.redirect(endpoint));
}
