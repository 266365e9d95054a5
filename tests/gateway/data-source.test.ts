import { describe, expect, it } from "vitest";
import { SubgraphDataSource } from "../../gateway/src/data-source";
import { Role, verifyIdentity } from "../../platform/src/identity";

describe("SubgraphDataSource.willSendRequest", () => {
  it("passes the signed identity, the request id and the caller's language to the subgraph", () => {
    const secret = "s".repeat(40);
    const source = new SubgraphDataSource("http://127.0.0.1:1/graphql", secret);
    const headers = new Map<string, string>();
    const request = { http: { headers: { set: (k: string, v: string) => headers.set(k, v) } } };
    const identity = { role: Role.OFFICIAL, country: "CR", keyId: "0123456789ab" };
    source.willSendRequest({ request, context: { requestId: "rid-1", acceptLanguage: "fr", identity } } as never);
    expect(headers.get("x-request-id")).toBe("rid-1");
    expect(headers.get("accept-language")).toBe("fr");
    expect(verifyIdentity(Object.fromEntries(headers), secret)).toEqual({ ok: true, identity });
    expect(verifyIdentity(Object.fromEntries(headers), "t".repeat(40))).toMatchObject({ ok: false });
  });
});
