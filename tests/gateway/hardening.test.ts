import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

/** Issue 19: what an anonymous client or a careless caller can send, each answered with a 4xx or a harmless answer. */
describe("the gateway under requests it should refuse (issue 19)", () => {
  let stack: TestStack;
  let headers: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    headers = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const post = (body: string, extra: Record<string, string> = {}, method = "POST") => fetch(stack.url, { method, headers: { "content-type": "application/json", ...extra }, body });
  const QUERY = JSON.stringify({ query: "{ __typename }" });

  it("PUT, PATCH and DELETE on /graphql are 405 with Allow, never a stored answer", async () => {
    // The same request asked again is stored, and a third time answered from the store...
    await post(QUERY);
    await post(QUERY);
    expect((await post(QUERY)).headers.get("x-cache")).toBe("HIT");
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await post(QUERY, {}, method);
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST, OPTIONS");
      expect(response.headers.get("x-cache")).toBeNull();
      expect((await response.json()).errors[0].extensions.code).toBe("METHOD_NOT_ALLOWED");
    }
  });

  it("variables nested thousands of arrays deep are a 400 naming the limit, not a 500", async () => {
    for (const depth of [33, 5_000, 10_000]) {
      const body = `{"query":"{ __typename }","variables":{"v":${"[".repeat(depth)}${"]".repeat(depth)}}}`;
      const response = await post(body);
      expect(response.status, String(depth)).toBe(400);
      expect((await response.json()).errors[0]).toMatchObject({ message: "variables: nested deeper than 32 levels", extensions: { code: "BAD_REQUEST" } });
    }
  });

  it("a malformed Authorization is a 401 naming the expected form, never anonymous", async () => {
    const key = headers.official.authorization.replace(/^Bearer /, "");
    for (const authorization of [`Token ${key}`, key, "Bearer", "Bearer ", `Basic ${key}`]) {
      const response = await post(QUERY, { authorization });
      expect(response.status, authorization.slice(0, 12)).toBe(401);
      expect((await response.json()).errors[0].message).toContain("Bearer <key>");
    }
    expect((await post(QUERY, headers.official)).status).toBe(200);
  });

  it("the playground (/graphql as an HTML page) cannot be framed by another site", async () => {
    const response = await fetch(stack.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("a search for % (no letter or digit) is BAD_USER_INPUT, not every office", async () => {
    const { body } = await stack.query(`{ representations(filter: { text: "%" }, first: 5) { totalCount } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("no letter or digit");
  });

  it("a wrong persisted-query hash is a 4xx with a code that says so, never INTERNAL_SERVER_ERROR", async () => {
    const response = await post(JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_HASH_MISMATCH");
    const version = await post(JSON.stringify({ query: "{ __typename }", extensions: { persistedQuery: { version: 2, sha256Hash: "0".repeat(64) } } }));
    expect([version.status, (await version.json()).errors[0].extensions.code]).toEqual([400, "BAD_REQUEST"]);
  });
});
