import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../seed/src/import/run-import";
import { DATABASES } from "../helpers/databases";
import { ROLE_KEYS, startTestStack, type TestStack } from "../helpers/stack";

const DOE = join(__dirname, "fixtures/database_of_embassies-2024-05-01.csv");
const SOURCED = join(__dirname, "fixtures/enlace-sourced-2024-05-01.csv");

/** Issue 18: a value enters the directory with its source, through the import too. */
describe.each(DATABASES)("the import carries a source per value (%s)", (db) => {
  let stack: TestStack;
  const ds = () => stack.subgraphs.directory.dataSource;
  const sourcesOf = async (id: string) =>
    (await stack.query(`query ($id: ID!) { representation(id: $id) { phones { raw } emails openingHours fieldSources { field value url published seenOn excerpt } } }`, { id })).body.data
      .representation;
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("refuses a row holding a value without a source, naming the value, and writes nothing of it", async () => {
    const before = await sourcesOf("ht-mx-cons-tapachula");
    const result = await runImport(ds(), SOURCED, { format: "auto", apply: true });
    expect(result.diff.rejected).toEqual([{ line: 3, id: "ht-mx-cons-tapachula", reason: 'email "consulat.tapachula@example.org": no source (url, date and excerpt) states it' }]);
    expect(await sourcesOf("ht-mx-cons-tapachula")).toEqual(before);
  });

  it("applies a sourced value with its source, replacing nothing else; the API shows the source", async () => {
    const office = await sourcesOf("ht-mx-emb-mexico-city");
    expect(office.phones).toEqual([{ raw: "+52 55 5580 2487" }]);
    expect(office.openingHours).toBe("Mo-Fr 09:00-14:00");
    expect(office.fieldSources).toEqual(
      expect.arrayContaining([
        {
          field: "PHONE",
          value: "+52 55 5580 2487",
          url: "https://example.org/test-page/haiti-embassy-mexico",
          published: "2024-05-01",
          seenOn: "2026-11-30",
          excerpt: "phone number: +52 55 5580 2487",
        },
        expect.objectContaining({ field: "OPENING_HOURS", value: "Mo-Fr 09:00-14:00" }),
      ]),
    );
  });

  it("a database-of-embassies export is the source of its own values: its line, dated with the export", async () => {
    await runImport(ds(), DOE, { format: "auto", apply: true });
    const created = await sourcesOf("bd-hn-hcons-tegucigalpa");
    expect(created.fieldSources.every((s: { url: string; published: string }) => s.url.startsWith("file:database_of_embassies-2024-05-01.csv#L") && s.published === "2024-05-01")).toBe(true);
    const [{ n }] = await ds().query(`SELECT COUNT(*) AS n FROM field_source WHERE representation_id = 'ht-mx-emb-mexico-city' AND field = 'ADDRESS' AND value = 'Presa Don Martín 53'`);
    expect(Number(n)).toBe(1);
  });
});

/** Issue 19, finding 3: an import never replaces newer data with older, nor an edit made since, unless told to. */
describe.each(DATABASES)("the import keeps newer values and recent edits (%s)", (db) => {
  let stack: TestStack;
  let secretariat: Record<string, string>;
  const ds = () => stack.subgraphs.directory.dataSource;
  const office = async (id: string) => (await ds().query(`SELECT address, version, source_date AS "sourceDate" FROM representation WHERE id = '${id}'`))[0];
  beforeAll(async () => {
    stack = await startTestStack(db);
    secretariat = (await stack.callers({ secretariat: ROLE_KEYS.secretariat })).secretariat;
  });
  afterAll(() => stack?.stop());

  it("a 2023 export does not replace an address whose source is of 2024: held back, listed in the dry run, never applied", async () => {
    const before = await office("ec-us-cons-chicago");
    const dry = await runImport(ds(), join(__dirname, "fixtures/enlace-older-2023-06-01.csv"), { format: "auto", apply: false });
    expect(dry.diff.changed).toEqual([]);
    expect(dry.diff.heldBack).toEqual([
      { id: "ec-us-cons-chicago", field: "address", kept: before.address, offered: "180 North Wabash Avenue, Chicago (an older test address)", reason: "NEWER_SOURCE", since: "2024-10" },
    ]);
    const applied = await runImport(ds(), join(__dirname, "fixtures/enlace-older-2023-06-01.csv"), { format: "auto", apply: true, overwriteEdits: true });
    expect(applied.diff.heldBack).toHaveLength(1); // --overwrite-edits never replaces a newer source
    expect(await office("ec-us-cons-chicago")).toEqual(before);
  });

  it("an export older than a secretariat edit does not undo it: held back in the dry run; --overwrite-edits replaces it", async () => {
    const { version } = await office("ht-mx-emb-mexico-city");
    const edit = await stack.query(
      `mutation ($v: Int!) { updateRepresentation(id: "ht-mx-emb-mexico-city", version: $v, changes: { address: "Edited by the secretariat today" }) { version } }`,
      { v: version },
      secretariat,
    );
    expect(edit.body.errors).toBeUndefined();
    const dry = await runImport(ds(), DOE, { format: "auto", apply: false });
    expect(dry.diff.heldBack).toContainEqual(
      expect.objectContaining({ id: "ht-mx-emb-mexico-city", field: "address", kept: "Edited by the secretariat today", offered: "Presa Don Martín 53", reason: "EDITED_SINCE" }),
    );
    // The other fields the export brings (phone, e-mail) are older than nothing: they apply.
    expect(dry.diff.changed.find((c) => c.id === "ht-mx-emb-mexico-city")?.changes).toHaveProperty("phones");
    await runImport(ds(), DOE, { format: "auto", apply: true });
    expect((await office("ht-mx-emb-mexico-city")).address).toBe("Edited by the secretariat today");
    const forced = await runImport(ds(), DOE, { format: "auto", apply: true, overwriteEdits: true });
    expect(forced.diff.heldBack.filter((h) => h.id === "ht-mx-emb-mexico-city")).toEqual([]);
    expect((await office("ht-mx-emb-mexico-city")).address).toBe("Presa Don Martín 53");
  });
});
