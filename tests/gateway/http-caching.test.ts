import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSISTED_DOCUMENTS_PATH } from "../../gateway/src/cache/persisted-documents";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const documents = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_PATH, "utf8")) as Record<string, string>;
const idOf = (name: string) => Object.keys(documents).find((id) => documents[id].startsWith(`query ${name}(`) || documents[id].startsWith(`mutation ${name}(`)) ?? "";

/** HTTP caching for the CRM site: trusted documents over GET, Cache-Control, ETag, 304. */
describe("HTTP caching of public answers", () => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const get = (params: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${stack.url}?${new URLSearchParams(params)}`, { headers });
  const search = { documentId: idOf("SearchRepresentations"), variables: JSON.stringify({ text: "haiti", first: 3 }) };

  it("answers a trusted document by id over GET, with public caching headers", async () => {
    expect(search.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    const response = await get(search, { "accept-language": "en" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.representations.nodes).toHaveLength(3);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(response.headers.get("vary")).toMatch(/^Accept-Language\b/);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
    // The same answer as the same document POSTed.
    const posted = await stack.query(documents[search.documentId], { text: "haiti", first: 3 }, { "accept-language": "en" });
    expect(posted.body).toEqual(body);
    expect(posted.headers.get("etag")).toBe(response.headers.get("etag"));
  });

  it("answers 304 Not Modified, without a body, to a matching If-None-Match", async () => {
    const first = await get(search);
    const etag = first.headers.get("etag") ?? "";
    const again = await get(search, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toMatch(/^public, max-age=/);
    const other = await get(search, { "if-none-match": '"something-else"' });
    expect(other.status).toBe(200);
  });

  it("sends a changed answer, not 304, after a write", async () => {
    const office = { documentId: idOf("SearchRepresentations"), variables: JSON.stringify({ text: "dajabon" }) };
    const etag = (await get(office)).headers.get("etag") ?? "";
    const version = (await stack.query(`{ representation(id: "ht-do-cons-dajabon") { version } }`)).body.data.representation.version;
    const edit = await stack.query(
      `mutation ($v: Int!) { updateRepresentation(id: "ht-do-cons-dajabon", version: $v, changes: { city: "Dajabón (centro)" }) { version } }`,
      { v: version },
      as.secretariat,
    );
    expect(edit.body.errors).toBeUndefined();
    const after = await get(office, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect((await after.json()).data.representations.nodes[0].city).toBe("Dajabón (centro)");
  });

  it("marks answers to a caller with a key private, no-store, without an ETag, over GET and POST", async () => {
    const viaGet = await get(search, as.official);
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get("cache-control")).toBe("private, no-store");
    expect(viaGet.headers.get("etag")).toBeNull();
    const viaPost = await stack.query(documents[search.documentId], { text: "haiti" }, as.secretariat);
    expect(viaPost.headers.get("cache-control")).toBe("private, no-store");
    expect(viaPost.headers.get("etag")).toBeNull();
  });

  it("refuses unknown ids (404) and mutations over GET (405)", async () => {
    const unknown = await get({ documentId: `sha256:${"0".repeat(64)}` });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
    const mutation = await get({ documentId: idOf("SyncPartnerContacts"), variables: "{}" });
    expect(mutation.status).toBe(405);
    const badVariables = await get({ documentId: search.documentId, variables: "{not json" });
    expect(badVariables.status).toBe(400);
  });
});
