import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Request as FetchRequest, Response as FetchResponse } from "node-fetch";
import { DATA_ONLY_HEADER, dataBytesOf } from "../../platform/src/data-only";
import { Role, signIdentity, type Identity } from "../../platform/src/identity";
import { SHARE_HEADER, sharingFetcher } from "./cache/shared-fetch";
import type { GatewayContext } from "./context";
import { AnswerBytes } from "./answer-bytes";
import { unavailableError } from "./subgraph-errors";

/** One per process: identical public subgraph requests in flight are sent once (cache/shared-fetch.ts). */
const fetcher = sharingFetcher() as never;

/**
 * The signed identity headers of a caller, signed once per second: `iat` has a resolution
 * of one second, so a signature made earlier in the same second is the same bytes. Keyed by
 * the identity object, which is the key store's (or PUBLIC_IDENTITY) for every request of a key.
 */
const signed = new WeakMap<Identity, { second: number; secret: string; headers: Record<string, string> }>();
export function signedHeaders(identity: Identity, secret: string): Record<string, string> {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  const held = signed.get(identity);
  if (held?.second === second && held.secret === secret) return held.headers;
  const headers = signIdentity(identity, secret, now);
  signed.set(identity, { second, secret, headers });
  return headers;
}

/** Passes on to every subgraph who and what a request is: the caller's signed identity, the request id and the language. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly identitySecret: string,
    private readonly serviceName = "subgraph",
  ) {
    super({ url, fetcher });
  }

  /**
   * For the single-fetch path (context.answer.wantsBytes), a data-only answer is kept as its bytes
   * (AnswerBytes), never parsed; every other answer is parsed as Apollo's data source does.
   */
  async parseBody(response: FetchResponse, request?: FetchRequest, context?: GatewayContext): Promise<object | string> {
    if (!context?.answer?.wantsBytes || !response.headers.get(DATA_ONLY_HEADER)) return super.parseBody(response, request, context);
    const body = await response.buffer();
    const data = dataBytesOf(body);
    return data === undefined ? JSON.parse(body.toString("utf8")) : { data: new AnswerBytes(data) };
  }

  didEncounterError(error: Error): void {
    throw unavailableError(this.serviceName, error);
  }

  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http || !context.identity) return; // gateway-internal requests carry no caller
    for (const [name, value] of Object.entries(signedHeaders(context.identity, this.identitySecret))) request.http.headers.set(name, value);
    request.http.headers.set("x-request-id", context.requestId);
    if (context.acceptLanguage) request.http.headers.set("accept-language", context.acceptLanguage);
    // Only a PUBLIC read whose revision was read after it arrived may share a fetch with others.
    if (context.identity.role === Role.PUBLIC && context.directoryRevision !== undefined && !/^\s*(mutation|subscription)\b/.test(request.query ?? "")) {
      request.http.headers.set(SHARE_HEADER, context.directoryRevision);
    }
  }
}
