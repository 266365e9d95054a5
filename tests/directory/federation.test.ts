import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

describe.each(DATABASES)("directory subgraph as a federation subgraph (%s)", (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("publishes its SDL with the entity keys through _service", async () => {
    const { body } = await stack.querySubgraph("directory", `{ _service { sdl } }`);
    const sdl: string = body.data._service.sdl;
    expect(sdl).toMatch(/type Country\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Representation\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
  });

  it("resolves Country and Representation references through _entities, in one batch each", async () => {
    stack.resetStatements();
    const { body } = await stack.querySubgraph(
      "directory",
      `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Country { code name(lang: EN) }
        ... on Representation { id kind }
      } }`,
      {
        reps: [
          { __typename: "Country", code: "HT" },
          { __typename: "Representation", id: "in-pa-emb-panama-city" },
          { __typename: "Country", code: "PA" },
          { __typename: "Representation", id: "no-such-office" },
        ],
      },
    );
    expect(body).toEqual({
      data: {
        _entities: [{ code: "HT", name: "Haiti" }, { id: "in-pa-emb-panama-city", kind: "EMBASSY" }, { code: "PA", name: "Panama" }, null],
      },
    });
    expect(stack.statements()).toBe(2); // the catalogue's revision (countries come from memory), one for the representations
  });
});

describe.each(DATABASES)("SQL statements per request (%s)", (db) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  const LIST = `query ($first: Int) {
    representations(first: $first) {
      totalCount
      nodes {
        id name sendingCountry { name } hostCountry { name alpha3 }
        jurisdiction { basis country { name } }
        procedures { basis procedure { label } }
      }
    }
  }`;

  async function statementsFor(first: number): Promise<number> {
    stack.resetStatements();
    const { body } = await stack.query(LIST, { first });
    expect(body.errors).toBeUndefined();
    expect(body.data.representations.nodes).toHaveLength(first);
    return stack.statements();
  }

  it("do not grow with the length of the list", async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    const hundred = await statementsFor(100);
    expect(fifty).toBe(five);
    expect(hundred).toBe(five);
    // the revisions + page + count + jurisdictions (countries, procedures and offers from memory)
    expect(five).toBe(4);
  });
});
