import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/stack";

/** Issue 20, point 3 (in part): an anonymous name is looked for in the CRM member states first, then the other host countries. */
describe("the CRM region first for names typed anonymously", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack("sqlite");
  });
  afterAll(() => stack?.stop());
  const place = async (search: string) => (await stack.query(`query ($s: String!) { places(search: $s, first: 3) { name country { code } } }`, { s: search })).body.data.places;

  it("Corozal is in Belize (a CRM member), not Colombia; Colombia's is offered after it", async () => {
    const found = await place("Corozal");
    expect(found[0].country.code).toBe("BZ");
  });

  it("Santiago is in a CRM member state before Chile", async () => {
    const found = await place("Santiago");
    expect(["BZ", "CA", "CR", "DO", "GT", "HN", "MX", "NI", "PA", "SV", "US"]).toContain(found[0].country.code);
  });
});
