import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type RequestHandler } from "express";
import type { RequestListener } from "node:http";
import { Role, type Identity } from "../../platform/src/identity";
import { log } from "../../platform/src/log";
import { authenticate } from "./auth/authenticate";
import type { KeyStore } from "./auth/key-store";
import { corsFor } from "./cors";
import { createPublicCache, type PublicCache } from "./cache";
import type { CacheConfig } from "./cache/cache-config";
import { buildContext, requestIdOf, type GatewayContext } from "./context";
import { SubgraphDataSource } from "./data-source";
import { mountHealth } from "./health";
import { httpErrors, operationResolutionPlugin, persistedQueryErrors } from "./http-errors";
import { DEFAULT_LIMITS, limitRules, type Limits } from "./limits";
import { costLimitPlugin } from "./cost-rule";
import { mountPlayground } from "./playground";
import { passAnswerBytes } from "./answer-bytes";
import { SingleFetchPlanner, withSingleFetch } from "./single-fetch";
import { answerSizeLimit, authorizationForm, graphqlMethods, variablesDepth } from "./request-guard";

export interface GatewayOptions {
  /** The supergraph composed at build time (gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph listens, by subgraph name: overrides the URLs composed in. */
  subgraphUrls: Record<string, string>;
  limits?: Limits;
  /** API keys: who may call with which role. */
  keys: KeyStore;
  /** Shared with the subgraphs, to sign the caller's identity. */
  identitySecret: string;
  /** Origins whose pages may call the API (CORS); none by default. */
  corsOrigins?: string[];
  /** Public answers' cache; default from the environment (cache/cache-config.ts). */
  cache?: CacheConfig;
  /** What answers outside /graphql (the web pages, given by stack/pages.ts): after the API, before the error handler. */
  pages?: RequestHandler;
  /**
   * Operations one subgraph answers whole are sent to it as they came, without the
   * gateway's planning and reshaping (single-fetch.ts). On by default; GATEWAY_SINGLE_FETCH=0
   * turns it off (the tests compare both paths).
   */
  singleFetch?: boolean;
}

export interface Gateway {
  app: Express;
  /** What to listen with: `app` behind the public cache's fast path (cache/fast-path.ts). */
  handler: RequestListener;
  cache: PublicCache;
  stop(): Promise<void>;
}

/** Anonymous requests get the small body limit; callers with a key (a partner's batch) the larger one. */
function bodyParser(limits: Limits): RequestHandler {
  const anonymous = express.json({ limit: limits.bodySize });
  const withKey = express.json({ limit: limits.bodySizeWithKey });
  return (req, res, next) => ((res.locals.identity as Identity | undefined)?.role === Role.PUBLIC ? anonymous : withKey)(req, res, next);
}

/** Builds the gateway: GraphQL at /graphql, playground, health. Never listens. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // @apollo/gateway sends usage metrics to Apollo (OTLP, hourly and at shutdown) unless this
  // is set. A directory used by border officials does not phone home; a deployment that
  // wants it sets APOLLO_TELEMETRY_DISABLED=false explicitly.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const services = new Map<string, SubgraphDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const service = new SubgraphDataSource(options.subgraphUrls[name] ?? url ?? "", options.identitySecret, name);
      services.set(name, service);
      return service;
    },
  });
  const singleFetch = options.singleFetch ?? process.env.GATEWAY_SINGLE_FETCH !== "0";
  const cache = createPublicCache({
    supergraphSdl: options.supergraphSdl,
    directoryUrl: options.subgraphUrls.directory ?? "",
    config: options.cache,
    corsOrigins: options.corsOrigins,
    bodyLimit: limits.bodySize,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: singleFetch ? withSingleFetch(gateway, new SingleFetchPlanner(options.supergraphSdl), services) : gateway,
    validationRules: limitRules(limits),
    parseOptions: { maxTokens: limits.tokens },
    includeStacktraceInErrorResponses: false,
    // The schema is public (gateway/api-schema.graphql) and the playground needs it; Apollo turns this off under NODE_ENV=production.
    introspection: true,
    // The process owns shutdown (stack/main.ts, index.ts): Apollo's own signal handlers
    // raced ours and left `npm start` hanging on Ctrl-C.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), operationResolutionPlugin, costLimitPlugin({ default: limits.cost, withBatchKey: limits.costWithBatchKey }), ...cache.plugins],
    formatError: persistedQueryErrors,
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // ETags are set by the public cache (cache/): strong, on public answers only
  app.use((req, res, next) => {
    const requestId = requestIdOf(req);
    const started = process.hrtime.bigint();
    res.setHeader("x-request-id", requestId);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log("debug", "http.request", { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  });
  app.use("/graphql", graphqlMethods, corsFor(options.corsOrigins ?? []));
  mountHealth(app, options.subgraphUrls, options.identitySecret);
  mountPlayground(app, "/graphql");
  app.use(
    "/graphql",
    authorizationForm,
    authenticate(options.keys),
    bodyParser(limits),
    variablesDepth,
    cache.middleware,
    // After the cache: its wrapper of res.send is inside this one, so an answer over the cap is never stored either.
    answerSizeLimit(limits.answerBytes),
    // After the size limit: its wrapper of res.send is inside this one, so it sees the subgraph's bytes in place.
    passAnswerBytes,
    expressMiddleware(apollo, { context: async ({ req, res }) => buildContext(req, res) }),
  );
  // The web pages (web/, joined by stack/pages.ts): the directory at `/`, the lookup, office pages; after /graphql.
  if (options.pages) app.use(options.pages);
  app.use(httpErrors);
  return { app, handler: cache.front(app), cache, stop: () => apollo.stop() };
}
