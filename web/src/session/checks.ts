import { createHash, timingSafeEqual } from "node:crypto";
import type { Request } from "express";

/** Whether a form's token is the expected one, in constant time (both hashed to the same length first). */
export function sameToken(presented: unknown, expected: string | undefined): boolean {
  if (typeof presented !== "string" || !presented || !expected) return false;
  const hash = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(hash(presented), hash(expected));
}

/**
 * A form posted from this site: an Origin header, when the browser sends one, must name this
 * host (a page elsewhere cannot post here even if it had a token). Compared by host, so a
 * TLS-terminating proxy in front (https outside, http here) does not refuse every form.
 */
export function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (a sandboxed frame, a redirect from elsewhere) and anything malformed
  }
}

const BASE = "http://enlace.invalid";

/**
 * Where to go after signing in: a path of this site only (never `//other.host`, `/\other`,
 * a scheme or a control character), and never back to sign-in or sign-out.
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2000 || !value.startsWith("/") || value.startsWith("//")) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE || url.pathname === "/signin" || url.pathname === "/signout") return undefined;
  return `${url.pathname}${url.search}`;
}

/** The page the visitor came from, when it is a page of this site (the Referer header). */
export function refererPath(req: Request): string | undefined {
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === req.headers.host ? localPath(`${url.pathname}${url.search}`) : undefined;
  } catch {
    return undefined;
  }
}
