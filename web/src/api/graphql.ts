import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type OperationDefinitionNode } from "graphql";
import type { Request } from "express";
import { keepAliveFetch } from "../../../platform/src/keep-alive";

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string; suggestions?: unknown; [key: string]: unknown };
}

export interface Answer<T> {
  data: T | null;
  errors: GraphQLError[];
  /** HTTP status of the API's answer. */
  status: number;
}

/** Thrown when the API answered with no data at all (down, refused, key revoked). */
export class ApiUnavailable extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

const hashOf = (document: TypedDocumentNode<unknown, unknown>) => (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
const operationOf = (document: TypedDocumentNode<unknown, unknown>) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
const texts = new WeakMap<object, string>();

/**
 * The pages' GraphQL client: the gateway's own /graphql, over HTTP on the socket the page
 * request came in on, so a page gets exactly what any client gets: the same access rules,
 * the same public cache. Anonymous queries go as GET by trusted-document id (the byte
 * cache's fast path); mutations and queries with a key go as POST with the key.
 */
export class Api {
  /** `key`: the session's API key, sent on every call (the page never sees it). */
  constructor(
    private readonly endpoint: string,
    private readonly key?: string,
  ) {}

  /** The gateway that received `req`, reached on the address and port it was received on. */
  static forRequest(req: Request, key?: string): Api {
    const socket = req.socket;
    let host = socket.localAddress ?? "127.0.0.1";
    if (host.startsWith("::ffff:")) host = host.slice(7);
    if (host === "::" || host === "0.0.0.0") host = "127.0.0.1";
    return new Api(`http://${host.includes(":") ? `[${host}]` : host}:${socket.localPort}/graphql`, key);
  }

  async run<T, V>(document: TypedDocumentNode<T, V>, variables: V, options: { lang?: string } = {}): Promise<Answer<T>> {
    const key = this.key;
    const operation = operationOf(document as TypedDocumentNode<unknown, unknown>);
    const hash = hashOf(document as TypedDocumentNode<unknown, unknown>);
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.lang) headers["accept-language"] = options.lang;
    if (key) headers["x-api-key"] = key;
    let response;
    if (operation?.operation === "query" && !key && hash) {
      const params = new URLSearchParams({ documentId: hash, variables: JSON.stringify(variables ?? {}) });
      response = await keepAliveFetch(`${this.endpoint}?${params}`, { method: "GET", headers });
    } else {
      let text = texts.get(document);
      if (!text) texts.set(document, (text = print(document)));
      response = await keepAliveFetch(this.endpoint, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ query: text, variables }) });
    }
    let body: { data?: T | null; errors?: GraphQLError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new ApiUnavailable(`the API answered ${response.status} without JSON`, response.status);
    }
    if (body.data === undefined || body.data === null) {
      if (!body.errors?.length) throw new ApiUnavailable(`the API answered ${response.status} without data`, response.status);
      // Errors with no data: a request error (bad input, unauthenticated). The page says what.
      if (response.status === 401) throw new ApiUnavailable(body.errors[0].message, 401, "UNAUTHENTICATED");
    }
    // The directory's service down: no page can be built from what is left (a list, an office, a lookup). The page
    // wrapper answers 503, no-store, in the visitor's language, instead of a page holding the raw error.
    const down = body.errors?.find(
      (e) => (e.extensions as { code?: string; serviceName?: string } | undefined)?.code === "SERVICE_UNAVAILABLE" && (e.extensions as { serviceName?: string }).serviceName === "directory",
    );
    if (down) throw new ApiUnavailable(down.message, 503, "SERVICE_UNAVAILABLE");
    return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
  }
}
