import type { Request, Response } from "express";
import type { Api } from "../api/graphql";
import { localHref, type PageContext } from "../components/layout";
import { messagePage } from "../components/message-page";
import type { PageHandler, PageResult } from "../http/page";
import { sameOrigin, sameToken } from "./checks";

export type Role = "OFFICIAL" | "SECRETARIAT";

const signInHref = (ctx: PageContext, next: string) => localHref(ctx, "/signin", { next });

/** 403 for a signed-in visitor whose key has another role: which key the page needs. */
function wrongRole(ctx: PageContext, role: Role, req: Request): PageResult {
  const { t } = ctx;
  const message = role === "SECRETARIAT" ? t("access.needSecretariat") : t("access.needOfficial");
  return messagePage(ctx, 403, t("access.title"), message, { href: signInHref(ctx, req.method === "GET" ? req.originalUrl : "/"), text: t("access.signInOther") });
}

/**
 * A page for one role: anonymous visitors are sent to sign in (and brought back), a
 * signed-in visitor with another role gets a 403 that says which key the page needs.
 */
export function forRole(role: Role, handler: PageHandler): PageHandler {
  return async (ctx, api, req, res) => {
    if (ctx.viewer.role === "PUBLIC") {
      res.redirect(303, signInHref(ctx, req.originalUrl));
      return undefined;
    }
    if (ctx.viewer.role !== role) return wrongRole(ctx, role, req);
    return handler(ctx, api, req, res);
  };
}

/** The form's fields as strings (a field sent twice, or not at all, is ""). */
export function formField(req: Request, name: string, max = 10_000): string {
  const body = req.body as Record<string, unknown> | undefined;
  const value = body && typeof body === "object" ? body[name] : undefined;
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** 403: the form did not come from this site's page for this session. */
export function refusedForm(ctx: PageContext): PageResult {
  const { t } = ctx;
  return messagePage(ctx, 403, t("csrf.title"), t("csrf.message"), { href: localHref(ctx, "/"), text: t("nav.directory") });
}

/**
 * A form that writes: it must come from this site (Origin, when sent) and carry this
 * session's CSRF token (compared in constant time); then the role is checked. Refused
 * forms change nothing.
 */
export function postedForm(role: Role, handler: (ctx: PageContext, api: Api, req: Request, res: Response) => Promise<PageResult | undefined>): PageHandler {
  return async (ctx, api, req, res) => {
    if (!sameOrigin(req) || !sameToken(formField(req, "csrf", 200), ctx.viewer.csrf)) return refusedForm(ctx);
    if (ctx.viewer.role !== role) return wrongRole(ctx, role, req);
    return handler(ctx, api, req, res);
  };
}
