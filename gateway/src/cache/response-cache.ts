import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { langFromAcceptLanguage } from "../../../platform/src/lang";
import { Role, type Identity } from "../../../platform/src/identity";
import { log } from "../../../platform/src/log";
import type { GatewayContext } from "../context";
import type { CachePolicy } from "./cache-policy";
import type { CacheConfig } from "./cache-config";
import { loadTrustedDocuments, type TrustedDocument } from "./persisted-documents";
import type { DirectoryRevision } from "./revision";
import { prereadOf, type FastKeys } from "./fast-path";
import { strongEtag, type ResponseStore, type StoredResponse } from "../../../platform/src/response-store";

export const PRIVATE_NO_STORE = "private, no-store";

/** How many request digests the cache remembers as asked once (about 100 bytes each). */
const SEEN_MAX = 100_000;

/**
 * The cache key of an anonymous request: SHA-256 of its language, operation name,
 * variables (validated JSON, depth-checked before: request-guard.ts), query text and
 * extensions.
 */
export function requestDigest(lang: string, operationName: string, variables: unknown, query: string, extensions: unknown = null): string {
  return createHash("sha256")
    .update(lang)
    .update("\u0000")
    .update(operationName)
    .update("\u0000")
    .update(JSON.stringify(variables))
    .update("\u0000")
    .update(query)
    .update("\u0000")
    .update(JSON.stringify(extensions))
    .digest("base64url");
}
/** Shared caches must tell anonymous callers from callers with a key, and languages apart. */
export const VARY = "Accept-Language, Authorization, X-API-Key";
/** With CORS origins allowed, answers also differ by Origin (its CORS headers): so a shared cache must know. */
export const varyFor = (corsOrigins: string[]) => (corsOrigins.length ? `${VARY}, Origin` : VARY);

const isPublicAnswer = (cacheControl: unknown) => typeof cacheControl === "string" && cacheControl.startsWith("public");

/**
 * Decides each answer's Cache-Control: public only for an anonymous query without errors
 * whose every field is public directory data (CachePolicy); `private, no-store` for the
 * rest. Apollo's own cache-control plugin is replaced by this one (see server hook).
 */
