import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyImportDiff } from "../../seed/src/import/apply";
import { runImport } from "../../seed/src/import/run-import";
import { AuditEntry, Representation } from "../../subgraphs/directory/src/entities";
import { DATABASES } from "../helpers/databases";
import { startTestStack, type TestStack } from "../helpers/stack";

const DOE = join(__dirname, "fixtures/database_of_embassies-2024-05-01.csv");
const ENLACE = join(__dirname, "fixtures/enlace-sample.csv");

describe.each(DATABASES)("npm run import (%s)", (db) => {
  let stack: TestStack;
  const ds = () => stack.subgraphs.directory.dataSource;
  const snapshot = async () => ({
    reps: await ds().query(`SELECT id, version, address, phones, emails, source_urls FROM representation ORDER BY id`),
    audit: await ds().query(`SELECT COUNT(*) AS n FROM directory_audit`),
  });
  beforeAll(async () => {
    stack = await startTestStack(db);
  });
  afterAll(() => stack?.stop());

  it("shows the diff of a database-of-embassies export and changes nothing without --apply", async () => {
    const before = await snapshot();
    const result = await runImport(ds(), DOE, { format: "auto", apply: false });
    expect(result).toMatchObject({ format: "database-of-embassies", sourceDate: "2024-05-01", applied: false });
    expect(result.parsed.skipped).toEqual({
      "neither in a CRM state nor accredited to one": 1,
      'type "apostolic nunciature" is not a mission Enlace lists': 1,
      "sender is a CRM member": 1,
    });
    expect(result.diff.created.map((r) => r.id)).toEqual(["bd-hn-hcons-tegucigalpa"]);
    expect(result.diff.changed).toEqual([
      expect.objectContaining({
        id: "ht-mx-emb-mexico-city",
        changes: {
          address: [null, "Presa Don Martín 53"],
          phones: [[], ["+52 55 5580 2487"]],
          emails: [[], ["amb.mexique@diplomatie.ht"]], // the export's mailto: removed
        },
      }),
    ]);
    expect(result.diff.rejected.map((p) => [p.line, p.reason.split(":")[0]])).toEqual([
      [7, "country"], // Nigeria "in Nigeria", accredited to Mexico: the export's country is wrong
      [9, "latitude"],
      [8, "duplicate"], // a second Haitian embassy in Mexico City
    ]);
    // Offices from this source that the (small) export lacks are proposed, never closed.
    expect(result.diff.missing.length).toBeGreaterThan(500);
    expect(result.diff.missing.map((m) => m.id)).not.toContain("ht-mx-emb-mexico-city");
    expect(await snapshot()).toEqual(before);
  });

  it("applies it in one transaction, with provenance and audit, visible through the gateway; re-importing changes nothing", async () => {
    await runImport(ds(), DOE, { format: "auto", apply: true });
    const haiti = await ds().manager.findOneByOrFail(Representation, { id: "ht-mx-emb-mexico-city" });
    expect(haiti).toMatchObject({ version: 2, address: "Presa Don Martín 53", sourceDate: "2024-05-01", emails: ["amb.mexique@diplomatie.ht"] });
    expect(haiti.phones).toEqual([{ e164: "+525555802487", raw: "+52 55 5580 2487" }]);
    expect(haiti.sourceUrls.slice(0, 2)).toEqual(["file:database_of_embassies-2024-05-01.csv#L2", "http://www.wikidata.org/entity/Q110754652"]);
    const audit = await ds().manager.find(AuditEntry, { order: { id: "ASC" } });
    expect(audit.map((a) => [a.action, a.entityId, a.actor])).toEqual([
      ["CREATED", "bd-hn-hcons-tegucigalpa", "import:database_of_embassies-2024-05-01.csv"],
      ["IMPORTED", "ht-mx-emb-mexico-city", "import:database_of_embassies-2024-05-01.csv"],
    ]);
    expect(Object.keys(audit[1].changes).sort()).toEqual(["address", "emails", "lastVerifiedOn", "phones", "sourceDate", "sourceUrls"]);

    const { body } = await stack.query(
      `{ representation(id: "bd-hn-hcons-tegucigalpa") { kind city status jurisdiction { basis country { code } } procedures { procedure { code } } provenance { sourceDate } } }`,
    );
    expect(body.data.representation).toEqual({
      kind: "HONORARY_CONSULATE",
      city: "Tegucigalpa",
      status: "ACTIVE",
      jurisdiction: [{ basis: "RESIDENT", country: { code: "HN" } }],
      procedures: [{ procedure: { code: "DETAINEE_ASSISTANCE" } }],
      provenance: { sourceDate: "2024-05-01" },
    });

    const before = await snapshot();
    const again = await runImport(ds(), DOE, { format: "auto", apply: true });
    expect([again.diff.created.length, again.diff.changed.length]).toEqual([0, 0]);
    expect(await snapshot()).toEqual(before);
  });

  it("applies nothing when an office changed after the diff was computed", async () => {
    const { diff } = await runImport(ds(), ENLACE, { format: "auto", apply: false });
    expect(diff.created.map((r) => r.id)).toEqual(["ht-do-cons-elias-pina"]);
    expect(diff.changed.map((c) => [c.id, Object.keys(c.changes)])).toEqual([["ht-mx-emb-mexico-city", ["website"]]]);
    await ds().query(`UPDATE representation SET version = version + 1 WHERE id = 'ht-mx-emb-mexico-city'`);
    const before = await snapshot();
    await expect(ds().transaction((m) => applyImportDiff(m, diff, { actor: "test", sourceDate: "2024-05-01" }))).rejects.toMatchObject({ extensions: { code: "VERSION_CONFLICT" } });
    expect(await snapshot()).toEqual(before); // the new office was rolled back too
  });

  it("reads Enlace's own format, matching by id and rejecting bad rows", async () => {
    const result = await runImport(ds(), ENLACE, { format: "enlace", apply: false });
    expect(result.diff.rejected.map((p) => [p.id, p.reason.split(":")[0]])).toEqual([["bad-row", "host_country_iso2"]]);
    expect(result.diff.unchanged.sort()).toEqual(["ht-do-cons-dajabon", "in-pa-emb-panama-city"]);
  });
});
