import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import express from "express";
import { log } from "../../../platform/src/log";
import { requestIdFrom, REQUEST_ID_HEADER } from "../../../platform/src/request-id";
import type { ResponseStore, StoredResponse } from "../../../platform/src/response-store";
import type { DirectoryRevision } from "./revision";

/**
 * What the fast path learned about a request it handed on to Express: read by the
 * response cache's middleware (response-cache.ts).
 */
export interface Preread {
  /** The request as the fast path keys it: method, Accept-Language, then the raw body (POST) or the URL (GET). */
  fastKey: string;
  /** The directory revision read after this request arrived, when the fast path read one. */
  revision?: string;
  /** The body could not be read as JSON: the error express.json gives (400, 415…). */
  bodyError?: unknown;
}

const PREREAD = Symbol("enlace.preread");

export const prereadOf = (req: object): Preread | undefined => (req as { [PREREAD]?: Preread })[PREREAD];

/**
 * The requests the fast path has seen answered from the store, by fast key, with the
 * response cache's own key: learned on Express's path, so that the fast path answers
 * exactly the requests Express would answer with the same stored bytes. Bounded by the
 * characters it holds; forgetting only sends a request through Express once more.
 */
export class FastKeys {
  private readonly keys = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = 16 * 1024 * 1024) {}

  get(fastKey: string): string | undefined {
    return this.keys.get(fastKey);
  }

  learn(fastKey: string, key: string): void {
    if (this.keys.get(fastKey) === key) return;
    if (this.chars + fastKey.length + key.length > this.maxChars) {
      this.keys.clear();
      this.chars = 0;
    }
    this.keys.set(fastKey, key);
    this.chars += fastKey.length + key.length;
  }

  get size(): number {
    return this.keys.size;
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** body-parser's limit syntax ("100kb", "10mb", 1024): bytes; 0 when unreadable (then the fast path reads no body). */
export function byteCount(limit: string | number): number {
  if (typeof limit === "number") return limit;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit);
  return match ? Math.floor(Number(match[1]) * UNITS[(match[2] ?? "b").toLowerCase()]) : 0;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export interface FastPathOptions {
  store: ResponseStore | undefined;
  revision: DirectoryRevision;
  keys: FastKeys;
  /** Anonymous requests' body limit (express/body-parser syntax), as Express's path applies it. */
  bodyLimit: string;
  /** CORS origins allowed (cors.ts): their requests get the same CORS headers as through Express. */
  corsOrigins: string[];
  /** The Vary header of public answers. */
  vary: string;
  /** Counted here: answers sent (200, 304) and requests handed on. */
  stats: { hits: number; notModified: number; passed: number };
}

/**
 * In front of Express: an anonymous request (no Authorization, no X-API-Key) to /graphql
 * that Express's path has already answered from the store — the same raw JSON body POSTed,
 * or the same GET URL of a trusted document, with the same Accept-Language — is answered
 * here: revision read after arrival, stored bytes and headers in one write, no middleware,
 * no body parsing. Anything else (a miss, a preflight, a key, a body over the limit, bad
 * JSON, another content type) goes to Express unchanged; a body the fast path read is
 * parsed by the same express.json and handed on as `req.body`.
 */
export function fastPath(app: RequestListener, options: FastPathOptions): RequestListener {
  const limit = byteCount(options.bodyLimit);
  const json = express.json({ limit: options.bodyLimit });
  const allowed = new Set(options.corsOrigins);
  const stats = options.stats;

  const pass = (req: IncomingMessage, res: ServerResponse, preread?: Preread) => {
    stats.passed++;
    if (preread) (req as { [PREREAD]?: Preread })[PREREAD] = preread;
    app(req, res);
  };

  /** Answers from the store if the revision read now still has this answer; else Express. */
  const answer = (req: IncomingMessage, res: ServerResponse, fastKey: string, key: string, conditional: boolean, parse?: Buffer) => {
    const fallThrough = async (revision?: string) => {
      const preread: Preread = { fastKey, revision };
      if (parse) await parseBody(req, res, parse, preread);
      pass(req, res, preread);
    };
    options.revision.current().then(
      (revision) => {
        const stored = options.store?.get(revision, key);
        if (stored) send(req, res, stored, conditional);
        else void fallThrough(revision);
      },
      () => void fallThrough(),
    );
  };

  /** The body as express.json would parse it (same limit, charset and strictness, same errors). */
  const parseBody = (req: IncomingMessage, res: ServerResponse, raw: Buffer, preread: Preread) =>
    new Promise<void>((resolve) => {
      const replay = Object.assign(Readable.from([raw]), { headers: req.headers, complete: false, socket: { readable: true } }) as unknown as express.Request;
      json(replay, res as express.Response, (error?: unknown) => {
        if (error) preread.bodyError = error;
        else (req as express.Request).body = replay.body;
        resolve();
      });
    });

  const send = (req: IncomingMessage, res: ServerResponse, entry: StoredResponse, conditional: boolean) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const origin = req.headers.origin;
    const headers: string[] =
      allowed.size && origin !== undefined && allowed.has(origin)
        ? ["x-request-id", requestId, "access-control-allow-origin", origin, "access-control-expose-headers", "x-request-id"]
        : ["x-request-id", requestId];
    const fixed = (entry as FastEntry)[HEADERS] ?? ((entry as FastEntry)[HEADERS] = ["cache-control", entry.cacheControl, "vary", options.vary, "etag", entry.etag, "x-cache", "HIT"]);
    if (process.env.LOG_LEVEL === "debug") {
      const started = process.hrtime.bigint();
      res.on("finish", () =>
        log("debug", "http.request", { requestId, method: req.method, path: "/graphql", status: res.statusCode, ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10, fast: true }),
      );
    }
    if (conditional && req.headers["if-none-match"]?.split(/\s*,\s*/).includes(entry.etag)) {
      stats.notModified++;
      res.writeHead(304, headers.concat(fixed));
      res.end();
      return;
    }
    stats.hits++;
    res.writeHead(200, headers.concat(fixed, "content-type", "application/json; charset=utf-8", "content-length", String(entry.body.length)));
    res.end(entry.body);
  };

  const handler: RequestListener = (req, res) => {
    const headers = req.headers;
    if (headers.authorization !== undefined || headers["x-api-key"] !== undefined || options.store === undefined) return pass(req, res);
    const url = req.url ?? "";
    if (req.method === "GET") {
      if (!url.startsWith("/graphql?")) return pass(req, res);
      const fastKey = `G${headers["accept-language"] ?? ""}\u0000${url}`;
      const key = options.keys.get(fastKey);
      return key === undefined ? pass(req, res, { fastKey }) : answer(req, res, fastKey, key, true);
    }
    if (req.method !== "POST" || url !== "/graphql") return pass(req, res);
    const length = Number(headers["content-length"]);
    const encoding = headers["content-encoding"];
    const type = headers["content-type"];
    // Only a plain JSON body of a known size within the limit is read here; express.json reads the rest.
    if (!(length > 0 && length <= limit) || (encoding !== undefined && encoding.toLowerCase() !== "identity") || type === undefined || !JSON_TYPE.test(type)) return pass(req, res);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      // latin1: one character per byte, so two bodies share a fast key only when their bytes are the same.
      const fastKey = `P${headers["accept-language"] ?? ""}\u0000${raw.toString("latin1")}`;
      const key = options.keys.get(fastKey);
      if (key !== undefined) return answer(req, res, fastKey, key, false, raw);
      const preread: Preread = { fastKey };
      void parseBody(req, res, raw, preread).then(() => pass(req, res, preread));
    });
  };
  return handler;
}

const HEADERS = Symbol("enlace.fastHeaders");
type FastEntry = StoredResponse & { [HEADERS]?: string[] };
