import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDirectory } from "../../seed/src/directory";
import { parseRepresentationRows } from "../../seed/src/directory/representation-rows";
import { normalizePhone, normalizePhones } from "../../platform/src/phones";
import { createDirectoryDataSource } from "../../subgraphs/directory/src/database";
import { openDatabase } from "../../platform/src/database";
import { createTestDatabases, DATABASES, type TestDatabases } from "../helpers/databases";

const COUNTRIES = new Set(["HT", "MX", "DO", "GT"]);

describe("parseRepresentationRows", () => {
  const parsed = parseRepresentationRows(readFileSync(join(__dirname, "fixtures/bad-rows.csv"), "utf8"), COUNTRIES);

  it("rejects rows that cannot be trusted, each with its line and reason", () => {
    expect(parsed.read).toBe(10);
    expect(parsed.rejected.map((r) => [r.line, r.id, r.reason.split(":")[0]])).toEqual([
      [3, "bad-sender", "sending_country_iso2"],
      [4, "bad-kind", "kind"],
      [5, "half-coords", "latitude/longitude"],
      [6, "far-lat", "latitude"],
      [7, "no-source", "source_url"],
      [8, "self", "host_country_iso2"],
      [9, "ok-row-1", "id"],
      [10, "Bad Id", "id"],
      [11, "bad-date", "source_date"],
    ]);
    expect(parsed.rejected[0].reason).toBe('sending_country_iso2: unknown ISO 3166-1 code "XX"');
  });

  it("keeps a row with flawed values, drops only those values, and warns", () => {
    expect(parsed.rows).toHaveLength(1);
    const [row] = parsed.rows;
    expect(row).toMatchObject({
      id: "ok-row-1",
      concurrent: ["GT"], // ZZ unknown, MX is the host
      emails: ["consul@example.org"],
      phones: [
        { e164: "+525555400100", raw: "(55) 5540-0100" },
        { e164: null, raw: "12" },
      ],
      latitude: 19.4,
      longitude: -99.1,
      sourceDate: "2024-05",
    });
    expect(parsed.warnings.map((w) => w.reason.split(":")[0])).toEqual(["concurrent_accreditation_iso2", "email", "phone"]);
  });
});

describe("phone normalisation", () => {
  it("reads international and national formats, keeping the raw text", () => {
    expect(normalizePhone("+1-613-565-7272", "CA")).toEqual({ e164: "+16135657272", raw: "+1-613-565-7272" });
    expect(normalizePhone("(202) 797-8518", "US")).toEqual({ e164: "+12027978518", raw: "(202) 797-8518" });
    expect(normalizePhone("+506-2289-2226", "CR")).toEqual({ e164: "+50622892226", raw: "+506-2289-2226" });
    expect(normalizePhone("+57-1-6353406", "CO")).toEqual({ e164: null, raw: "+57-1-6353406" });
  });
  it("splits cells holding several numbers", () => {
    expect(normalizePhones("+507-388-8000 / +507 301 14 38", "PA").map((p) => p.e164)).toEqual(["+5073888000", "+5073011438"]);
    expect(normalizePhones("", "PA")).toEqual([]);
  });
});

describe.each(DATABASES)("seedDirectory on the real data (%s)", (db) => {
  let databases: TestDatabases;
  beforeAll(async () => {
    databases = await createTestDatabases(db, ["directory"]);
  });
  afterAll(() => databases?.drop());

  it("loads every row of representations.csv, and a second run changes nothing", async () => {
    const dataSource = await openDatabase(createDirectoryDataSource(databases.config("directory")));
    try {
      const first = await seedDirectory(dataSource);
      expect(first.representations).toMatchObject({ read: 886, inserted: 886, present: 0, rejected: [] });
      expect(first.countries.inserted).toBeGreaterThanOrEqual(249);
      expect(first.procedures.inserted).toBe(9);
      const snapshot = async () => ({
        reps: await dataSource.query(`SELECT id, version, phones, search_text FROM representation ORDER BY id`),
        offers: (await dataSource.query(`SELECT COUNT(*) AS n FROM procedure_offer`))[0],
        sources: (await dataSource.query(`SELECT COUNT(*) AS n FROM field_source`))[0],
        jurisdictions: (await dataSource.query(`SELECT COUNT(*) AS n FROM representation_jurisdiction`))[0],
      });
      const before = await snapshot();
      const second = await seedDirectory(dataSource);
      expect(second.representations).toMatchObject({ read: 886, inserted: 0, present: 886 });
      expect(second.countries.inserted).toBe(0);
      expect(second.procedures.inserted).toBe(0);
      expect(await snapshot()).toEqual(before);
    } finally {
      await dataSource.destroy();
    }
  });
});

