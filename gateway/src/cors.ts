import cors from "cors";
import type { RequestHandler } from "express";

/**
 * The origins allowed to call the API from a browser (`CORS_ORIGINS`, comma-separated,
 * e.g. `https://www.crmsv.org,https://crmsv.org`); none by default. Each must be an
 * origin (scheme, host, port), the way browsers send it: a typo fails at start.
 */
export function corsOriginsFromEnv(env = process.env): string[] {
  const origins = (env.CORS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin like https://www.example.org (scheme, host and port only, no path or trailing slash)`);
  }
  return origins;
}

/**
 * CORS for the listed origins, with a working preflight: `OPTIONS /graphql` from an
 * allowed origin is answered here (204) instead of reaching Apollo Server, whose CSRF
 * prevention refused it with 400. Other origins get no CORS headers, so browsers keep
 * their pages out; CSRF prevention stays on for every request that reaches Apollo Server.
 * Answers vary by Origin, so a shared cache never hands one origin's headers to another.
 */
export function corsFor(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["content-type", "authorization", "x-api-key", "x-request-id", "accept-language", "apollo-require-preflight"],
    exposedHeaders: ["x-request-id"],
    maxAge: 600,
  });
}
