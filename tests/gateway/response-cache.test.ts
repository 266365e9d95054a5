import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const ID = "ht-do-cons-dajabon";
const OFFICE = `query Office($id: ID!) { representation(id: $id) { id name address version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { version } }`;
const LIST = `{ representations(first: 5) { totalCount nodes { id name sendingCountry { name } procedures { procedure { label } } } } }`;

describe.each(DATABASES)("the gateway's cache of public answers (%s)", (db) => {
  let stack: TestStack;
  let as: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  /** SQL statements the subgraphs ran for one request. */
  async function counted(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
    stack.resetStatements();
    const response = await stack.query(query, variables, headers);
    return { ...response, statements: stack.statements() };
  }

  it("answers a repeated anonymous read from stored bytes: same body and ETag, only the revision read", async () => {
    const first = await counted(LIST);
    const second = await counted(LIST);
    const third = await counted(LIST);
    // Asked once: answered as before, not stored. Asked again: stored. Then: from the store.
    expect(first.headers.get("x-cache")).toBeNull();
    expect(second.headers.get("x-cache")).toBe("MISS");
    expect(third.headers.get("x-cache")).toBe("HIT");
    expect(third.body).toEqual(first.body);
    expect(third.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
    expect(new Set([first, second, third].map((r) => r.headers.get("etag"))).size).toBe(1);
    expect(first.statements).toBe(3); // the list's own statements (the revisions, page, count; offers from memory)
    expect(second.statements).toBe(4); // and the revision read
    expect(third.statements).toBe(1); // the revision only: no subgraph query ran
    expect(third.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(third.headers.get("vary")).toBe("Accept-Language, Authorization, X-API-Key");
  });

  it("keys on the language: Accept-Language en and fr are two answers", async () => {
    const en = await stack.query(LIST, undefined, { "accept-language": "en" });
    const fr = await stack.query(LIST, undefined, { "accept-language": "fr-CA, en;q=0.5" });
    expect(en.body.data.representations.nodes[0].procedures[0].procedure.label).not.toBe(fr.body.data.representations.nodes[0].procedures[0].procedure.label);
    expect((await stack.query(LIST, undefined, { "accept-language": "en" })).body).toEqual(en.body);
  });

  it("shows a write to the very next anonymous read", async () => {
    const before = await stack.query(OFFICE, { id: ID });
    await stack.query(OFFICE, { id: ID });
    expect((await stack.query(OFFICE, { id: ID })).headers.get("x-cache")).toBe("HIT");
    const address = `Calle ${before.body.data.representation.version + 1}, Dajabón`;
    const edit = await stack.query(UPDATE, { id: ID, version: before.body.data.representation.version, changes: { address } }, as.secretariat);
    expect(edit.body.errors).toBeUndefined();
    const after = await stack.query(OFFICE, { id: ID });
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(after.body.data.representation.address).toBe(address);
  });

  it("never serves a stored answer to a caller with a key, nor stores a keyed caller's answer for anonymous ones", async () => {
    await stack.query(LIST);
    await stack.query(LIST);
    expect((await stack.query(LIST)).headers.get("x-cache")).toBe("HIT");
    const official = await counted(LIST, undefined, as.official);
    expect(official.headers.get("x-cache")).toBeNull();
    expect(official.statements).toBe(3); // answered by the subgraphs
    expect(official.headers.get("cache-control")).toBe("private, no-store");
    expect(official.headers.get("etag")).toBeNull();

    const query = `{ representations(first: 2) { nodes { id city } } }`;
    const stored = stack.gateway.cache.store!.stats.stored;
    expect((await stack.query(query, undefined, as.secretariat)).headers.get("cache-control")).toBe("private, no-store");
    expect(stack.gateway.cache.store!.stats.stored).toBe(stored);
    await stack.query(query);
    expect((await stack.query(query)).headers.get("x-cache")).toBe("MISS");
  });

  it("never caches an answer with errors: FORBIDDEN fields, bad input", async () => {
    const forbidden = `{ representation(id: "${ID}") { id auditTrail { action } } }`;
    for (let i = 0; i < 2; i++) {
      const { body, headers } = await stack.query(forbidden);
      expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(headers.get("cache-control")).toBe("private, no-store");
      expect(headers.get("x-cache")).toBeNull();
    }
    const bad = await stack.query(`{ representations(first: 500) { totalCount } }`);
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never caches restricted or non-directory fields, even when the answer has no error", async () => {
    // Public focal point fields (institution) come from the roster, whose writes do not move the directory revision.
    for (const query of [`{ countries(filter: { crm: [MEMBER] }) { code focalPoints { institution } } }`, `{ focalPoints(first: 2) { personName } }`]) {
      await stack.query(query);
      const { headers } = await stack.query(query);
      expect(headers.get("cache-control")).toBe("private, no-store");
      expect(headers.get("x-cache")).toBeNull();
    }
  });
});
