import type { RequestHandler } from "express";
import { PUBLIC_IDENTITY } from "../../../platform/src/identity";
import { log } from "../../../platform/src/log";
import type { KeyStore } from "./key-store";

/** The key of a request: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(authorization: string | undefined, apiKey: string | string[] | undefined): string | undefined {
  if (authorization?.toLowerCase().startsWith("bearer ")) return authorization.slice(7).trim();
  return typeof apiKey === "string" ? apiKey.trim() : undefined;
}

/**
 * No key: PUBLIC. A key that is malformed, unknown or revoked: 401, never a silent
 * downgrade to PUBLIC (an official must know their key stopped working).
 */
export function authenticate(keys: KeyStore): RequestHandler {
  return async (req, res, next) => {
    const key = presentedKey(req.headers.authorization, req.headers["x-api-key"]);
    if (!key) {
      res.locals.identity = PUBLIC_IDENTITY;
      return next();
    }
    try {
      const { identity, retryAfterSeconds } = await keys.authenticateFrom(key, req.socket.remoteAddress ?? "?");
      if (identity) {
        res.locals.identity = identity;
        return next();
      }
      if (retryAfterSeconds > 0) {
        res.setHeader("retry-after", String(retryAfterSeconds));
        res.status(429).json({
          errors: [{ message: `Too many failed keys from this address or for this key id: try again in ${retryAfterSeconds} s`, extensions: { code: "TOO_MANY_REQUESTS", retryAfterSeconds } }],
        });
        return;
      }
      log("info", "auth.refused", { requestId: res.getHeader("x-request-id"), remote: req.socket.remoteAddress });
      res.status(401).json({ errors: [{ message: "Unauthenticated: the API key is not valid or has been revoked", extensions: { code: "UNAUTHENTICATED" } }] });
    } catch (error) {
      next(error);
    }
  };
}
