import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Router } from "express";
import { projectRoot } from "../../../platform/src/paths";

interface Asset {
  body: Buffer;
  gzip: Buffer;
  type: string;
  version: string;
}

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

let assets: Map<string, Asset> | undefined;

/** The files of web/assets/, read once, each with a content hash for its URL and a gzipped copy. */
function load(): Map<string, Asset> {
  if (assets) return assets;
  assets = new Map();
  const folder = join(projectRoot(), "web", "assets");
  for (const name of readdirSync(folder)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(folder, name));
    assets.set(name, { body, gzip: gzipSync(body, { level: 9 }), type, version: createHash("sha256").update(body).digest("hex").slice(0, 12) });
  }
  return assets;
}

/** `/assets/site.css?v=<hash>`: a new URL whenever the file changes, so it can be cached for a year. */
export function assetUrl(name: string): string {
  const asset = load().get(name);
  if (!asset) throw new Error(`web/assets/${name} does not exist`);
  return `/assets/${name}?v=${asset.version}`;
}

/** The size of an asset as sent gzipped (the bench and the page-weight test read it). */
export const gzippedSize = (name: string) => load().get(name)?.gzip.length ?? 0;

/** GET /assets/<name>: same-origin static files; gzip when the browser takes it; immutable when asked by versioned URL. */
export function mountAssets(router: Router): void {
  router.get("/assets/:name", (req, res) => {
    const asset = load().get(req.params.name);
    if (!asset) return void res.status(404).type("text/plain").send("Not found");
    const versioned = req.query.v === asset.version;
    res.setHeader("content-type", asset.type);
    res.setHeader("cache-control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
    res.setHeader("etag", `"${asset.version}"`);
    res.setHeader("vary", "Accept-Encoding");
    res.setHeader("x-content-type-options", "nosniff");
    if (req.headers["if-none-match"] === `"${asset.version}"`) return void res.status(304).end();
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.end(gzip ? asset.gzip : asset.body);
  });
}
