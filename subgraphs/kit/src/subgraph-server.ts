import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";
import type { GraphQLSchema } from "graphql";
import { verifyIdentity, type Identity } from "../../../platform/src/identity";
import { DEFAULT_LANG, langFromAcceptLanguage, type Lang } from "../../../platform/src/lang";
import { DATA_ONLY_HEADER } from "../../../platform/src/data-only";
import { log } from "../../../platform/src/log";
import { REQUEST_ID_HEADER, requestIdFrom } from "../../../platform/src/request-id";

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
  app: Express;
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
  /** Largest request body (body-parser syntax); default 1mb. The exchange takes contact batches. */
  bodyLimit?: string;
  context(base: RequestBase, req: Request): C | Promise<C>;
  /** Plain HTTP routes beside GraphQL (the directory's GET /revision). */
  routes?(app: Express): void;
}): Promise<SubgraphServer> {
  const apollo = new ApolloServer<C>({
    schema: options.schema,
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
  app.use(
    "/graphql",
    (req, res, next) => {
      const verified = verifyIdentity(req.headers, options.identitySecret);
      if (verified.ok) {
        res.locals.identity = verified.identity;
        return next();
      }
      log("warn", "identity.refused", { subgraph: options.name, requestId: req.headers[REQUEST_ID_HEADER], reason: verified.reason, remote: req.socket.remoteAddress });
      res.status(401).json({ errors: [{ message: `Unauthenticated: ${verified.reason}`, extensions: { code: "UNAUTHENTICATED" } }] });
    },
    express.json({ limit: options.bodyLimit ?? "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const base: RequestBase = {
          identity: res.locals.identity as Identity,
          requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]),
          lang: req.headers["accept-language"] ? langFromAcceptLanguage(req.headers["accept-language"]) : DEFAULT_LANG,
          operation: { readOnly: false },
        };
        return options.context(base, req);
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
