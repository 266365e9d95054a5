import type { Request, Response } from "express";

/** The session cookie: an opaque id; the key stays on the server. */
export const SESSION_COOKIE = "enlace_session";
/** The sign-in form's own CSRF token (login CSRF), before there is a session. */
export const SIGNIN_COOKIE = "enlace_signin";

/** A cookie's value from the request's Cookie header (no dependency: two cookies, base64url values). */
export function cookieOf(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

export interface CookieOptions {
  /** Secure: sent over HTTPS only (WEB_SECURE_COOKIES=1, or the request came over HTTPS). */
  secure: boolean;
  path?: string;
  /** Seconds; none = until the browser closes (the server expires sessions on its own). */
  maxAge?: number;
}

/**
 * Adds a Set-Cookie header: always HttpOnly (no script reads it) and SameSite=Strict (no
 * other site's page or link sends it).
 */
export function setCookie(res: Response, name: string, value: string, options: CookieOptions): void {
  const parts = [`${name}=${value}`, `Path=${options.path ?? "/"}`, "HttpOnly", "SameSite=Strict"];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.secure) parts.push("Secure");
  res.append("set-cookie", parts.join("; "));
}

export function clearCookie(res: Response, name: string, options: CookieOptions): void {
  setCookie(res, name, "", { ...options, maxAge: 0 });
}

/** Whether cookies must be Secure for this request. */
export const secureFor = (req: Request, secureCookies: boolean) => secureCookies || req.secure;
