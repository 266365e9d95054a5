import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

describe.each(DATABASES)("Query.representations through the gateway (%s)", (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("lists Haitian consulates in Mexico and the Dominican Republic with their procedures", async () => {
    const { body } = await stack.query(
      `query ($s: [String!], $h: [String!]) {
        representations(filter: { sendingCountry: $s, hostCountry: $h, kind: [CONSULATE, CONSULATE_GENERAL] }, first: 50) {
          totalCount
          nodes { id city hostCountry { code } procedures { basis procedure { code } } }
        }
      }`,
      { s: ["HT"], h: ["MX", "DO"] },
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, nodes } = body.data.representations;
    expect(totalCount).toBe(nodes.length);
    expect(nodes.map((n: any) => n.id)).toContain("ht-do-cons-dajabon");
    expect(new Set(nodes.map((n: any) => n.hostCountry.code))).toEqual(new Set(["MX", "DO"]));
    for (const node of nodes) {
      expect(node.procedures.map((p: any) => p.procedure.code)).toContain("EMERGENCY_TRAVEL_DOCUMENT");
      // The source has no procedure column: nothing may claim to be confirmed.
      expect(new Set(node.procedures.map((p: any) => p.basis))).toEqual(new Set(["TYPICAL_FOR_KIND"]));
    }
  });
});
