import { describe, expect, it } from "vitest";
import { SubgraphDataSource } from "../../gateway/src/data-source";

describe("SubgraphDataSource.willSendRequest", () => {
  it("passes the request id and the caller's language to the subgraph", () => {
    const source = new SubgraphDataSource("http://127.0.0.1:1/graphql");
    const headers = new Map<string, string>();
    const request = { http: { headers: { set: (k: string, v: string) => headers.set(k, v) } } };
    source.willSendRequest({ request, context: { requestId: "rid-1", acceptLanguage: "fr" } } as never);
    expect(Object.fromEntries(headers)).toEqual({ "x-request-id": "rid-1", "accept-language": "fr" });
  });
});
