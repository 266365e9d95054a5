import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { GatewayContext } from "../context";
import { cacheConfigFromEnv, type CacheConfig } from "./cache-config";
import { CachePolicy } from "./cache-policy";
import { cacheHeadersPlugin, responseCache } from "./response-cache";
import { ResponseStore } from "./response-store";
import { DirectoryRevision } from "./revision";

export interface PublicCache {
  /** Mounted on /graphql after authentication and body parsing, before Apollo Server. */
  middleware: RequestHandler;
  plugins: ApolloServerPlugin<GatewayContext>[];
  store: ResponseStore | undefined;
  revision: DirectoryRevision;
}

/** The gateway's cache of public answers and their HTTP caching headers (README, "Caching"). */
export function createPublicCache(options: { supergraphSdl: string; directoryUrl: string; config?: CacheConfig }): PublicCache {
  const config = options.config ?? cacheConfigFromEnv();
  const policy = new CachePolicy(options.supergraphSdl);
  const revision = new DirectoryRevision(options.directoryUrl, config.revisionMaxAgeMs);
  const store = config.enabled ? new ResponseStore(config.maxBytes, config.maxAgeSeconds * 1000) : undefined;
  return {
    middleware: responseCache({ policy, revision, store }),
    plugins: [ApolloServerPluginCacheControlDisabled(), cacheHeadersPlugin(policy, config, revision)],
    store,
    revision,
  };
}
