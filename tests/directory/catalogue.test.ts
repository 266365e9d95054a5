import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const OFFICE = `query ($id: ID!) { representation(id: $id) { id version name sendingCountry { name } hostCountry { name } procedures { procedure { code label } } } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { version } }`;
const ID = "ht-do-cons-dajabon";

/** Countries and procedures are held in memory per catalogue revision (subgraphs/directory/src/loaders/catalogue.ts). */
describe.each(DATABASES)("the directory's catalogue in memory (%s)", (db) => {
  let stack: TestStack;
  let as: Awaited<ReturnType<TestStack["callers"]>>;
  beforeAll(async () => {
    stack = await startTestStack(db);
    as = await stack.callers({ secretariat: { role: "SECRETARIAT", label: "ST" } });
  });
  afterAll(() => stack?.stop());

  const office = async () => {
    stack.resetStatements();
    const { body } = await stack.querySubgraph("directory", OFFICE, { id: ID });
    expect(body.errors).toBeUndefined();
    return { office: body.data.representation, statements: stack.statements() };
  };

  it("names countries, procedures, offers and the office itself without a statement of their own: the revisions only", async () => {
    await office(); // the offers and the offices as of this revision, read once
    const { office: read, statements } = await office();
    expect(read).toMatchObject({ name: "Consulado de Haití", sendingCountry: { name: "Haití" }, hostCountry: { name: "República Dominicana" } });
    expect(read.procedures.length).toBeGreaterThan(0);
    expect(statements).toBe(1);
  });

  it("an office's edit reads the offers and the offices again once, never the catalogue; the mutation answers with what it wrote", async () => {
    const { office: before } = await office();
    const edit = await stack.query(
      `mutation ($id: ID!, $version: Int!, $changes: RepresentationChanges!) { updateRepresentation(id: $id, version: $version, changes: $changes) { version address procedures { procedure { code } } } }`,
      { id: ID, version: before.version, changes: { address: "Calle Duarte 1, Dajabón" } },
      as.secretariat,
    );
    expect(edit.body.errors).toBeUndefined();
    expect(edit.body.data.updateRepresentation).toMatchObject({ version: before.version + 1, address: "Calle Duarte 1, Dajabón" });
    expect((await office()).statements).toBe(3);
    expect((await office()).statements).toBe(1);
  });

  it("a write to an office, by anyone (here plain SQL), shows in the next answer; a list takes only its page's ids from SQL", async () => {
    const dataSource = stack.subgraphs.directory.dataSource;
    const p = (i: number) => (dataSource.options.type === "postgres" ? `$${i}` : "?");
    const [{ city }] = await dataSource.query(`SELECT city FROM representation WHERE id = ${p(1)}`, [ID]);
    await dataSource.query(`UPDATE representation SET city = ${p(1)} WHERE id = ${p(2)}`, ["Dajabón (prueba)", ID]);
    try {
      const list = `query { representations(filter: { sendingCountry: ["HT"], hostCountry: ["DO"] }, first: 20) { nodes { id city } } }`;
      await stack.querySubgraph("directory", list, {}); // the offices as of this revision, read once
      stack.resetStatements();
      const { body } = await stack.querySubgraph("directory", list, {});
      expect(body.errors).toBeUndefined();
      expect(body.data.representations.nodes.find((n: { id: string }) => n.id === ID)?.city).toBe("Dajabón (prueba)");
      expect(stack.statements()).toBe(2); // the revisions, the page's ids
      const read = await stack.querySubgraph("directory", `query ($id: ID!) { representation(id: $id) { city } }`, { id: ID });
      expect(read.body.data.representation.city).toBe("Dajabón (prueba)");
    } finally {
      await dataSource.query(`UPDATE representation SET city = ${p(1)} WHERE id = ${p(2)}`, [city, ID]);
    }
    expect((await office()).office).toMatchObject({ id: ID });
    const { body } = await stack.querySubgraph("directory", `query { representation(id: "${ID}") { city } }`, {});
    expect(body.data.representation.city).toBe(city);
  });

  it("a write to an office's offers, by anyone (here plain SQL), shows in the next answer, in catalogue order", async () => {
    const dataSource = stack.subgraphs.directory.dataSource;
    const p = (i: number) => (dataSource.options.type === "postgres" ? `$${i}` : "?");
    const codes = async () => (await office()).office.procedures.map((o: { procedure: { code: string } }) => o.procedure.code);
    const before: string[] = await codes();
    const [kept] = await dataSource.query(`SELECT procedure_code, basis, note, source_url FROM procedure_offer WHERE representation_id = ${p(1)} AND procedure_code = ${p(2)}`, [ID, before[0]]);
    await dataSource.query(`DELETE FROM procedure_offer WHERE representation_id = ${p(1)} AND procedure_code = ${p(2)}`, [ID, before[0]]);
    try {
      expect(await codes()).toEqual(before.slice(1));
    } finally {
      await dataSource.query(`INSERT INTO procedure_offer (representation_id, procedure_code, basis, note, source_url) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`, [
        ID,
        kept.procedure_code,
        kept.basis,
        kept.note,
        kept.source_url,
      ]);
    }
    expect(await codes()).toEqual(before);
  });

  it("a write to the countries or the procedure catalogue, by anyone (here plain SQL), shows in the next answer", async () => {
    const dataSource = stack.subgraphs.directory.dataSource;
    const [first] = await dataSource.query(`SELECT label_es FROM procedure WHERE code = 'PASSPORT'`);
    await dataSource.query(`UPDATE country SET name_es = 'Haití (prueba)' WHERE code = 'HT'`);
    await dataSource.query(`UPDATE procedure SET label_es = 'Pasaporte (prueba)' WHERE code = 'PASSPORT'`);
    try {
      const { office: read, statements } = await office();
      expect(read.name).toBe("Consulado de Haití (prueba)");
      expect(read.sendingCountry.name).toBe("Haití (prueba)");
      expect(read.procedures.find((p: { procedure: { code: string } }) => p.procedure.code === "PASSPORT")?.procedure.label).toBe("Pasaporte (prueba)");
      expect(statements).toBe(5); // and the countries, the procedures and the offers, read again once (the offices' rows do not depend on them)
      expect((await office()).statements).toBe(1);
    } finally {
      await dataSource.query(`UPDATE country SET name_es = 'Haití' WHERE code = 'HT'`);
      const parameter = dataSource.options.type === "postgres" ? "$1" : "?";
      await dataSource.query(`UPDATE procedure SET label_es = ${parameter} WHERE code = 'PASSPORT'`, [first.label_es]);
    }
  });
});