export function cacheHeadersPlugin(policy: CachePolicy, config: CacheConfig, revision: DirectoryRevision, vary = VARY): ApolloServerPlugin<GatewayContext> {
  const publicHeader = `public, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleWhileRevalidateSeconds}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response, source, document }) {
          if (operation?.operation === "mutation") revision.invalidate(); // before the caller hears back
          const cacheable =
            contextValue.identity.role === Role.PUBLIC &&
            operation?.operation === "query" &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors &&
            (response.http.status ?? 200) === 200 &&
            source !== undefined &&
            policy.reasonNotToCache(source, document) === null;
          response.http.headers.set("cache-control", cacheable ? publicHeader : PRIVATE_NO_STORE);
          if (cacheable) response.http.headers.set("vary", vary);
        },
      };
    },
  };
}

function sendStored(req: Request, res: Response, entry: StoredResponse, cache: string | undefined, vary: string): void {
  res.setHeader("cache-control", entry.cacheControl);
  res.setHeader("vary", vary);
  res.setHeader("etag", entry.etag);
  if (cache) res.setHeader("x-cache", cache);
  if ((req.method === "GET" || res.locals.viaGet) && req.headers["if-none-match"]?.split(/\s*,\s*/).includes(entry.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", entry.body.length);
  res.statusCode = 200;
  res.end(entry.body);
}

/** GET /graphql?documentId=sha256:…&variables=…&operationName=…: a trusted document, answered as the same POST would be. */
function trustedGet(documents: Map<string, TrustedDocument>, req: Request, res: Response): boolean {
  const id = req.query.documentId ?? req.query.id;
  if (req.method !== "GET" || typeof id !== "string") return true;
  const document = documents.get(id.includes(":") ? id : `sha256:${id}`);
  const fail = (status: number, code: string, message: string) => (res.status(status).json({ errors: [{ message, extensions: { code } }] }), false);
  if (!document) return fail(404, "PERSISTED_DOCUMENT_NOT_FOUND", `No trusted document has the id ${id}; POST the query instead`);
  if (document.operation !== "query") return fail(405, "METHOD_NOT_ALLOWED", "Only queries may be sent with GET");
  let variables: unknown;
  try {
    variables = typeof req.query.variables === "string" ? JSON.parse(req.query.variables) : undefined;
  } catch {
    return fail(400, "BAD_REQUEST", "variables is not valid JSON");
  }
  req.body = { query: document.text, ...(variables !== undefined && { variables }), ...(typeof req.query.operationName === "string" && { operationName: req.query.operationName }) };
  // Apollo Server refuses GET without a CSRF header; this GET runs a trusted query only, like the POST it becomes.
  req.method = "POST";
  req.headers["content-type"] = "application/json";
  res.locals.viaGet = true;
  return true;
}

/**
 * Before Apollo Server: answers trusted documents over GET; for an anonymous query asked
 * before, reads the directory revision (after the request arrived) and sends a stored
 * answer's bytes when there is one (no subgraph call, no serialising); otherwise lets
 * Apollo answer, and keeps the bytes it sends when the plugin above marked them public.
 */
export function responseCache(options: { policy: CachePolicy; revision: DirectoryRevision; store: ResponseStore | undefined; fastKeys?: FastKeys; vary?: string }): RequestHandler {
  const vary = options.vary ?? VARY;
  const documents = loadTrustedDocuments();
  // Keys asked once so far. Only a key asked again reads the revision, may share subgraph
  // fetches and is stored: one-off questions (a search typed once) cost nothing extra.
  const seen = new Set<string>();
  return async (req, res, next) => {
    const preread = prereadOf(req);
    if (preread?.bodyError) return next(preread.bodyError); // as express.json would have
    if (!trustedGet(documents, req, res)) return;
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    const identity = res.locals.identity as Identity | undefined;
    if (identity?.role !== Role.PUBLIC || typeof body?.query !== "string" || options.policy.knownReason(body.query)) return next();
    // A digest, not the request's text: what the cache keeps per request is 43 bytes however
    // large the request (a flood of unique 90 kB requests once grew the heap without bound).
    // Extensions too: a persisted-query hash that does not match the text is the caller's error, not the text's stored answer.
    const key = requestDigest(
      langFromAcceptLanguage(req.headers["accept-language"]),
      String(body.operationName ?? ""),
      body.variables ?? null,
      body.query,
      (body as { extensions?: unknown }).extensions ?? null,
    );
    let revision: string | undefined;
    if (seen.has(key)) {
      try {
        revision = preread?.revision ?? (await options.revision.current());
      } catch (error) {
        log("warn", "cache.revision_unavailable", { message: error instanceof Error ? error.message : String(error) });
      }
    } else {
      if (seen.size >= SEEN_MAX) seen.clear(); // bounded (~10 MB of digests); a key forgotten is only asked twice more
      seen.add(key);
    }
    res.locals.directoryRevision = revision;
    const stored = revision === undefined ? undefined : options.store?.get(revision, key);
    if (stored) {
      if (preread) options.fastKeys?.learn(preread.fastKey, key);
      return sendStored(req, res, stored, "HIT", vary);
    }
    const send = res.send.bind(res);
    res.send = (payload: unknown) => {
      const cacheControl = res.getHeader("cache-control");
      // A string from Apollo Server, or bytes when the answer's data passed as the subgraph's (single-fetch.ts).
      const isBytes = typeof payload === "string" || Buffer.isBuffer(payload);
      if (!isBytes || res.statusCode !== 200 || !isPublicAnswer(cacheControl)) return send(payload);
      const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
      const kept = revision !== undefined && options.store ? options.store.set(revision, key, bytes, String(cacheControl)) : undefined;
      if (kept && preread) options.fastKeys?.learn(preread.fastKey, key);
      sendStored(req, res, kept ?? { body: bytes, etag: strongEtag(bytes), cacheControl: String(cacheControl), storedAt: 0 }, kept ? "MISS" : undefined, vary);
      return res;
    };
    next();
  };
}
