import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

/** POSTs a raw body: what a careless or hostile client sends, not what the helper builds. */
async function post(stack: TestStack, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe("gateway: bad requests are a 4xx with a code, never a 500", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
  });
  afterAll(() => stack?.stop());

  it("refuses an operationName the document does not contain", async () => {
    const { status, body } = await post(stack, JSON.stringify({ query: "query A { __typename }", operationName: "B" }));
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: 'Unknown operation named "B".', extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }] });
  });

  it("refuses several operations without an operationName", async () => {
    const { status, body } = await post(stack, JSON.stringify({ query: "query A { __typename } query B { __typename }" }));
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: "Must provide operation name if query contains multiple operations.", extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }] });
  });

  it("still runs the named one of several operations", async () => {
    const { status, body } = await post(stack, JSON.stringify({ query: "query A { __typename } query B { procedures { code } }", operationName: "A" }));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a subscription: the API has none", async () => {
    const { status, body } = await post(stack, JSON.stringify({ query: "subscription { __typename }" }));
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message: "This API has no subscription operations.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });

  it("refuses a Float literal that overflows to Infinity, and Infinity in variables", async () => {
    const literal = await post(stack, JSON.stringify({ query: '{ nearestRepresentations(nationalities: ["BD"], near: { place: "Tapachula" }, maxDistanceKm: 1e999) { place { name } } }' }));
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]).toMatchObject({ message: "Float cannot represent non-finite value 1e999.", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    // JSON has no Infinity; 1e999 is what a client's serializer sends for it.
    const variable = await post(
      stack,
      '{"query":"query ($d: Float) { nearestRepresentations(nationalities: [\\"BD\\"], near: { place: \\"Tapachula\\" }, maxDistanceKm: $d) { place { name } } }","variables":{"d":1e999}}',
    );
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("holds a depth limit for introspection: a 50-deep ofType chain is refused, GraphiQL's own introspection is not", async () => {
    let chain = "name";
    for (let i = 0; i < 50; i++) chain = `ofType { ${chain} }`;
    for (const query of [`{ __schema { types { ${chain} } } }`, `{ __type(name: "Query") { ${chain} } }`]) {
      const { status, body } = await post(stack, JSON.stringify({ query }));
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
      expect(body.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(/^Introspection depth limit of 15 exceeded, found 5[23]\.$/));
    }
    const full = await post(stack, JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }) }));
    expect(full.status).toBe(200);
    expect(full.body.data.__schema.queryType).toMatchObject({ name: "Query" });
  });
});

describe.each(DATABASES)("free-text filters have limits (%s)", (kind) => {
  let stack: TestStack;
  let callers: Record<string, Record<string, string>>;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    callers = await stack.callers(ROLE_KEYS);
  });
  afterAll(() => stack?.stop());

  const cases = [
    ["representations", "query ($t: String) { representations(filter: { text: $t }) { totalCount } }"],
    ["countries", "query ($t: String) { countries(filter: { text: $t }) { code } }"],
    ["focalPoints", "query ($t: String) { focalPoints(filter: { text: $t }) { id } }"],
  ] as const;

  it.each(cases)("%s: 50,001 characters and 1,000 words are BAD_USER_INPUT on filter.text", async (_name, query) => {
    for (const [text, reason] of [
      ["a".repeat(50_001), "at most 200 characters (got 50001)"],
      ["ab ".repeat(1000), "at most 200 characters (got 3000)"],
      ["a ".repeat(13), "at most 12 words (got 13)"],
    ]) {
      const { status, body } = await stack.query(query, { t: text }, callers.secretariat);
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]).toMatchObject({ message: `filter.text: ${reason}`, extensions: { code: "BAD_USER_INPUT", field: "filter.text" } });
    }
  });

  it("still finds with a text within the limits", async () => {
    const { body } = await stack.query(`{ representations(filter: { text: "embajada haiti mexico" }) { totalCount } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.representations.totalCount).toBeGreaterThan(0);
  });
});
