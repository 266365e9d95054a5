import type { Express } from "express";
import { ruruHTML } from "ruru/server";
import { serveStatic } from "ruru/static";
import { exampleOperations, headersHint } from "./playground-examples";

const STATIC_PATH = "/playground-assets/";

/**
 * GraphiQL (the ruru distribution) served by the gateway itself, assets included, so that
 * it works with no internet: ruru's default asset location is a CDN. One tab per example
 * operation of operations/, each with sample variables and the API-key header to use.
 */
export function mountPlayground(app: Express, endpoint: string): void {
  const defaultTabs = exampleOperations().map((example) => ({
    query: example.query,
    variables: JSON.stringify(example.variables, null, 2),
    headers: headersHint(example.role),
  }));
  const html = ruruHTML({
    endpoint,
    staticPath: STATIC_PATH,
    htmlParts: { titleTag: "<title>Enlace — GraphQL playground</title>" },
    // ruru passes its client config on to GraphiQL; its typings list only some props (not defaultTabs).
    clientConfig: { defaultTabs, isHeadersEditorEnabled: true, defaultEditorToolsVisibility: "variables" } as never,
  });
  // Not mounted at STATIC_PATH: Express would strip it from req.url, and ruru matches on it.
  app.use(serveStatic(STATIC_PATH) as never);
  app.get(endpoint, (req, res, next) => {
    if (!req.accepts(["application/json", "text/html"]) || req.accepts(["application/json", "text/html"]) !== "text/html") return next();
    // The playground runs queries with the visitor's headers: no other site may frame it (clickjacking).
    res.setHeader("x-frame-options", "DENY");
    res.setHeader("content-security-policy", "frame-ancestors 'none'");
    res.type("html").send(html);
  });
}
