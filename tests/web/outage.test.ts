import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

/** Issue 19: while the directory's service is down, pages say so in the visitor's language with a 503 nobody keeps. */
describe("the web pages during a directory outage", () => {
  let stack: TestStack;
  let origin: string;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { web: { frameOrigins: [], secureCookies: false, publicCacheControl: "public, max-age=60" } });
    origin = new URL(stack.url).origin;
    await stack.stopSubgraph("directory");
  });
  afterAll(() => stack?.stop());

  it.each(["/", "/lookup?nationality=IN&place=Tapachula", "/offices/in-pa-emb-panama-city", "/directory.csv"])("%s answers 503, not stored, without the API's English error", async (path) => {
    const response = await fetch(`${origin}${path}`, { headers: { "accept-language": "es" } });
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control") ?? "").not.toMatch(/public/);
    expect(text).not.toMatch(/SERVICE_UNAVAILABLE.*subgraph|Service unavailable|is unavailable: /);
    if (!path.endsWith(".csv")) expect(text).toContain('lang="es"');
  });
});
