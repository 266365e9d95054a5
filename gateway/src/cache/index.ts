import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestListener } from "node:http";
import type { RequestHandler } from "express";
import type { GatewayContext } from "../context";
import { cacheConfigFromEnv, type CacheConfig } from "./cache-config";
import { CachePolicy } from "./cache-policy";
import { FastKeys, fastPath } from "./fast-path";
import { cacheHeadersPlugin, responseCache, varyFor } from "./response-cache";
import { ResponseStore } from "../../../platform/src/response-store";
import { DirectoryRevision } from "./revision";

export interface PublicCache {
  /** Mounted on /graphql after authentication and body parsing, before Apollo Server. */
  middleware: RequestHandler;
  plugins: ApolloServerPlugin<GatewayContext>[];
  store: ResponseStore | undefined;
  revision: DirectoryRevision;
  /** Wraps the gateway's Express app: stored answers to anonymous requests skip Express (fast-path.ts). */
  front(app: RequestListener): RequestListener;
  /** Answers sent by the fast path: 200s and 304s, and requests handed on to Express. */
  readonly fastStats: { hits: number; notModified: number; passed: number };
}

/** The gateway's cache of public answers and their HTTP caching headers (docs/caching.md). */
export function createPublicCache(options: {
  supergraphSdl: string;
  directoryUrl: string;
  config?: CacheConfig;
  /** CORS origins allowed (cors.ts): public answers then vary by Origin too. */
  corsOrigins?: string[];
  /** Anonymous requests' body limit (limits.ts). */
  bodyLimit?: string;
}): PublicCache {
  const config = options.config ?? cacheConfigFromEnv();
  const policy = new CachePolicy(options.supergraphSdl);
  const revision = new DirectoryRevision(options.directoryUrl, config.revisionMaxAgeMs);
  const store = config.enabled ? new ResponseStore(config.maxBytes, config.maxAgeSeconds * 1000) : undefined;
  const corsOrigins = options.corsOrigins ?? [];
  const vary = varyFor(corsOrigins);
  const fastKeys = new FastKeys();
  const fastStats = { hits: 0, notModified: 0, passed: 0 };
  return {
    middleware: responseCache({ policy, revision, store, fastKeys, vary }),
    plugins: [ApolloServerPluginCacheControlDisabled(), cacheHeadersPlugin(policy, config, revision, vary)],
    store,
    revision,
    front(app) {
      return fastPath(app, { store, revision, keys: fastKeys, bodyLimit: options.bodyLimit ?? "100kb", corsOrigins, vary, stats: fastStats });
    },
    fastStats,
  };
}
