import express, { type Request, type Response, type Router } from "express";
import { log } from "../../../platform/src/log";
import { localHref, type PageContext } from "../components/layout";
import { page, type PageDeps } from "../http/page";
import { signInPage } from "../pages/signin";
import { localPath, refererPath, sameOrigin, sameToken } from "./checks";
import { clearCookie, cookieOf, secureFor, SESSION_COOKIE, setCookie, SIGNIN_COOKIE } from "./cookies";
import { formField, refusedForm } from "./guard";
import { randomToken, type SessionStore } from "./session-store";
import type { KeyCheck } from "./viewer";

/** Forms are small: a key, a comment, a few corrected details. Only the web's POST routes parse them. */
export const formBody = express.urlencoded({ extended: false, limit: "16kb" });

/** How long the sign-in form's token lives (its cookie's Max-Age). */
const SIGNIN_TOKEN_SECONDS = 3600;
/** Longer than any key (`enl_<12 hex>_<43 base64url>`): anything beyond is not tried. */
const MAX_KEY_LENGTH = 200;

/**
 * Sign-in and sign-out. The sign-in form carries its own CSRF token (login CSRF: no other
 * site can sign a visitor in with the other site's key), double-submitted in a cookie that
 * only /signin receives.
 */
export function mountSignIn(router: Router, deps: PageDeps, sessions: SessionStore, keys: KeyCheck): void {
  const secure = (req: Request) => secureFor(req, deps.config.secureCookies);
  const idleHours = Math.round((sessions.limits.idleMs / 3600_000) * 10) / 10;
  const signinToken = (req: Request, res: Response) => {
    const existing = cookieOf(req, SIGNIN_COOKIE);
    if (existing) return existing; // several tabs open the form: one token
    const token = randomToken();
    setCookie(res, SIGNIN_COOKIE, token, { secure: secure(req), path: "/signin", maxAge: SIGNIN_TOKEN_SECONDS });
    return token;
  };
  const freshToken = (req: Request, res: Response) => {
    const token = randomToken();
    setCookie(res, SIGNIN_COOKIE, token, { secure: secure(req), path: "/signin", maxAge: SIGNIN_TOKEN_SECONDS });
    return token;
  };

  router.get(
    "/signin",
    page(deps, async (ctx, _api, req, res) => signInPage(ctx, { token: signinToken(req, res), next: localPath(req.query.next) ?? refererPath(req), idleHours })),
  );

  router.post(
    "/signin",
    formBody,
    page(deps, async (ctx, _api, req, res) => {
      const next = localPath(formField(req, "next", 2100));
      if (!sameOrigin(req) || !sameToken(formField(req, "csrf", 200), cookieOf(req, SIGNIN_COOKIE))) {
        return signInPage(ctx, { token: freshToken(req, res), next, error: "expired", status: 403, idleHours });
      }
      const address = req.socket.remoteAddress ?? "?";
      const key = formField(req, "key", MAX_KEY_LENGTH + 1).trim();
      // Sign-ins per address, and failed keys per address and key id, are throttled (gateway/src/auth/throttle.ts).
      const signInWait = await keys.throttle.signIn(address);
      const checked =
        signInWait > 0 ? { identity: null, retryAfterSeconds: signInWait } : key && key.length <= MAX_KEY_LENGTH ? await keys.authenticateFrom(key, address) : { identity: null, retryAfterSeconds: 0 };
      const identity = checked.identity;
      if (checked.retryAfterSeconds > 0) {
        log("info", "web.signin_throttled", { requestId: res.getHeader("x-request-id"), remote: address, retryAfterSeconds: checked.retryAfterSeconds });
        res.setHeader("retry-after", String(checked.retryAfterSeconds));
        return signInPage(ctx, { token: freshToken(req, res), next, error: "tooMany", status: 429, idleHours, retryAfterSeconds: checked.retryAfterSeconds });
      }
      if (!identity) {
        log("info", "web.signin_refused", { requestId: res.getHeader("x-request-id"), remote: req.socket.remoteAddress });
        return signInPage(ctx, { token: freshToken(req, res), next, error: "wrongKey", status: 400, idleHours });
      }
      const previous = cookieOf(req, SESSION_COOKIE);
      if (previous) await sessions.end(previous);
      const { id } = await sessions.create(key, identity.keyId ?? "?");
      setCookie(res, SESSION_COOKIE, id, { secure: secure(req) });
      clearCookie(res, SIGNIN_COOKIE, { secure: secure(req), path: "/signin" });
      log("info", "web.signin", { requestId: res.getHeader("x-request-id"), keyId: identity.keyId, role: identity.role });
      res.redirect(303, next ?? home(ctx));
      return undefined;
    }),
  );

  router.post(
    "/signout",
    formBody,
    page(deps, async (ctx, _api, req, res) => {
      const id = cookieOf(req, SESSION_COOKIE);
      // Signing out of a session that has already ended needs no token: there is nothing to end.
      if (id && ctx.viewer.role !== "PUBLIC") {
        if (!sameOrigin(req) || !sameToken(formField(req, "csrf", 200), ctx.viewer.csrf)) return refusedForm(ctx);
        await sessions.end(id);
      }
      clearCookie(res, SESSION_COOKIE, { secure: secure(req) });
      res.redirect(303, home(ctx));
      return undefined;
    }),
  );
}

const home = (ctx: PageContext) => localHref(ctx, "/");
