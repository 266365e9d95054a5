import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PERSISTED_DOCUMENTS_PATH } from "../../gateway/src/cache/persisted-documents";
import { byteCount } from "../../gateway/src/cache/fast-path";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const SITE = "https://www.crm-site.example";
const LIST = `{ representations(first: 5) { totalCount nodes { id name sendingCountry { name } } } }`;
const ID = "ht-do-cons-dajabon";
const OFFICE = `query Office($id: ID!) { representation(id: $id) { id name address version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { version } }`;

const documents = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_PATH, "utf8")) as Record<string, string>;
const searchId = Object.keys(documents).find((id) => documents[id].startsWith("query SearchRepresentations(")) ?? "";

/** Headers a client can compare between two answers: all but those that differ per request. */
const comparable = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => !["date", "x-request-id", "connection", "keep-alive"].includes(name)));

/** The fast path in front of Express (gateway/src/cache/fast-path.ts): stored public answers without Express. */
describe("the public cache's fast path", () => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { corsOrigins: [SITE] });
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const stats = () => ({ ...stack.gateway.cache.fastStats });
  const post = (body: string, headers: Record<string, string> = {}) => fetch(stack.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const get = (params: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${stack.url}?${new URLSearchParams(params)}`, { headers });

  it("answers a POST that Express answered from the store, with the same bytes and headers", async () => {
    const body = JSON.stringify({ query: LIST });
    await post(body); // asked once: not stored
    const miss = await post(body); // asked again: stored, and learned by the fast path
    expect(miss.headers.get("x-cache")).toBe("MISS");
    const missBody = await miss.text();
    const before = stats();
    const hit = await post(body, { "x-request-id": "trace-1" });
    expect(stats().hits).toBe(before.hits + 1);
    expect(stats().passed).toBe(before.passed);
    expect(hit.status).toBe(200);
    expect(await hit.text()).toBe(missBody);
    expect(hit.headers.get("x-request-id")).toBe("trace-1");
    expect(comparable(hit.headers)).toEqual({ ...comparable(miss.headers), "x-cache": "HIT" });
    expect(hit.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(hit.headers.get("vary")).toBe("Accept-Language, Authorization, X-API-Key, Origin");
    expect(hit.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(hit.headers.get("access-control-allow-origin")).toBeNull();
    // Another language is another answer: through Express first.
    const fr = await post(body, { "accept-language": "fr" });
    expect(fr.headers.get("x-cache")).not.toBe("HIT");
  });

  it("answers a trusted document by GET, and 304 to a matching If-None-Match", async () => {
    const params = { documentId: searchId, variables: JSON.stringify({ text: "haiti", first: 3 }) };
    await get(params);
    const miss = await get(params);
    expect(miss.headers.get("x-cache")).toBe("MISS");
    const etag = miss.headers.get("etag") ?? "";
    const before = stats();
    const hit = await get(params);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(await hit.text()).toBe(await miss.text());
    const notModified = await get(params, { "if-none-match": `"other", ${etag}` });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(notModified.headers.get("cache-control")).toMatch(/^public, max-age=/);
    expect(notModified.headers.get("x-request-id")).toBeTruthy();
    expect(stats()).toMatchObject({ hits: before.hits + 1, notModified: before.notModified + 1, passed: before.passed });
    // POST never answers 304, even with the ETag.
    const posted = await post(JSON.stringify({ query: documents[searchId], variables: { text: "haiti", first: 3 } }), { "if-none-match": etag });
    expect(posted.status).toBe(200);
  });

  it("never hands a stored answer to a caller with a key, however the key is sent", async () => {
    const body = JSON.stringify({ query: LIST });
    for (let i = 0; i < 3; i++) await post(body);
    const before = stats();
    const bearer = await post(body, as.official);
    const apiKey = await post(body, { "x-api-key": as.secretariat.authorization.slice("Bearer ".length) });
    for (const response of [bearer, apiKey]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache")).toBeNull();
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("etag")).toBeNull();
    }
    const wrongKey = await post(body, { authorization: "Bearer not-a-key" });
    expect(wrongKey.status).toBe(401);
    expect(stats().hits).toBe(before.hits);
    expect(stats().passed).toBe(before.passed + 3);
  });

  it("gives a fast answer the CORS headers Express gives an allowed origin, and none to others", async () => {
    const body = JSON.stringify({ query: LIST });
    for (let i = 0; i < 2; i++) await post(body);
    const before = stats();
    const site = await post(body, { origin: SITE });
    expect(site.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(site.headers.get("access-control-expose-headers")).toBe("x-request-id");
    expect(site.headers.get("vary")).toMatch(/\bOrigin\b/);
    const other = await post(body, { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(stats().hits).toBe(before.hits + 2);
    // Through Express (a key): the same CORS headers.
    const keyed = await post(body, { origin: SITE, ...as.official });
    expect(keyed.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(keyed.headers.get("access-control-expose-headers")).toBe("x-request-id");
  });

  it("shows a write to the very next anonymous read", async () => {
    const body = JSON.stringify({ query: OFFICE, variables: { id: ID } });
    const first = (await (await post(body)).json()) as { data: { representation: { version: number } } };
    await post(body);
    expect((await post(body)).headers.get("x-cache")).toBe("HIT");
    const address = `Avenida ${first.data.representation.version + 7}, Dajabón`;
    const edit = await stack.query(UPDATE, { id: ID, version: first.data.representation.version, changes: { address } }, as.secretariat);
    expect(edit.body.errors).toBeUndefined();
    const after = await post(body);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(((await after.json()) as { data: { representation: { address: string } } }).data.representation.address).toBe(address);
    expect((await post(body)).headers.get("x-cache")).toBe("HIT");
  });

  it("hands bad bodies to Express, which answers as it always did", async () => {
    // Read by the fast path, then parsed by the same express.json; the same error as a body it does not read (an unusual content type).
    for (const bad of ['{"query": ', '"a string"', "\uFEFF{}", "{}"]) {
      const read = await post(bad);
      const unread = await post(bad, { "content-type": "application/json; charset=utf-8; profile=x" });
      expect(read.status, bad).toBe(400);
      expect(unread.status, bad).toBe(400);
      const readBody = await read.json();
      expect(readBody.errors[0].extensions.code, bad).toBe("BAD_REQUEST");
      expect(readBody, bad).toEqual(await unread.json());
    }
    const tooLarge = await post(JSON.stringify({ query: LIST, variables: { pad: "x".repeat(101 * 1024) } }));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const latin1 = await post(JSON.stringify({ query: LIST }), { "content-type": "application/json; charset=iso-8859-1" });
    expect(latin1.status).toBe(415);
  });

  it("logs fast answers like Express's at debug level", async () => {
    const body = JSON.stringify({ query: LIST });
    for (let i = 0; i < 2; i++) await post(body);
    const level = process.env.LOG_LEVEL;
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    process.env.LOG_LEVEL = "debug";
    try {
      const hit = await post(body, { "x-request-id": "logged-1" });
      expect(hit.headers.get("x-cache")).toBe("HIT");
      await hit.text();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.env.LOG_LEVEL = level;
      write.mockRestore();
    }
    const parsed = lines.flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
    const entry = parsed.find((l) => l.event === "http.request" && l.requestId === "logged-1");
    expect(entry).toMatchObject({ level: "debug", method: "POST", path: "/graphql", status: 200 });
  });
});

describe("byteCount (body-parser's limit syntax)", () => {
  it("reads the units body-parser reads, and nothing else", () => {
    expect(byteCount("100kb")).toBe(102400);
    expect(byteCount("10mb")).toBe(10 * 1024 * 1024);
    expect(byteCount("1.5KB")).toBe(1536);
    expect(byteCount(512)).toBe(512);
    expect(byteCount("512")).toBe(512);
    expect(byteCount("lots")).toBe(0);
  });
});
