import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../gateway/src/limits";
import { startTestStack, type TestStack } from "../helpers/stack";

describe("gateway limits, health and playground", () => {
  let stack: TestStack;
  const base = () => stack.url.replace(/\/graphql$/, "");
  beforeAll(async () => {
    // A small depth limit: the directory schema has no cycles deep enough to reach 10.
    stack = await startTestStack("sqlite", { limits: { ...DEFAULT_LIMITS, depth: 4 } });
  });
  afterAll(() => stack?.stop());

  it("refuses a query deeper than the limit, before calling any subgraph", async () => {
    stack.resetStatements();
    const { status, body } = await stack.query(`{ representations { nodes { procedures { procedure { label } } } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(body.errors?.[0].message).toMatch(/depth limit of 4/);
    expect(stack.statements()).toBe(0);
  });

  it("refuses more aliases than the limit", async () => {
    const aliases = Array.from({ length: DEFAULT_LIMITS.aliases + 1 }, (_, i) => `a${i}: procedures { code }`).join(" ");
    const { status, body } = await stack.query(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/Aliases limit of 15 exceeded, found 16/);
  });

  it("refuses a document with more tokens than the limit", async () => {
    const { status, body } = await stack.query(`{ ${"__typename ".repeat(DEFAULT_LIMITS.tokens)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" } });
    expect(body.errors?.[0].message).toMatch(/more that 1000 tokens/);
  });

  it("refuses a body over the size limit with a GraphQL-shaped 413", async () => {
    const response = await fetch(stack.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: "Request body is larger than the limit of 102400 bytes", extensions: { code: "PAYLOAD_TOO_LARGE" } }],
    });
  });

  it("gives callers with a key the larger body limit (a partner's batch), still with a limit", async () => {
    const { key } = await stack.keys.create({ role: "PARTNER", conference: "CSM", label: "body" });
    const post = (size: number) =>
      fetch(stack.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: "{ __typename }", variables: { padding: "x".repeat(size) } }),
      });
    expect((await post(200_000)).status).toBe(200);
    const tooLarge = await post(11 * 1024 * 1024);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).errors[0].message).toBe("Request body is larger than the limit of 10485760 bytes");
  });

  it("accepts what is within the limits", async () => {
    const { status, body } = await stack.query(`{ representations(first: 1) { nodes { procedures { basis } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("keeps a caller's request id and makes one when there is none", async () => {
    const given = await stack.query(`{ __typename }`, undefined, { "x-request-id": "border-post-42" });
    expect(given.headers.get("x-request-id")).toBe("border-post-42");
    const made = await stack.query(`{ __typename }`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await stack.query(`{ __typename }`, undefined, { "x-request-id": "bad id\twith spaces" });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers /healthz and /readyz", async () => {
    expect(await (await fetch(`${base()}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", subgraphs: { directory: "up", exchange: "up", roster: "up" } });
  });

  it("serves the playground and its assets itself, with the example operations, no CDN", async () => {
    const page = await fetch(stack.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/playground-assets/ruru.js");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain("unpkg.com");
    expect(html).toContain("RepresentationsOfCountryIn");
    const asset = await fetch(`${base()}/playground-assets/ruru.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    // The root is the directory's front page now (web/), not a redirect to the playground; it links the API.
    const front = await fetch(`${base()}/`, { redirect: "manual" });
    expect(front.status).toBe(200);
    expect(await front.text()).toContain('href="/graphql"');
  });
});

describe("gateway readiness when a subgraph is down", () => {
  it("answers 503 and names the subgraph", async () => {
    const stack = await startTestStack("sqlite");
    try {
      const url = stack.url.replace(/\/graphql$/, "/readyz");
      await stack.stopSubgraph("directory");
      const response = await fetch(url);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe("not ready");
      expect(body.subgraphs.directory).toMatch(/^down/);
    } finally {
      await stack.stop();
    }
  });
});

describe("gateway privacy", () => {
  it("turns off @apollo/gateway's usage reporting to Apollo unless asked for", async () => {
    const saved = process.env.APOLLO_TELEMETRY_DISABLED;
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    const stack = await startTestStack("sqlite");
    try {
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe("true");
    } finally {
      await stack.stop();
      if (saved === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
      else process.env.APOLLO_TELEMETRY_DISABLED = saved;
    }
  });
});
