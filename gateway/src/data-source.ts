import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import fetch from "node-fetch";
import { signIdentity } from "../../subgraphs/shared/src/identity";
import type { GatewayContext } from "./context";
import { unavailableError } from "./subgraph-errors";

/**
 * Keeps connections to subgraphs open between requests: measured 1.4-1.5x the gateway's
 * throughput against the default fetcher on this kind of machine (shared/STACK.md).
 */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
const keepAliveFetcher = ((url: string, init: Record<string, unknown>) =>
  fetch(url, { ...init, agent: (parsed: URL) => (parsed.protocol === "http:" ? httpAgent : httpsAgent) })) as never;

/** Passes on to every subgraph who and what a request is: the caller's signed identity, the request id and the language. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly identitySecret: string,
    private readonly serviceName = "subgraph",
  ) {
    super({ url, fetcher: keepAliveFetcher });
  }

  didEncounterError(error: Error): void {
    throw unavailableError(this.serviceName, error);
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http || !context.identity) return; // gateway-internal requests carry no caller
    for (const [name, value] of Object.entries(signIdentity(context.identity, this.identitySecret))) request.http.headers.set(name, value);
    request.http.headers.set("x-request-id", context.requestId);
    if (context.acceptLanguage) request.http.headers.set("accept-language", context.acceptLanguage);
  }
}
