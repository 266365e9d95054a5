import type { RequestHandler } from "express";
import { cacheConfigFromEnv } from "../gateway/src/cache/cache-config";
import { createGateway, type Gateway, type GatewayOptions } from "../gateway/src/server";
import { createWeb } from "../web/src";
import type { WebConfig } from "../web/src/http/respond";

/**
 * The gateway with the web pages behind it: the one place that joins the two (issue 22).
 * The pages are a client of the API like any other; they get the gateway's key store and
 * directory revision as the small interfaces they declare (web/src/ports.ts).
 */
export async function createGatewayWithPages(options: Omit<GatewayOptions, "pages"> & { web?: WebConfig }): Promise<Gateway> {
  const { web: config, ...gatewayOptions } = options;
  let pages: RequestHandler | undefined;
  const gateway = await createGateway({ ...gatewayOptions, pages: (req, res, next) => (pages ? pages(req, res, next) : next()) });
  pages = createWeb({ revision: gateway.cache.revision, cache: options.cache ?? cacheConfigFromEnv(), config, keys: options.keys, sessionSecret: options.identitySecret }).router;
  return gateway;
}
