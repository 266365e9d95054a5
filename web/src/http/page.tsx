import type { Request, RequestHandler, Response } from "express";
import type { RevisionSource } from "../ports";
import { ResponseStore } from "../../../platform/src/response-store";
import { log } from "../../../platform/src/log";
import { Api, ApiUnavailable } from "../api/graphql";
import { localHref, type PageContext, type Viewer } from "../components/layout";
import { messagePage } from "../components/message-page";
import { pageLang, translator } from "../i18n";
import { renderPage, sendPage, type RenderedPage, type WebConfig } from "./respond";

export type { PageResult } from "./page-result";
import type { PageResult } from "./page-result";

export type PageHandler = (ctx: PageContext, api: Api, req: Request, res: Response) => Promise<PageResult | undefined>;

/** Who is asking: the session's viewer and key, or the public. Sessions live in web/src/session/. */
export type ViewerOf = (req: Request, res: Response) => Promise<{ viewer: Viewer; key?: string }>;

export interface PageDeps {
  config: WebConfig;
  revision: RevisionSource;
  viewerOf: ViewerOf;
  /** Rendered public pages, by directory revision, language and URL. */
  store: ResponseStore | undefined;
}

export function pageContext(req: Request, viewer: Viewer): PageContext {
  const { lang } = pageLang(req.query.lang, req.headers["accept-language"]);
  const url = new URL(req.originalUrl, "http://local");
  url.searchParams.delete("lang");
  return { lang, t: translator(lang), path: req.path, query: url.searchParams, viewer };
}

function errorPage(ctx: PageContext, status: number, message: string): RenderedPage {
  const title = ctx.t(status === 404 ? "error.notFoundTitle" : "error.title");
  return renderPage(messagePage(ctx, status, title, message, { href: localHref(ctx, "/"), text: ctx.t("nav.directory") }).body);
}

/**
 * A page: its language, viewer and API client; for an anonymous visitor, the rendered page
 * is kept by directory revision, language and URL, so the next visitor gets the same bytes
 * without a GraphQL call (the same rule as the API's public cache: any directory write
 * changes the revision).
 */
export function page(deps: PageDeps, handler: PageHandler, options: { /** Origins that may frame the route's pages (the embed). */ frameAncestors?: string[] } = {}): RequestHandler {
  const frameAncestors = options.frameAncestors ?? [];
  return async (req, res, next) => {
    try {
      const { viewer, key } = await deps.viewerOf(req, res);
      const ctx = pageContext(req, viewer);
      // A response that sets a cookie (a dead session's cookie cleared) is nobody else's: never shared.
      const anonymous = viewer.role === "PUBLIC" && !res.getHeader("set-cookie");
      const cacheKey = `${ctx.lang}\u0000${req.originalUrl}`;
      let revision: string | undefined;
      if (anonymous && deps.store && req.method === "GET") {
        try {
          revision = await deps.revision.current();
        } catch (error) {
          log("warn", "web.revision_unavailable", { message: error instanceof Error ? error.message : String(error) });
        }
        const stored = revision === undefined ? undefined : deps.store.get(revision, cacheKey);
        if (stored) return sendPage(req, res, { gzip: stored.body, etag: stored.etag }, { isPublic: true, cacheControl: deps.config.publicCacheControl, frameAncestors, cache: "HIT" });
      }
      let result: PageResult | undefined;
      try {
        result = await handler(ctx, Api.forRequest(req, key), req, res);
      } catch (error) {
        if (!(error instanceof ApiUnavailable)) throw error;
        log("warn", "web.api_unavailable", { path: req.path, status: error.status, message: error.message });
        return sendPage(req, res, errorPage(ctx, 503, ctx.t("error.unavailable")), { isPublic: false, cacheControl: "", status: 503 });
      }
      if (!result) return; // the handler answered (a redirect, a file)
      const rendered = renderPage(result.body);
      const status = result.status ?? 200;
      const shared = anonymous && result.shared !== false && status === 200;
      // Kept gzipped only: nearly every browser takes gzip; the rest get it unzipped (sendPage).
      if (shared && revision !== undefined && deps.store) rendered.etag = deps.store.set(revision, cacheKey, rendered.gzip, deps.config.publicCacheControl).etag;
      sendPage(req, res, rendered, { isPublic: shared, cacheControl: deps.config.publicCacheControl, frameAncestors, status, cache: shared && deps.store ? "MISS" : undefined });
    } catch (error) {
      next(error);
    }
  };
}

/** A page that says what went wrong in the visitor's language, for paths nothing else answers. */
export function notFound(deps: PageDeps): RequestHandler {
  return async (req, res, next) => {
    try {
      const { viewer } = await deps.viewerOf(req, res);
      const ctx = pageContext(req, viewer);
      sendPage(req, res, errorPage(ctx, 404, ctx.t("error.notFound")), { isPublic: false, cacheControl: "", status: 404 });
    } catch (error) {
      next(error);
    }
  };
}
