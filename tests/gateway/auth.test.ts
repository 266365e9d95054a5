import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDENTITY_HEADER, Role, SIGNATURE_HEADER, signIdentity } from "../../platform/src/identity";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const QUERY = `{ representation(id: "ht-mx-emb-mexico-city") { id } }`;
const OK = { data: { representation: { id: "ht-mx-emb-mexico-city" } } };
const UNAUTHENTICATED = { code: "UNAUTHENTICATED" };

describe.each(DATABASES)("API keys at the gateway (%s)", (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("serves anonymous callers as PUBLIC", async () => {
    const { status, body } = await stack.query(QUERY);
    expect([status, body]).toEqual([200, OK]);
  });

  it("accepts a key as a bearer token or in X-API-Key", async () => {
    const { key } = await stack.keys.create({ role: "OFFICIAL", country: "cr", label: "DGME Costa Rica" });
    expect((await stack.query(QUERY, undefined, { authorization: `Bearer ${key}` })).body).toEqual(OK);
    expect((await stack.query(QUERY, undefined, { "x-api-key": key })).body).toEqual(OK);
  });

  it("refuses a malformed, unknown or wrong key with 401, never downgrading to PUBLIC", async () => {
    const { key } = await stack.keys.create({ role: "SECRETARIAT", label: "ST" });
    const wrongSecret = key.slice(0, -4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
    const unknownId = key.replace(/^enl_[0-9a-f]{12}/, "enl_000000000000");
    for (const bad of ["nonsense", wrongSecret, unknownId]) {
      const { status, body } = await stack.query(QUERY, undefined, { authorization: `Bearer ${bad}` });
      expect(status).toBe(401);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining("not valid or has been revoked"), extensions: UNAUTHENTICATED });
      expect(body.data).toBeUndefined();
    }
  });

  it("stops accepting a key as soon as it is revoked", async () => {
    const { id, key } = await stack.keys.create({ role: "PARTNER", conference: "csm", label: "CSM sync" });
    expect((await stack.query(QUERY, undefined, { authorization: `Bearer ${key}` })).status).toBe(200);
    expect(await stack.keys.revoke(id)).toBe(true);
    expect((await stack.query(QUERY, undefined, { authorization: `Bearer ${key}` })).status).toBe(401);
    expect(await stack.keys.revoke(id)).toBe(false);
  });

  it("stores only a slow hash of the secret", async () => {
    const { id, key } = await stack.keys.create({ role: "SECRETARIAT", label: "hash check" });
    const [row] = (await stack.keys.list()).filter((k) => k.id === id);
    // The secret is base64url and may itself contain "_": everything after the id.
    const secret = key.slice(`enl_${id}_`.length);
    expect(secret).toHaveLength(43);
    expect(row.secretHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(row.secretHash).not.toContain(secret);
  });

  it.each([
    [{ role: "PUBLIC", label: "x" }, "role"],
    [{ role: "ADMIN", label: "x" }, "role"],
    [{ role: "OFFICIAL", label: "x" }, "country"],
    [{ role: "OFFICIAL", country: "XX", label: "x" }, "country"],
    [{ role: "SECRETARIAT", country: "MX", label: "x" }, "country"],
    [{ role: "PARTNER", conference: "EU", label: "x" }, "conference"],
    [{ role: "SECRETARIAT", label: " " }, "label"],
  ])("refuses to create %j, naming %s", async (input, field) => {
    const before = (await stack.keys.list()).length;
    await expect(stack.keys.create(input)).rejects.toMatchObject({ field });
    expect((await stack.keys.list()).length).toBe(before);
  });
});

describe("subgraphs trust only identities the gateway signed", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
  });
  afterAll(() => stack?.stop());

  it("listen on loopback", () => {
    for (const subgraph of Object.values(stack.subgraphs)) expect(subgraph.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it("answer a signed request", async () => {
    expect((await stack.querySubgraph("directory", QUERY)).body).toEqual(OK);
    expect((await stack.querySubgraph("directory", QUERY, undefined, { identity: { role: Role.SECRETARIAT } })).body).toEqual(OK);
  });

  const refused: [string, () => Record<string, string> | null][] = [
    ["no identity at all", () => null],
    ["an identity signed with another secret", () => signIdentity({ role: Role.SECRETARIAT }, "x".repeat(48))],
    [
      "a PUBLIC identity edited to claim SECRETARIAT",
      () => {
        const signed = signIdentity({ role: Role.PUBLIC }, stack.identitySecret);
        const claims = JSON.parse(Buffer.from(signed[IDENTITY_HEADER], "base64url").toString());
        return { ...signed, [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ ...claims, role: "SECRETARIAT" })).toString("base64url") };
      },
    ],
    ["an identity signed ten minutes ago (replay)", () => signIdentity({ role: Role.PUBLIC }, stack.identitySecret, Date.now() - 600_000)],
    ["a signature without an identity", () => ({ [SIGNATURE_HEADER]: "abc" })],
  ];
  it.each(refused.flatMap(([name, headers]) => ["directory", "roster"].map((subgraph) => [`${subgraph}: ${name}`, subgraph, headers] as const)))(
    "refuse %s with 401 UNAUTHENTICATED",
    async (_name, subgraph, headers) => {
      const { status, body } = await stack.querySubgraph(subgraph, "{ __typename }", undefined, { identity: null, headers: headers() ?? {} });
      expect(status).toBe(401);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Unauthenticated: /), extensions: UNAUTHENTICATED });
      expect(body.data).toBeUndefined();
    },
  );

  it("answer a body that is not JSON with 400, one over the limit with 413, each as a GraphQL error", async () => {
    const post = (body: string) =>
      fetch(stack.subgraphs.directory.url, { method: "POST", headers: { "content-type": "application/json", ...signIdentity({ role: Role.PUBLIC }, stack.identitySecret) }, body });
    const broken = await post('{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_REQUEST");
    const large = await post(JSON.stringify({ query: `{ __typename } # ${"x".repeat(1_100_000)}` }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/too large/);
    expect((await post(JSON.stringify({ query: "{ __typename }" }))).status).toBe(200);
  });

  it("answer a GET query as Apollo Server does (a preflight header against CSRF), and refuse one without an identity", async () => {
    const url = `${stack.subgraphs.directory.url}?query=${encodeURIComponent("{ __typename }")}`;
    const signed = signIdentity({ role: Role.PUBLIC }, stack.identitySecret);
    const answered = await fetch(url, { headers: { ...signed, "apollo-require-preflight": "1" } });
    expect({ status: answered.status, body: await answered.json() }).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
    expect((await fetch(url, { headers: signed })).status).toBe(400); // no preflight header: Apollo's CSRF prevention
    expect((await fetch(url, { headers: { "apollo-require-preflight": "1" } })).status).toBe(401);
  });

  it("answer their own health check beside GraphQL", async () => {
    const response = await fetch(stack.subgraphs.directory.url.replace(/\/graphql$/, "/healthz"));
    expect(await response.json()).toEqual({ status: "ok", subgraph: "directory" });
  });

  it("are still ready for the gateway's health checks", async () => {
    const response = await fetch(stack.url.replace(/\/graphql$/, "/readyz"));
    expect(response.status).toBe(200);
  });
});