describe.each(DATABASES)("seedDirectory on a database seeded before the directory grew (%s)", (db) => {
  let databases: TestDatabases;
  beforeAll(async () => {
    databases = await createTestDatabases(db, ["directory"]);
  });
  afterAll(() => databases?.drop());

  it("adds the new rows at the next start and leaves edited rows as they are", async () => {
    const dataSource = await openDatabase(createDirectoryDataSource(databases.config("directory")));
    try {
      // The seed file of the project until 2026-12-02: 677 rows. With the sources kept beside
      // it (fixtures/field-sources.csv), 15 hold a value no quotable source states: refused.
      const old = await seedDirectory(dataSource, join(__dirname, "fixtures/representations-677.csv"));
      expect(old.representations).toMatchObject({ read: 677, inserted: 662 });
      expect(old.representations.rejected).toHaveLength(15);
      expect(old.representations.rejected.every((r) => /no source \(url, date and excerpt\) states it/.test(r.reason))).toBe(true);
      // A secretariat edit meanwhile: the next seed must not undo it.
      const edited = "ht-mx-cons-tapachula";
      await dataSource.query(`UPDATE representation SET address = 'Edited by the secretariat', version = version + 1 WHERE id = '${edited}'`);
      const [before] = await dataSource.query(`SELECT address, version, latitude, longitude FROM representation WHERE id = '${edited}'`);
      // What the seed left before positions were checked: Israel's embassy in Guatemala at
      // Abuja, Haiti's consulate in Boston without a position. Belgium's in Havana is at
      // Zagreb too, but the secretariat has edited it since: its word stays.
      const abuja = `latitude = 9.05461, longitude = 7.52745, coordinate_precision = 'EXACT'`;
      await dataSource.query(`UPDATE representation SET ${abuja} WHERE id = 'il-gt-emb-guatemala-city'`);
      await dataSource.query(`UPDATE representation SET ${abuja}, version = version + 1 WHERE id = 'be-cu-emb-havana'`);
      await dataSource.query(`UPDATE representation SET latitude = NULL, longitude = NULL, coordinate_precision = NULL WHERE id = 'ht-us-cg-boston'`);

      const next = await seedDirectory(dataSource);
      const rows = next.representations.read;
      expect(next.representations).toMatchObject({ inserted: rows - 662, present: 662, rejected: [] });
      expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM representation`))[0].n)).toBe(rows);
      expect(await dataSource.query(`SELECT address, version, latitude, longitude FROM representation WHERE id = '${edited}'`)).toEqual([before]);
      expect(next.representations.repairedPositions).toBe(2);
      const position = async (id: string) => (await dataSource.query(`SELECT latitude, longitude, coordinate_precision AS precision, version FROM representation WHERE id = '${id}'`))[0];
      expect(await position("il-gt-emb-guatemala-city")).toMatchObject({ precision: "CITY", version: 2 });
      expect(await position("ht-us-cg-boston")).toMatchObject({ precision: "CITY", version: 2 });
      expect(await position("be-cu-emb-havana")).toMatchObject({ precision: "EXACT", version: 2 });
      const [audit] = await dataSource.query(`SELECT actor, action FROM directory_audit WHERE entity_id = 'il-gt-emb-guatemala-city'`);
      expect(audit).toEqual({ actor: "seed:positions", action: "UPDATED" });
      // The new rows come with their jurisdictions and procedures, like the old ones.
      const [{ n: withoutJurisdiction }] = await dataSource.query(
        `SELECT COUNT(*) AS n FROM representation r WHERE NOT EXISTS (SELECT 1 FROM representation_jurisdiction j WHERE j.representation_id = r.id)`,
      );
      expect(Number(withoutJurisdiction)).toBe(0);
    } finally {
      await dataSource.destroy();
    }
  });
});
