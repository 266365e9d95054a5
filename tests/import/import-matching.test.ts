import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDate, runImport } from "../../seed/src/import/run-import";
import { SUBGRAPHS } from "../../subgraphs";
import { SEEDS } from "../../seed/src";
import { AuditEntry, Representation } from "../../subgraphs/directory/src/entities";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";

const fixture = (name: string) => join(__dirname, "fixtures", name);
const DOE = fixture("database_of_embassies-2024-05-01.csv");
/** Real rows of the 2022-11-16 export: France's consulate general in Washington (no city) and Poland's in New York City. */
const FAR = fixture("far-offices-2022-11-16.csv");
/** Kosovo's embassy in Panama, the same row 15 times. */
const REPEATED = fixture("repeated-2022-11-16.csv");
const directory = { ...SUBGRAPHS.find((m) => m.name === "directory")!, seed: SEEDS.directory };

describe.each(DATABASES)("import: matching, repeats, dates and audit (%s)", (db) => {
  let databases: TestDatabases;
  let ds: DataSource;
  const scratch = mkdtempSync(join(tmpdir(), "enlace-import-"));
  const haiti = () => ds.manager.findOneByOrFail(Representation, { id: "ht-mx-emb-mexico-city" });

  beforeAll(async () => {
    databases = await createTestDatabases(db, ["directory"]);
    ds = await (await directory.load()).open(databases.config("directory"));
    await directory.seed(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await databases?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("refuses --apply without the export's date, and the offices keep their dates", async () => {
    const undated = join(scratch, "export.csv");
    copyFileSync(DOE, undated);
    const dry = await runImport(ds, undated, { format: "auto", apply: false });
    expect([dry.sourceDate, dry.diff.changed.map((c) => c.id)]).toEqual([null, ["ht-mx-emb-mexico-city"]]);
    await expect(runImport(ds, undated, { format: "auto", apply: true })).rejects.toThrow(/^--date: the export's date is unknown/);
    expect(await haiti()).toMatchObject({ version: 1, sourceDate: "2022-11-16", lastVerifiedOn: "2022-11-16" });
    expect(await ds.manager.count(AuditEntry)).toBe(0);
  });

  it("refuses a date that is not a calendar date or is in the future, given or in the file name", () => {
    expect(() => exportDate("export.csv", "2031-02-30", "2026-12-02")).toThrow('--date: "2031-02-30" is not a date (YYYY-MM-DD)');
    expect(() => exportDate("export.csv", "2099-01-01", "2026-12-02")).toThrow("--date: 2099-01-01 is in the future (today is 2026-12-02)");
    expect(() => exportDate("export-2099-01-01.csv", undefined, "2026-12-02")).toThrow("the date in the file name export-2099-01-01.csv: 2099-01-01 is in the future");
    expect(exportDate("export-2024-05-01.csv", undefined, "2026-12-02")).toBe("2024-05-01");
    expect(exportDate("export-2024-05-01.csv", "2024-06-30", "2026-12-02")).toBe("2024-06-30");
    expect(exportDate("export.csv", undefined)).toBeNull();
  });

  it("records every field a write changes in the audit, provenance included", async () => {
    await runImport(ds, DOE, { format: "auto", apply: true });
    const audit = await ds.manager.find(AuditEntry, { order: { id: "ASC" } });
    const created = audit.find((a) => a.entityId === "bd-hn-hcons-tegucigalpa")!;
    expect(created.action).toBe("CREATED");
    expect(created.changes).toMatchObject({
      sendingCountryCode: [null, "BD"],
      hostCountryCode: [null, "HN"],
      kind: [null, "HONORARY_CONSULATE"],
      city: [null, "Tegucigalpa"],
      latitude: [null, 14.0818],
      longitude: [null, -87.2068],
      coordinatePrecision: [null, "EXACT"],
      status: [null, "ACTIVE"],
      sourceDate: [null, "2024-05-01"],
      lastVerifiedOn: [null, "2024-05-01"],
      sourceUrls: [null, ["file:database_of_embassies-2024-05-01.csv#L3", "http://www.wikidata.org/entity/Q900000001"]],
    });
    const updated = audit.find((a) => a.entityId === "ht-mx-emb-mexico-city")!;
    expect(Object.keys(updated.changes).sort()).toEqual(["address", "emails", "lastVerifiedOn", "phones", "sourceDate", "sourceUrls"]);
    expect(updated.changes.sourceDate).toEqual(["2022-11-16", "2024-05-01"]);
    expect(updated.changes.lastVerifiedOn).toEqual(["2022-11-16", "2024-05-01"]);
    expect(await haiti()).toMatchObject({ version: 2, sourceDate: "2024-05-01", lastVerifiedOn: "2024-05-01" });
  });

  it("never moves an office to another city: a stable-id match far away is rejected with both positions", async () => {
    // The same Wikidata item as the Haitian embassy in Mexico City, placed in Cancún.
    const moved = join(scratch, "moved-2024-06-01.csv");
    const [header, haitiRow] = readFileSync(DOE, "utf8").split("\n");
    writeFileSync(moved, `${header}\n${haitiRow.replace(";19.4111;-99.2302;", ";21.1619;-86.8515;")}\n`);
    const before = await haiti();
    const result = await runImport(ds, moved, { format: "auto", apply: true });
    expect(result.diff.changed).toEqual([]);
    expect(result.diff.rejected).toEqual([
      {
        line: 2,
        id: "http://www.wikidata.org/entity/Q110754652",
        reason: expect.stringMatching(/^moved: the export puts it at \(21\.1619, -86\.8515\), 13\d\d km from ht-mx-emb-mexico-city at \(19\.4111, -99\.2302\); an import never moves an office/),
      },
    ]);
    expect(await haiti()).toEqual(before);
  });

  it("proposes a same-key row far from the office as a new office, never as a move", async () => {
    // The directory as the issue found it: France's and Poland's consulates general in Chicago only
    // (no city, Chicago's coordinates), not yet those in Washington and New York.
    await ds.query(`DELETE FROM representation WHERE id IN ('fr-us-cg-nocity', 'pl-us-cg-new-york')`);
    const result = await runImport(ds, FAR, { format: "auto", apply: false });
    expect(result.diff.changed).toEqual([]);
    expect(result.diff.rejected).toEqual([]);
    expect(result.diff.created.map((r) => [r.id, r.note])).toEqual([
      ["fr-us-cg-nocity", expect.stringMatching(/^9\d\d km from fr-us-cg-nocity-2 at \(41\.8826, -87\.6309\): another office$/)],
      ["pl-us-cg-new-york-city", expect.stringMatching(/^1\d\d\d km from pl-us-cg-nocity at \(41\.9105, -87\.6266\): another office$/)],
    ]);
  });

  it("does not take coordinates outside the host country: a warning, and no change proposed", async () => {
    // Real rows of the 2022-11-16 export: Israel's embassy in Guatemala at Abuja, Belgium's in Havana at Zagreb.
    const result = await runImport(ds, fixture("outside-host-2022-11-16.csv"), { format: "auto", apply: false });
    expect(result.parsed.warnings.map((w) => w.reason.replace(/ \d+(\.\d)? km/, " N km"))).toEqual([
      "coordinates 9.05461, 7.52745 lie N km outside GT (in NG): not taken",
      "coordinates 45.8272, 15.961 lie N km outside CU (in HR): not taken",
    ]);
    expect(result.diff.changed.filter((c) => c.changes.coordinates)).toEqual([]);
  });

  it("treats rows with the same Wikidata item as one office and reports the repeats", async () => {
    const result = await runImport(ds, REPEATED, { format: "auto", apply: true });
    expect(result.diff.created.map((r) => r.id)).toEqual(["xk-pa-emb-panama-city"]);
    expect(result.diff.repeated).toHaveLength(14);
    expect(result.diff.repeated[0]).toEqual({ line: 3, id: "http://www.wikidata.org/entity/Q111109359", firstLine: 2 });
    expect(result.diff.rejected).toEqual([]);
    expect(await ds.manager.countBy(Representation, { sendingCountryCode: "XK", hostCountryCode: "PA" })).toBe(1);
  });

  it("rejects a repeat that says something else, and uses the first row", async () => {
    const conflicting = join(scratch, "conflicting-2024-06-01.csv");
    const [header, row] = readFileSync(REPEATED, "utf8").split("\n");
    writeFileSync(conflicting, `${header}\n${row}\n${row.replace(";8.98259;-79.50953;", ";8.99;-79.51;")}\n`);
    const result = await runImport(ds, conflicting, { format: "auto", apply: false });
    expect(result.diff.unchanged).toEqual(["xk-pa-emb-panama-city"]);
    expect(result.diff.rejected).toEqual([{ line: 3, id: "http://www.wikidata.org/entity/Q111109359", reason: "repeat: line 2 has the same id with other values; the first row is used" }]);
  });
});
