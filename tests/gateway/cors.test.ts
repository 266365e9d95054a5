import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corsOriginsFromEnv } from "../../gateway/src/cors";
import { startTestStack, type TestStack } from "../helpers/stack";

const SITE = "https://www.crm-site.example";
const OTHER = "https://evil.example";
const QUERY = JSON.stringify({ query: "{ procedures { code } }" });

const preflight = (url: string, origin: string) =>
  fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" } });
const post = (url: string, origin: string, contentType = "application/json") => fetch(url, { method: "POST", headers: { origin, "content-type": contentType }, body: QUERY });

describe("CORS for the origins in CORS_ORIGINS", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { corsOrigins: [SITE] });
  });
  afterAll(() => stack?.stop());

  it("answers the preflight of a listed origin", async () => {
    const response = await preflight(stack.url, SITE);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/content-type.*authorization/);
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("lets the listed origin read the answer, and its request id", async () => {
    const response = await post(stack.url, SITE);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect((await response.json()).data.procedures).toHaveLength(9);
  });

  it("gives any other origin no CORS headers, so its pages cannot read the answer", async () => {
    const pre = await preflight(stack.url, OTHER);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.status).toBe(400);
    const response = await post(stack.url, OTHER);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps CSRF prevention for everyone: a simple (text/plain) POST is refused, listed origin or not", async () => {
    for (const origin of [SITE, OTHER]) {
      const response = await post(stack.url, origin, "text/plain");
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
    }
  });
});

describe("CORS by default", () => {
  it("allows no origin when CORS_ORIGINS is not set", async () => {
    const stack = await startTestStack("sqlite");
    try {
      const pre = await preflight(stack.url, SITE);
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
      expect((await post(stack.url, SITE)).headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await stack.stop();
    }
  });

  it("reads CORS_ORIGINS as a comma-separated list of origins and refuses anything else", () => {
    expect(corsOriginsFromEnv({})).toEqual([]);
    expect(corsOriginsFromEnv({ CORS_ORIGINS: " https://a.example , http://127.0.0.1:8080" })).toEqual(["https://a.example", "http://127.0.0.1:8080"]);
    expect(() => corsOriginsFromEnv({ CORS_ORIGINS: "https://a.example/" })).toThrow(/not an origin/);
    expect(() => corsOriginsFromEnv({ CORS_ORIGINS: "a.example" })).toThrow(/not an origin/);
  });
});
