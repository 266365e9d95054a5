import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../platform/src/paths";
import { cachedOperationCost, operationCost } from "../../gateway/src/cost-rule";
import { DEFAULT_LIMITS } from "../../gateway/src/limits";
import { startTestStack, type TestStack } from "../helpers/stack";

const schema = buildSchema(readFileSync(join(projectRoot(), "gateway", "api-schema.graphql"), "utf8"));
/** The cost of each operation of a document (variables as the project's clients send them at most). */
const costs = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((op) => operationCost(schema, document, op, variables));
};

/** Issue 19, finding 4: a cost limit by list sizes × fields, and a cap on one answer's bytes. */
describe("the cost of an operation", () => {
  it("counts the nested partner-contact lists that returned 345,000 objects at 125 million", () => {
    // 250 countries × 500 contacts × (country × 500 contacts × id).
    expect(costs(`{ countries { partnerContacts { country { partnerContacts { id } } } } }`)).toEqual([125_250_250]);
  });

  it("keeps every operation of the project's own clients (operations/*.graphql) within the anonymous limit, but the sync's feeds and batches within the key limit", () => {
    const dir = join(projectRoot(), "operations");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".graphql"))) {
      const limit = file === "sync.graphql" ? DEFAULT_LIMITS.costWithBatchKey : DEFAULT_LIMITS.cost;
      for (const cost of costs(readFileSync(join(dir, file), "utf8"))) expect(cost, file).toBeLessThanOrEqual(limit);
    }
  });

  it("takes a list's size from `first` (of the field or of its connection, literal or variable), and counts each fragment spread", () => {
    expect(costs(`{ representations(first: 5) { nodes { id } } }`)).toEqual([1 + 5 * 2]);
    expect(costs(`query ($n: Int) { representations(first: $n) { nodes { id } } }`, { n: 7 })).toEqual([1 + 7 * 2]);
    expect(costs(`fragment F on Representation { id city } { representations(first: 5) { nodes { ...F ...F } } }`)).toEqual([1 + 5 * 5]);
    expect(costs(`{ countries { code } }`)).toEqual([250 * 2]);
  });
});

describe("the cost held per operation", () => {
  it("is the walk's cost, for each value of the variables it reads (first, and the length of a batch), and ignores the others", () => {
    const document = parse(`query ($n: Int, $text: String) { representations(first: $n, filter: { text: $text }) { nodes { id sendingCountry { focalPoints { id } } } } }`);
    const [operation] = document.definitions as OperationDefinitionNode[];
    for (const variables of [{ n: 7 }, { n: 100 }, { n: 7, text: "haiti" }, { n: 3 }, {}, { n: "7" }]) {
      expect(cachedOperationCost(schema, document, operation, variables), JSON.stringify(variables)).toBe(operationCost(schema, document, operation, variables));
    }
    expect(cachedOperationCost(schema, document, operation, { n: 100 })).toBeGreaterThan(cachedOperationCost(schema, document, operation, { n: 7 }));
    const batch = parse(`mutation ($rows: [PartnerContactInput!]!) { syncPartnerContacts(batchId: "b", mode: DELTA, contacts: $rows) { rows { status } } }`);
    const [upsert] = batch.definitions as OperationDefinitionNode[];
    const rows = (n: number) => ({ rows: Array.from({ length: n }, () => ({})) });
    expect(cachedOperationCost(schema, batch, upsert, rows(2))).toBe(operationCost(schema, batch, upsert, rows(2)));
    expect(cachedOperationCost(schema, batch, upsert, rows(900))).toBe(operationCost(schema, batch, upsert, rows(900)));
    expect(cachedOperationCost(schema, batch, upsert, rows(900))).toBeGreaterThan(cachedOperationCost(schema, batch, upsert, rows(2)));
  });
});

describe("through the gateway", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite", { limits: { ...DEFAULT_LIMITS, answerBytes: 32 * 1024 } });
  });
  afterAll(() => stack?.stop());

  it("an operation over the cost limit is a 400 before any subgraph is called", async () => {
    const response = await fetch(stack.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ countries { partnerContacts { country { partnerContacts { id } } } } }` }),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].message).toContain("is over the limit of 100,000");
    expect(body.errors[0].extensions.code).toBe("COST_LIMIT_EXCEEDED");
  });

  it("the same query is judged again for each page size: within the limit, over it, within it", async () => {
    const query = `query ($n: Int) { representations(first: $n) { nodes { id sendingCountry { code partnerContacts { id } } } } }`;
    const status = async (n: number) => {
      const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables: { n } }) });
      const body = await response.json();
      return body.errors?.some((e: { extensions?: { code?: string } }) => e.extensions?.code === "COST_LIMIT_EXCEEDED") ? "refused" : "judged within";
    };
    expect(await status(5)).toBe("judged within");
    expect(await status(100)).toBe("refused");
    expect(await status(5)).toBe("judged within");
  });

  it("an answer over GATEWAY_MAX_ANSWER_MB is a 400 RESPONSE_TOO_LARGE, never stored", async () => {
    const query = `{ representations(first: 100) { nodes { id name city address fieldSources { url excerpt } } } }`;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
      expect(response.status).toBe(400);
      expect(response.headers.get("x-cache")).toBeNull();
      expect((await response.json()).errors[0].extensions.code).toBe("RESPONSE_TOO_LARGE");
    }
  });
});
