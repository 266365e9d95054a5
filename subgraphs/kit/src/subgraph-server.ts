import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express, { type Express, type Request } from "express";
import type { GraphQLSchema } from "graphql";
import { identityVerifier, type Identity } from "../../../platform/src/identity";
import { DEFAULT_LANG, langFromAcceptLanguage, type Lang } from "../../../platform/src/lang";
import { DATA_ONLY_HEADER } from "../../../platform/src/data-only";
import { log } from "../../../platform/src/log";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../platform/src/request-id";
import { compiledQueries } from "./compiled-execution";

/** What every subgraph resolver gets, whatever the subgraph. */
export interface RequestBase {
  requestId: string;
  /** From Accept-Language, forwarded by the gateway; a field's `lang` argument wins. */
  lang: Lang;
  /** Who is asking, as the gateway signed it. */
  identity: Identity;
  /**
   * `readOnly`: true when the operation is a query, set once it is known and before any
   * resolver runs (readOnlyPlugin); false until then and for mutations. Reads may take what
   * is held in memory per revision; a mutation must see what it wrote. An object, so that
   * what was built with the context (the loaders) sees it: Apollo runs the operation with
   * a shallow copy of the context.
   */
  operation: { readOnly: boolean };
}

export interface SubgraphServer {
  /** The HTTP handler: /graphql, GET /healthz and the subgraph's own routes. */
  handler: RequestListener;
  stop(): Promise<void>;
}

/** Logs failed operations with the request id the gateway passed on. */
function errorLogPlugin(subgraph: string): ApolloServerPlugin<RequestBase & BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            const level = code === "INTERNAL_SERVER_ERROR" || code === undefined ? "error" : "info";
            log(level, "graphql.error", { subgraph, requestId: contextValue.requestId, operationName, code, message: error.message });
          }
        },
      };
    },
  };
}

/** Marks an answer that is `{"data":…}` and nothing else (platform/src/data-only.ts). */
const dataOnlyPlugin: ApolloServerPlugin<RequestBase & BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const { errors, extensions, data, ...rest } = response.body.singleResult;
        if (errors === undefined && extensions === undefined && data != null && Object.keys(rest).length === 0) response.http.headers.set(DATA_ONLY_HEADER, "1");
      },
    };
  },
};

/** Sets `operation.readOnly` once the operation is known (RequestBase). */
const readOnlyPlugin: ApolloServerPlugin<RequestBase & BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        contextValue.operation.readOnly = operation?.operation === "query";
      },
    };
  },
};

/**
 * A subgraph's HTTP face: POST /graphql for the gateway and GET /healthz. No landing page:
 * developers use the gateway's playground.
 */
export async function createSubgraphServer<C extends RequestBase>(options: {
  name: string;
  schema: GraphQLSchema;
  /** Shared with the gateway: requests without an identity it signed are refused. */
  identitySecret: string;
  /** Queries run compiled (compiled-execution.ts); the directory's reads. */
  compiled?: boolean;
  /** Largest request body (body-parser syntax); default 1mb. The exchange takes contact batches. */
  bodyLimit?: string;
  context(base: RequestBase, req: IncomingMessage): C | Promise<C>;
  /** Plain HTTP routes beside GraphQL (the directory's GET /revision). */
  routes?(app: Express): void;
}): Promise<SubgraphServer> {
  const apollo = new ApolloServer<C>({
    ...(options.compiled ? { gateway: compiledQueries(options.schema) } : { schema: options.schema }),
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown (stack/main.ts, index.ts): Apollo's own signal handlers
    // raced ours and left `npm start` hanging on Ctrl-C.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: inline traces would only add bytes to every response. Cache
    // control instrumented every field (measured: 51 -> 65 req/s on the 50-office list
    // with it off); cache hints will be added deliberately with response caching.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), errorLogPlugin(options.name), dataOnlyPlugin, readOnlyPlugin],
  });
  await apollo.start();
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", subgraph: options.name });
  });
  options.routes?.(app);
  const verify = identityVerifier(options.identitySecret);
  const readJson = express.json({ limit: options.bodyLimit ?? "1mb" });

  /**
   * /graphql (POST, the gateway's every call; GET as Apollo Server answers it) without
   * Express's router and response helpers: body-parser reads the JSON, Apollo Server's
   * integration API (executeHTTPGraphQLRequest, as its own standalone server does) answers.
   * With the identity checked once per pair of headers, the directory's CPU per request on
   * the 50-office list went from 3.11 to 2.66 ms (docs/performance.md).
   */
  const graphql = (req: IncomingMessage, res: ServerResponse) => {
    const verified = verify(req.headers);
    if (!verified.ok) {
      log("warn", "identity.refused", { subgraph: options.name, requestId: req.headers[REQUEST_ID_HEADER], reason: verified.reason, remote: req.socket.remoteAddress });
      return sendJson(res, 401, { errors: [{ message: `Unauthenticated: ${verified.reason}`, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    readJson(req as Request, res as never, (error?: { status?: number; type?: string; message?: string }) => {
      if (error) return sendJson(res, error.status ?? 400, { errors: [{ message: `Bad request body: ${error.message ?? error.type}`, extensions: { code: "BAD_REQUEST" } }] });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      const base: RequestBase = {
        identity: verified.identity,
        requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]),
        lang: req.headers["accept-language"] ? langFromAcceptLanguage(req.headers["accept-language"]) : DEFAULT_LANG,
        operation: { readOnly: false },
      };
      const search = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      apollo
        .executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: (req.method ?? "POST").toUpperCase(), headers, search, body: (req as Request).body },
          context: async () => options.context(base, req),
        })
        .then(async (answer) => {
          for (const [key, value] of answer.headers) res.setHeader(key, value);
          res.statusCode = answer.status ?? 200;
          if (answer.body.kind === "complete") return void res.end(answer.body.string);
          for await (const chunk of answer.body.asyncIterator) res.write(chunk);
          res.end();
        })
        .catch((error: Error) => {
          log("error", "graphql.http", { subgraph: options.name, requestId: base.requestId, message: error.message });
          if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
          else res.end();
        });
    });
  };
  const handler: RequestListener = (req, res) => {
    const path = req.url?.split("?", 1)[0];
    if (path === "/graphql") return graphql(req, res);
    app(req, res);
  };
  return { handler, stop: () => apollo.stop() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}
