import { gunzipSync, gzipSync } from "node:zlib";
import type { Request, Response } from "express";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { strongEtag } from "../../../platform/src/response-store";

export interface WebConfig {
  /** Origins allowed to frame /embed (CSP frame-ancestors); none by default. */
  frameOrigins: string[];
  /** Session cookies marked Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Cache-Control of public pages. */
  publicCacheControl: string;
}

/** Content-Security-Policy: nothing from another host, no inline script or style. */
export function contentSecurityPolicy(frameAncestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export interface RenderedPage {
  gzip: Buffer;
  /** The HTML itself; a page kept by the cache has only its gzipped bytes, unzipped here for the rare client without gzip. */
  body?: Buffer;
  etag: string;
}

export function renderPage(vnode: VNode): RenderedPage {
  const body = Buffer.from(`<!doctype html>${renderToString(vnode)}`);
  return { body, gzip: gzipSync(body, { level: 6 }), etag: strongEtag(body) };
}

/**
 * Sends a page: security headers always; public pages with the public Cache-Control, a
 * strong ETag and 304 for a matching If-None-Match; pages for a signed-in visitor
 * `private, no-store`. Gzip when the browser accepts it.
 */
export function sendPage(req: Request, res: Response, page: RenderedPage, options: { isPublic: boolean; cacheControl: string; frameAncestors?: string[]; status?: number; cache?: string }): void {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", contentSecurityPolicy(options.frameAncestors ?? []));
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
  if (!options.frameAncestors?.length) res.setHeader("x-frame-options", "DENY");
  res.setHeader("vary", "Accept-Language, Accept-Encoding, Cookie");
  if (options.cache) res.setHeader("x-cache", options.cache);
  const status = options.status ?? 200;
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (options.isPublic && status === 200) {
    // Strong ETags differ per representation: the gzipped bytes have their own.
    const etag = gzip ? page.etag.replace(/"$/, '-gz"') : page.etag;
    res.setHeader("cache-control", options.cacheControl);
    res.setHeader("etag", etag);
    if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) return void res.status(304).end();
  } else {
    res.setHeader("cache-control", "private, no-store");
  }
  if (gzip) res.setHeader("content-encoding", "gzip");
  res.status(status).end(gzip ? page.gzip : (page.body ?? gunzipSync(page.gzip)));
}
