import type { Request, Response } from "express";
import { log } from "../../../platform/src/log";
import { PUBLIC_VIEWER, type Viewer } from "../components/layout";
import type { ViewerOf } from "../http/page";
import { clearCookie, cookieOf, secureFor, SESSION_COOKIE } from "./cookies";
import type { SessionStore } from "./session-store";

export type { KeyCheck } from "../ports";
import type { KeyCheck } from "../ports";

/**
 * Who is asking, for every page: the session named by the cookie, its key authenticated
 * again on every request (KeyStore.authenticate, with the same key cache as the API), so
 * a revoked key ends its sessions within the window the API itself allows. A session whose
 * key no longer authenticates is ended, its cookie cleared, and the visitor is PUBLIC.
 * Memoised per request: a handler and the page wrapper may both ask.
 */
export function sessionViewerOf(sessions: SessionStore, keys: KeyCheck, secureCookies: boolean): ViewerOf {
  const seen = new WeakMap<Request, Promise<{ viewer: Viewer; key?: string }>>();
  const resolve = async (req: Request, res: Response): Promise<{ viewer: Viewer; key?: string }> => {
    const id = cookieOf(req, SESSION_COOKIE);
    if (!id) return { viewer: PUBLIC_VIEWER };
    const session = await sessions.touch(id);
    const identity = session ? await keys.authenticate(session.key) : null;
    if (!session || !identity) {
      if (session) log("info", "web.session_key_refused", { requestId: res.getHeader("x-request-id") });
      await sessions.end(id);
      if (!res.headersSent) clearCookie(res, SESSION_COOKIE, { secure: secureFor(req, secureCookies) });
      return { viewer: PUBLIC_VIEWER };
    }
    const label = identity.country ? `${identity.role} · ${identity.country}` : identity.role;
    return { viewer: { role: identity.role, country: identity.country ?? null, label, csrf: session.csrf }, key: session.key };
  };
  return (req, res) => {
    let answer = seen.get(req);
    if (!answer) seen.set(req, (answer = resolve(req, res)));
    return answer;
  };
}
